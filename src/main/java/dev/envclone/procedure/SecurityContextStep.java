package dev.envclone.procedure;

import dev.envclone.sql.CleanupItem;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * "Clean up the security context" as an executable step on SQL Server: the restore brings the source
 * environment's database users (OSADMIN, OSRUNTIME, OSLOG by default), which on the same server map by SID to the
 * source's logins and keep their rights in the clone. The step gives what they own to dbo and drops them, in the
 * platform catalog and the log catalog when it is separate; the Configuration Tool grants the target's own users
 * later. Reviewed and executed like the cleanup scripts (preview, pre-image, one transaction, journal,
 * postcondition: none of the named users is left).
 *
 * <p>Oracle has no such step: create-users.sql creates the target's users afresh and impdp imports schemas into
 * them; a database user of the source never reaches the target database (docs/decisions/0013).
 */
final class SecurityContextStep {
    static final String ID = "security-context";
    private static final String TITLE = "Clean up the security context";

    private SecurityContextStep() {
    }

    /**
     * The step's one item, as a value: steps are found again by equality (the wizard's list, a run's numbering),
     * and a lambda made per plan would make two builds of the same plan's step unequal.
     */
    private record Items(SecurityContext item) implements Function<CleanupContext, List<CleanupItem>> {
        @Override
        public List<CleanupItem> apply(CleanupContext context) {
            return List.of(item);
        }
    }

    static Step forPlan(MigrationPlan plan) {
        SqlServerSettings s = plan.sqlServer();
        List<String> users = s.sourceUsers().distinct();
        List<String> catalogs = s.restoredCatalogs();
        CleanupDefinition definition = new CleanupDefinition(ID, TITLE,
                "Gives what the restored users of the source environment, " + String.join(", ", users)
                        + ", own (schemas, roles, objects) to dbo and drops them from " + String.join(" and ",
                        catalogs) + ": restored on the same server they map by SID to the source's logins and "
                        + "keep their rights in the clone.",
                null, Map.of(Dbms.SQLSERVER, TITLE), false, null,
                new Items(new SecurityContext(users, catalogs)));
        return new Step(ID, TITLE, StepKind.CLEANUP, definition.reference(plan.dbms(), plan.installPath()),
                definition.why(), List.of(
                        "The preview lists, per user, the schemas, roles and objects it owns and the login its SID "
                                + "maps to on this server.",
                        "An object in a user's own schema stops the step with nothing done: move or drop it (an "
                                + "application-level decision), then run the step again.",
                        "Run it as a login that is db_owner (or sysadmin) in " + String.join(" and ", catalogs)
                                + ": DROP USER needs ALTER ANY USER, ALTER AUTHORIZATION needs TAKE OWNERSHIP of "
                                + "the entity and IMPERSONATE on dbo.",
                        "A schema, role or object that changes owner loses the permissions granted on it (SQL "
                                + "Server drops them with ALTER AUTHORIZATION): the preview lists each one.",
                        "The target's users (" + String.join(", ", plan.users().distinct()) + ") are not touched: "
                                + "the Configuration Tool creates and grants them during the install."),
                null, definition, List.of(), ProcedurePhase.CLEAN_UP);
    }
}
