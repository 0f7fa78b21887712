package dev.envclone.procedure;

import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import dev.envclone.sql.ScriptRenderer;
import dev.envclone.sql.ScriptSection;
import java.util.ArrayList;
import java.util.List;

/**
 * cleanup.sql: every cleanup step of the plan, numbered as in the checklist, for SSMS or SQL*Plus. The statements
 * are those the engine executes; only the session setup and the table-exists checks take the script's form.
 */
public final class CleanupScript {
    private CleanupScript() {
    }

    public static String render(MigrationPlan plan) {
        CleanupContext context = context(plan);
        ScriptRenderer renderer = renderer(plan);
        List<Step> steps = ProcedureCatalog.stepsFor(plan);
        List<ScriptSection> sections = new ArrayList<>();
        for (Step step : steps) {
            if (step.kind() == StepKind.CLEANUP) {
                CleanupDefinition definition = step.cleanup();
                sections.add(new ScriptSection("Step " + (steps.indexOf(step) + 1) + ": " + step.title(),
                        step.reference().toString(), definition.block(), definition.statementsFor(context)));
            }
        }
        return renderer.render(header(plan), sections);
    }

    /**
     * One cleanup step's statements as cleanup.sql writes them: what a report shows for a step that never ran, whose
     * dynamic statements were therefore never generated.
     */
    public static String stepText(MigrationPlan plan, Step step) {
        ScriptRenderer renderer = renderer(plan);
        return step.cleanup().statementsFor(context(plan)).stream().map(renderer::itemText)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static CleanupContext context(MigrationPlan plan) {
        return new CleanupContext(Dialect.of(plan.dbms()), plan.users().admin());
    }

    private static ScriptRenderer renderer(MigrationPlan plan) {
        String catalog = plan.dbms() == Dbms.SQLSERVER ? plan.sqlServer().platform().catalog() : null;
        return new ScriptRenderer(Dialect.of(plan.dbms()), new Dialect.ScriptTarget(catalog, plan.users().admin()));
    }

    private static List<String> header(MigrationPlan plan) {
        boolean sqlServer = plan.dbms() == Dbms.SQLSERVER;
        return List.of(
                "envclone cleanup script: " + plan.sourceEnvironment() + " -> " + plan.targetEnvironment() + ", "
                        + plan.dbms().displayName() + ", " + plan.installPath().documentSection().toLowerCase(
                        java.util.Locale.ROOT),
                sqlServer ? "Target: the restored catalog " + plan.sqlServer().platform().catalog()
                        : "Target: the imported platform schema " + plan.users().admin(),
                sqlServer ? "Run in SSMS (or sqlcmd). Each step is one transaction; an error rolls the step back."
                        : "Run in SQL*Plus. The first error stops the script and rolls the open step back.",
                "Step numbers are those of checklist.md. The database connections step belongs after the license "
                        + "and environment steps,",
                "and stops by itself while extensions still map database connections.",
                "");
    }
}
