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
        Dialect dialect = Dialect.of(plan.dbms());
        String admin = plan.users().admin();
        CleanupContext context = new CleanupContext(dialect, admin);
        String catalog = plan.dbms() == Dbms.SQLSERVER ? plan.sqlServer().platform().catalog() : null;
        ScriptRenderer renderer = new ScriptRenderer(dialect, new Dialect.ScriptTarget(catalog, admin));
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
