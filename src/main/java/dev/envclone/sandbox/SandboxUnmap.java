package dev.envclone.sandbox;

import dev.envclone.db.TargetSession;
import dev.envclone.procedure.MigrationPlan;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The rehearsal's stand-in for Service Center > Factory > Extensions > Operation > (not configured): deletes every
 * extension-to-connection mapping in the sandbox. It uses a session of its own, not the run's, because this is the
 * operator's work outside envclone, not a step envclone records; and it refuses any database but an H2 sandbox,
 * because on a real environment only Service Center may change these rows. The session is set up as a run's
 * ({@link TargetSession}): on Oracle the table is found in the plan's admin schema.
 */
public final class SandboxUnmap {
    private SandboxUnmap() {
    }

    /** Deletes the mappings and commits; returns how many were removed. */
    public static int unmapAll(String url, String user, char[] password, MigrationPlan plan) throws SQLException {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            throw new IllegalStateException("the target is not the rehearsal sandbox; on a real environment unmap "
                    + "the extensions in Service Center > Factory > Extensions");
        }
        try (TargetSession session = TargetSession.open(url, user, password, plan.dbms(), plan.users().admin());
             Statement statement = session.connection().createStatement()) {
            int removed = statement.executeUpdate("DELETE FROM OSSYS_EXTENSION_DBCONNECTION");
            session.connection().commit();
            return removed;
        } // closing the session rolls back what was not committed
    }
}
