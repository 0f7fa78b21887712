package dev.envclone.db;

import dev.envclone.sql.RowChange;
import dev.envclone.sql.SecurityContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How the security-context step reads a target's catalog and what it executes there: the one seam between a real
 * SQL Server ({@link SqlServerSecurityForm}: sys.* views, ALTER AUTHORIZATION, one transaction) and the rehearsal
 * sandbox ({@link SandboxSecurityForm}: H2's INFORMATION_SCHEMA and DDL), chosen by the database product as
 * {@link TargetLock} chooses its sandbox form. Both produce the same plan of actions, in the same order.
 */
interface SecurityContextForm {

    /**
     * What the step would do now.
     *
     * @param changes the actions, in the order they run (empty once no named user is left)
     * @param blockedBy why the step may not run (an object in a user's own schema), or null
     */
    record Found(List<RowChange> changes, String blockedBy) {
        public Found {
            changes = List.copyOf(changes);
        }
    }

    Found discover(Connection connection, SecurityContext context) throws SQLException;

    static SecurityContextForm of(Connection connection) throws SQLException {
        return "H2".equals(connection.getMetaData().getDatabaseProductName()) ? SandboxSecurityForm.INSTANCE
                : SqlServerSecurityForm.INSTANCE;
    }

    /** The end of a blocked step's message. */
    String NOTHING_RAN = "Nothing of the step ran: move or drop those objects (an application-level decision: "
            + "check which applications use them), then run the step again.";
}
