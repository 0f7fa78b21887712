package dev.envclone.clone;

import dev.envclone.db.TargetSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks before a backup or restore that change nothing: the service account, the login's rights, and whether
 * the backup file exists. Each refusal names who lacks what, and what to do.
 */
final class ServerChecks {
    private static final Logger LOG = LoggerFactory.getLogger(ServerChecks.class);
    static final String LEFT = "nothing was changed";

    private ServerChecks() {
    }

    /**
     * The account the database engine runs as, as the operator should name it to the DBA; without VIEW SERVER
     * STATE the login cannot read it, and the text says whose account is meant instead.
     */
    static String serviceAccount(TargetSession session) {
        try (Statement statement = session.connection().createStatement();
                ResultSet rows = statement.executeQuery(SqlServerCloneQueries.SERVICE_ACCOUNT)) {
            if (rows.next() && rows.getString("service_account") != null) {
                return rows.getString("service_account");
            }
        } catch (SQLException e) {
            LOG.info("sys.dm_server_services cannot be read by this login ({}): the service account is not named",
                    e.getMessage());
        }
        return "the account the SQL Server service runs as; sys.dm_server_services names it to a login with VIEW "
                + "SERVER STATE";
    }

    /** Sysadmin, db_owner or db_backupoperator of the catalog, or BACKUP DATABASE granted there. */
    static void backupRights(TargetSession session, String catalog, String login) throws CloneFailedException {
        try (Statement statement = session.connection().createStatement();
                ResultSet rows = statement.executeQuery(SqlServerCloneQueries.backupRights(catalog))) {
            backupRights(rows, catalog, login);
        } catch (SQLException e) {
            throw new CloneFailedException("Login " + login + " cannot open " + catalog + " on the source server ("
                    + ServerErrors.messages(e) + "): it needs a user there in db_owner or db_backupoperator, or "
                    + "the sysadmin server role.", LEFT, false, e);
        }
    }

    /** The decision on the row of {@link SqlServerCloneQueries#backupRights}. */
    static void backupRights(ResultSet rows, String catalog, String login) throws SQLException, CloneFailedException {
        ResultColumns c = ResultColumns.require(rows, "IS_ROLEMEMBER", "is_sysadmin", "is_db_owner",
                "is_db_backupoperator", "has_backup_database");
        if (c.next() && (yes(c.number("is_sysadmin")) || yes(c.number("is_db_owner"))
                || yes(c.number("is_db_backupoperator")) || yes(c.number("has_backup_database")))) {
            return;
        }
        throw new CloneFailedException("Login " + login + " may not back up " + catalog + ": it is not in the "
                + "sysadmin server role, nor in db_owner or db_backupoperator of " + catalog + ", and has no BACKUP "
                + "DATABASE permission there. Ask a DBA to add its user in " + catalog + " to db_backupoperator.",
                LEFT);
    }

    /** CREATE DATABASE (sysadmin, dbcreator, CREATE ANY DATABASE) and IMPERSONATE on the plan's owner. */
    static void restoreRights(TargetSession session, String login, String owner) throws CloneFailedException {
        try (PreparedStatement query = session.connection().prepareStatement(SqlServerCloneQueries.RESTORE_RIGHTS)) {
            query.setString(1, owner);
            try (ResultSet rows = query.executeQuery()) {
                restoreRights(rows, login, owner);
            }
        } catch (SQLException e) {
            throw new CloneFailedException("The target server did not say what login " + login + " may do ("
                    + ServerErrors.messages(e) + ").", LEFT, false, e);
        }
    }

    /** The decision on the row of {@link SqlServerCloneQueries#RESTORE_RIGHTS}. */
    static void restoreRights(ResultSet rows, String login, String owner) throws SQLException, CloneFailedException {
        ResultColumns c = ResultColumns.require(rows, "IS_SRVROLEMEMBER", "is_sysadmin", "is_dbcreator",
                "has_create_any_database", "can_impersonate_owner");
        if (!c.next()) {
            throw new CloneFailedException("The target server did not say what login " + login + " may do.", LEFT);
        }
        boolean sysadmin = yes(c.number("is_sysadmin"));
        if (!sysadmin && !yes(c.number("is_dbcreator")) && !yes(c.number("has_create_any_database"))) {
            throw new CloneFailedException("Login " + login + " may not create databases on the target server: a "
                    + "RESTORE into a new catalog needs the sysadmin or dbcreator server role, or CREATE ANY "
                    + "DATABASE. Ask a DBA to add it to dbcreator.", LEFT);
        }
        Long impersonate = c.number("can_impersonate_owner");
        if (impersonate == null) {
            throw new CloneFailedException("The plan's owner " + owner + " is no login on the target server: make "
                    + "the plan again with --owner set to one that is (sa by default).", LEFT);
        }
        // Giving the clone to oneself needs no IMPERSONATE: the restoring login owns it already.
        if (!sysadmin && impersonate != 1 && !owner.equalsIgnoreCase(login)) {
            throw new CloneFailedException("Login " + login + " may not make " + owner + " the clone's owner: ALTER "
                    + "AUTHORIZATION to another login needs IMPERSONATE on it, or sysadmin. Ask a DBA for GRANT "
                    + "IMPERSONATE ON LOGIN::[" + owner + "] TO [" + login + "], or make the plan again with --owner "
                    + login + ".", LEFT);
        }
    }

    /**
     * Refuses a backup file that exists or a folder the service account cannot reach, by reading the file's media
     * header (RESTORE LABELONLY): the server opens it as the service account, so the operating system's answer
     * is that account's. No file is written, nothing undocumented is called.
     */
    static void backupFileIsNew(TargetSession session, String sql, String path, String account)
            throws CloneFailedException {
        try (Statement statement = session.connection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            int os = ServerErrors.osError(e);
            if (os == 2) {
                return;
            }
            String access = ServerErrors.fileAccess(e, account, path, "write");
            throw new CloneFailedException((access != null ? access : "The source server cannot check " + path
                    + " (" + ServerErrors.messages(e) + ").") + " Nothing was backed up.", LEFT, false, e);
        }
        throw new CloneFailedException("Backup file " + path + " already exists: move it away, or make a new plan "
                + "(it gets a new backup name). Nothing was backed up.", LEFT);
    }

    /** Whether a file exists on the server, by its media header; false when the server cannot open it. */
    static boolean fileExists(TargetSession session, String sql) {
        try (Statement statement = session.connection().createStatement()) {
            statement.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean yes(Long value) {
        return value != null && value == 1;
    }
}
