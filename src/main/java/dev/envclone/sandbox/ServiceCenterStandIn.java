package dev.envclone.sandbox;

import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.run.RunFolder;
import java.io.IOException;
import java.sql.SQLException;

/**
 * The rehearsal's stand-ins for the Service Center actions a cleanup step waits for, done to the sandbox and
 * recorded in the run's journal as such ({@code REHEARSAL_STAND_IN}), so that a rehearsal finishes with every step
 * done and its report says which ones a stand-in did.
 *
 * <p>Only the extensions' database connections have one: the sandbox holds the rows Service Center would change
 * (OSSYS_EXTENSION_DBCONNECTION). LifeTime's Unregister and Register act on the LifeTime environment's own database,
 * which a rehearsal does not have, so there is nothing in the sandbox to stand in for them.
 */
public final class ServiceCenterStandIn {
    /** The manual step that asks for the unmap in Service Center. */
    public static final String UNMAP_STEP = "remove-extension-db-connections";
    static final String UNMAP_ACTION = "Service Center > Factory > Extensions > Operation: every logical database "
            + "of every extension set to (not configured)";

    private ServiceCenterStandIn() {
    }

    /** Whether the plan has the unmap step, which the stand-in records as done (a plan without it maps nothing). */
    public static boolean offered(MigrationPlan plan) {
        return ProcedureCatalog.stepsFor(plan).stream().anyMatch(s -> s.id().equals(UNMAP_STEP));
    }

    /**
     * Deletes every extension-to-connection mapping in the sandbox, as Service Center would, and records it on the
     * unmap step. The run must be a rehearsal (its target recorded as H2) and the URL the sandbox's; nothing is
     * changed otherwise.
     *
     * @return how many mappings were removed
     */
    public static int unmapConnections(RunFolder run, String url, String user, char[] password, String operator)
            throws SQLException, IOException {
        if (!run.rehearsal()) {
            throw new IllegalStateException("this run's target is not the rehearsal sandbox: on a real environment "
                    + "unmap the extensions in Service Center > Factory > Extensions, then tick the step");
        }
        if (!offered(run.plan())) {
            throw new IllegalStateException("the plan leaves out the extensions' database connections: there is no "
                    + "step '" + UNMAP_STEP + "' to stand in for");
        }
        int removed = SandboxUnmap.unmapAll(url, user, password, run.plan());
        run.standIn(UNMAP_STEP, UNMAP_ACTION, removed + (removed == 1 ? " mapping" : " mappings")
                + " deleted from OSSYS_EXTENSION_DBCONNECTION", operator);
        return removed;
    }
}
