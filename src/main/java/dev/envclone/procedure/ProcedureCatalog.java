package dev.envclone.procedure;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered steps of the procedure for a plan: prerequisites, clone or export/import, the security context
 * (SQL Server), every cleanup script, the install path, then what needs the running environment.
 *
 * <p>One ordering choice departs from the document's layout: LifeTime registration, reconfiguring SAML and
 * disabling LifeTime need a running environment, so they come after the install path rather than inside the
 * cleanup sections (docs/deviations.md).
 */
public final class ProcedureCatalog {
    private ProcedureCatalog() {
    }

    /** Every step, including those of optional parts the plan excludes. */
    public static List<Step> allSteps(MigrationPlan plan) {
        List<Step> steps = new ArrayList<>(PrepareSteps.forPlan(plan));
        for (CleanupDefinition definition : CleanupCatalog.all()) {
            if (definition.afterInstall()) {
                continue;
            }
            steps.add(InstallSteps.cleanup(definition, plan));
            if (definition == CleanupCatalog.MANAGED_BY_LIFETIME) {
                steps.add(lifetime(plan, ProcedurePhase.CLEAN_UP, "lifetime-unregister", "Unregister the environment in LifeTime",
                        "In LifeTime, Infrastructure > Manage Environments: edit the environment the database was "
                                + "restored into and click Unregister environment."));
            }
        }
        steps.addAll(InstallSteps.forPlan(plan));
        steps.add(Step.manual(ProcedurePhase.AFTER_INSTALL, "reconfigure-saml", "Configure external authentication again",
                CleanupCatalog.SAML.reference(plan.dbms(), plan.installPath()),
                "Configure SAML (or the other external authentication) again in the Users module.")
                .forPart(OptionalPart.SAML));
        steps.add(lifetime(plan, ProcedurePhase.AFTER_INSTALL, "lifetime-register", "Register the environment in LifeTime",
                "In LifeTime, Infrastructure > Manage Environments: click Register Another Environment and follow "
                        + "LifeTime's instructions."));
        steps.add(Step.manual(ProcedurePhase.AFTER_INSTALL, "disable-lifetime", "Disable the cloned LifeTime (optional)",
                CleanupCatalog.RUNNING_LIFETIME.reference(plan.dbms(), plan.installPath()),
                "In Service Center, Factory > Applications > LifeTime: click Disable, so that the cloned LifeTime "
                        + "cannot be reached.").forPart(OptionalPart.RUNNING_LIFETIME));
        return List.copyOf(steps);
    }

    /** The steps that apply to the plan, in order. */
    public static List<Step> stepsFor(MigrationPlan plan) {
        return allSteps(plan).stream().filter(s -> s.part() == null || plan.includes(s.part())).toList();
    }

    /** The cleanup steps that apply to the plan, in order. */
    public static List<Step> cleanupSteps(MigrationPlan plan) {
        return stepsFor(plan).stream().filter(s -> s.kind() == StepKind.CLEANUP).toList();
    }

    private static Step lifetime(MigrationPlan plan, ProcedurePhase phase, String id, String title,
                                 String instruction) {
        return Step.manual(phase, id, title, CleanupCatalog.MANAGED_BY_LIFETIME.reference(plan.dbms(), plan.installPath()),
                instruction).forPart(OptionalPart.MANAGED_BY_LIFETIME);
    }
}
