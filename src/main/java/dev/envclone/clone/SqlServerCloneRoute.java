package dev.envclone.clone;

import dev.envclone.db.TargetInspection;
import dev.envclone.db.TargetSession;
import dev.envclone.db.TargetUrl;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.SqlServerSettings;
import java.sql.SQLException;
import java.util.List;

/**
 * SQL Server BACKUP/RESTORE over JDBC: backup-database on the source server, restore-database on the target
 * server, from the plan's SQL Server settings (catalogs, logical files, backup, data and log folders, restore
 * settings). The statements are those of backup-on-source.sql and restore-on-target.sql
 * ({@link SqlServerCloneSql}); every session is opened through {@code TargetSession} (server-level ones with
 * {@code TargetSession.openServer}), one at a time per action plus the progress poll's, and closed when the
 * action returns: the route itself holds nothing open.
 */
public final class SqlServerCloneRoute implements CloneRoute {
    private final SqlServerSettings settings;
    private final String sourceFingerprint;
    private final List<CloneAction> actions;

    private SqlServerCloneRoute(SqlServerSettings settings, String sourceFingerprint, SqlServerLogin source,
            SqlServerLogin target) {
        this.settings = settings;
        this.sourceFingerprint = sourceFingerprint;
        this.actions = List.of(new SqlServerBackupAction(settings, source),
                new SqlServerRestoreAction(settings, target));
    }

    /**
     * Connects to the source's catalog once, for its fingerprint, and checks that the URLs name the plan's
     * catalogs (the source URL the source catalog; the target URL the new catalog, which the restore creates).
     *
     * @throws CloneFailedException when the plan is not a SQL Server plan, a URL names another catalog, or the
     *     source cannot be reached; nothing was changed
     */
    public static SqlServerCloneRoute open(MigrationPlan plan, SqlServerLogin source, SqlServerLogin target)
            throws CloneFailedException {
        SqlServerSettings s = plan.sqlServer();
        if (s == null) {
            throw new CloneFailedException("The plan has no SQL Server settings: the SQL Server clone route is for "
                    + "a SQL Server plan.", ServerChecks.LEFT);
        }
        sameCatalog("--source", source.url(), s.platform().sourceCatalog(), "the plan's source catalog");
        sameCatalog("--target", target.url(), s.platform().catalog(), "the plan's new catalog");
        try (TargetSession session = source.database()) {
            session.readOnly();
            return new SqlServerCloneRoute(s, TargetInspection.fingerprint(session.connection()), source, target);
        } catch (SQLException e) {
            throw new CloneFailedException("The source database could not be read for its fingerprint: "
                    + ServerErrors.messages(e), ServerChecks.LEFT, false, e);
        }
    }

    private static void sameCatalog(String option, String url, String catalog, String what)
            throws CloneFailedException {
        String named;
        try {
            named = TargetUrl.parse(option, url, "give the password on its own, never in the URL").database();
        } catch (IllegalArgumentException e) {
            throw new CloneFailedException(e.getMessage(), ServerChecks.LEFT);
        }
        if (!catalog.equalsIgnoreCase(named)) {
            throw new CloneFailedException(option + " names database " + named + ", but " + what + " is " + catalog
                    + ": give ;databaseName=" + catalog + " in the URL, or make the plan again.", ServerChecks.LEFT);
        }
    }

    @Override
    public String name() {
        return "SQL Server BACKUP/RESTORE over JDBC";
    }

    @Override
    public String sourceFingerprint() {
        return sourceFingerprint;
    }

    @Override
    public List<CloneAction> actions() {
        return actions;
    }

    /** The plan's SQL Server settings the actions carry out. */
    SqlServerSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        // Each action opens and closes its own sessions.
    }
}
