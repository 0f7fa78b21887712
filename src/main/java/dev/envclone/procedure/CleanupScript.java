package dev.envclone.procedure;

import dev.envclone.sql.Dialect;
import dev.envclone.sql.ScriptRenderer;
import dev.envclone.sql.ScriptSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cleanup scripts: one file per {@link InstallPhase}, since the checklist runs them at different times, each
 * holding the plan's cleanup steps of that phase, numbered as in the checklist, for sqlcmd/SSMS or SQL*Plus. The
 * statements are those the engine executes; only the session setup, the guards and the table-exists checks take
 * the script's form. Every step carries its own session setup and guards, so that a step run alone is as safe as
 * the file.
 */
public final class CleanupScript {
    private CleanupScript() {
    }

    /** File name to content, one file per phase, in the order they are run. */
    public static Map<String, String> files(MigrationPlan plan) {
        Map<String, String> files = new LinkedHashMap<>();
        for (InstallPhase phase : InstallPhase.values()) {
            files.put(phase.scriptName(), render(plan, phase));
        }
        return files;
    }

    /** The script of one phase. */
    public static String render(MigrationPlan plan, InstallPhase phase) {
        CleanupContext context = context(plan);
        List<Step> steps = ProcedureCatalog.stepsFor(plan);
        List<ScriptSection> sections = new ArrayList<>();
        for (int index = 0; index < steps.size(); index++) {
            Step step = steps.get(index);
            if (step.kind() == StepKind.CLEANUP && InstallPhase.of(steps, step) == phase) {
                CleanupDefinition definition = step.cleanup();
                sections.add(new ScriptSection("Step " + (index + 1) + ": " + step.title(),
                        step.reference().toString(), definition.block(), definition.statementsFor(context)));
            }
        }
        return renderer(plan).render(header(plan, phase, steps), sections);
    }

    /** The name of the file that holds a cleanup step of the plan. */
    public static String fileOf(MigrationPlan plan, Step step) {
        return InstallPhase.of(plan, step).scriptName();
    }

    /**
     * One cleanup step's statements as its script writes them (without the step's session setup and guards): what
     * a report shows for a step that never ran, whose dynamic statements were therefore never generated.
     */
    public static String stepText(MigrationPlan plan, Step step) {
        ScriptRenderer renderer = renderer(plan);
        return step.cleanup().statementsFor(context(plan)).stream().map(renderer::itemText)
                .collect(Collectors.joining("\n"));
    }

    private static CleanupContext context(MigrationPlan plan) {
        return new CleanupContext(Dialect.of(plan.dbms()), plan.users().admin());
    }

    private static ScriptRenderer renderer(MigrationPlan plan) {
        String catalog = switch (plan.dbms()) {
            case SQLSERVER -> plan.sqlServer().platform().catalog();
            case ORACLE -> null;
        };
        return new ScriptRenderer(Dialect.of(plan.dbms()), new Dialect.ScriptTarget(catalog, plan.users().admin()));
    }

    private static List<String> header(MigrationPlan plan, InstallPhase phase, List<Step> steps) {
        List<String> lines = new ArrayList<>();
        String when = switch (phase) {
            case BEFORE_INSTALL -> "before the install";
            case AFTER_INSTALL -> "after the install";
        };
        lines.add("envclone cleanup script, " + when + ": " + plan.sourceEnvironment() + " -> "
                + plan.targetEnvironment() + ", " + plan.dbms().displayName() + ", "
                + plan.installPath().documentSection().toLowerCase(Locale.ROOT));
        int start = InstallPhase.installStart(steps);
        String firstInstallStep = start < steps.size()
                ? "checklist step " + (start + 1) + ", " + steps.get(start).title() : "the install";
        switch (phase) {
            case BEFORE_INSTALL -> {
                lines.add("Run it after the clone and before " + firstInstallStep + ".");
                lines.add("Never after that step: from then on the platform writes the new environment's keys and "
                        + "front-ends into these tables.");
            }
            case AFTER_INSTALL -> {
                lines.add("Run each step when checklist.md reaches it, after " + firstInstallStep + ".");
                lines.add("The database connections step deletes every connection but the log's, and stops by "
                        + "itself while extensions still map one;");
                lines.add("run again, it changes nothing, unless connections were created since: run it before you "
                        + "create the new environment's.");
            }
        }
        lines.add("Step numbers are those of checklist.md. Each step sets up its own session and guards, so it can "
                + "also be run alone.");
        return lines;
    }
}
