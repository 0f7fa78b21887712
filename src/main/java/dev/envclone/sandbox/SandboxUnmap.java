package dev.envclone.ui.manual;

import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.sql.Dbms;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The rehearsal's stand-in for Service Center > Factory > Extensions > Operation > (not configured): deletes every
 * extension-to-connection mapping in the sandbox. It uses a connection of its own, not the run's session, because
 * this is the operator's work outside envclone, not a step envclone records; and it refuses any database but an H2
 * sandbox, because on a real environment only Service Center may change these rows.
 */
final class SandboxUnmap {
    private final String url;
    private final String user;
    private final String password;
    private final MigrationPlan plan;

    SandboxUnmap(String url, String user, String password, MigrationPlan plan) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.plan = plan;
    }

    /** Deletes the mappings and commits; returns how many were removed. */
    int run() throws SQLException {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            throw new IllegalStateException("the target is not the rehearsal sandbox; on a real environment unmap "
                    + "the extensions in Service Center > Factory > Extensions");
        }
        try (Connection connection = JdbcUrlTarget.open(url, user,
                password == null ? new char[0] : password.toCharArray())) {
            if (plan.dbms() == Dbms.ORACLE) {
                // On Oracle the platform tables belong to the admin schema, not to the user that connects.
                connection.setSchema(plan.users().admin());
            }
            try (Statement statement = connection.createStatement()) {
                int removed = statement.executeUpdate("DELETE FROM OSSYS_EXTENSION_DBCONNECTION");
                connection.commit();
                return removed;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
