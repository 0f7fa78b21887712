package dev.envclone.procedure;

import java.util.List;

/**
 * When a step stands relative to the install: before it, or from the first Configuration Tool step on. The one rule
 * for both the scripts (one file per phase, run at different times) and the run (a step done before the install is
 * not checked again once the install has begun: the platform then writes new keys and front-ends into the same
 * tables).
 */
public enum InstallPhase {
    BEFORE_INSTALL("cleanup-before-install.sql"),
    AFTER_INSTALL("cleanup-after-install.sql");

    private final String scriptName;

    InstallPhase(String scriptName) {
        this.scriptName = scriptName;
    }

    /** The file of the plan that holds this phase's cleanup steps. */
    public String scriptName() {
        return scriptName;
    }

    /**
     * The index in {@code steps} of the step the install begins with (the first Configuration Tool step), or
     * {@code steps.size()} when there is none.
     */
    public static int installStart(List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() == StepKind.CONFIGURATION_TOOL) {
                return i;
            }
        }
        return steps.size();
    }

    /** The phase of {@code step}, one of {@code steps} (the plan's steps in order). */
    public static InstallPhase of(List<Step> steps, Step step) {
        // By id, which is unique in a plan (the journal is keyed on it): indexOf would compare whole records, and
        // a record's first equals bootstraps its method handles, about 40 LambdaForms spun for a plan (decision 0026).
        int index = 0;
        while (index < steps.size() && !steps.get(index).id().equals(step.id())) {
            index++;
        }
        if (index == steps.size()) {
            throw new IllegalArgumentException("step " + step.id() + " is not one of the plan's steps");
        }
        return index < installStart(steps) ? BEFORE_INSTALL : AFTER_INSTALL;
    }

    /** The phase of a step of the plan. */
    public static InstallPhase of(MigrationPlan plan, Step step) {
        return of(ProcedureCatalog.stepsFor(plan), step);
    }
}
