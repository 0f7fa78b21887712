package dev.envclone.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.Dbms;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every step of the cleanup scripts, cut out of its file as an operator copies it into a new window, carries on its
 * own the session setup and the guards the whole file has: a step run alone runs where and as the file would.
 * Both DBMS, both install paths, every optional part (so every cleanup step is in a file).
 */
class CleanupScriptBatchesTest {

    static Stream<Arguments> plans() {
        List<Arguments> plans = new ArrayList<>();
        for (Dbms dbms : Dbms.values()) {
            for (InstallPath path : InstallPath.values()) {
                plans.add(Arguments.of(dbms, path));
            }
        }
        return plans.stream();
    }

    private static MigrationPlan plan(Dbms dbms, InstallPath path) {
        return new PlanBuilder(dbms).installPath(path).parts(EnumSet.allOf(OptionalPart.class))
                .users("QA_ADMIN", null, null, null).build();
    }

    @ParameterizedTest
    @EnumSource(InstallPath.class)
    void everySqlServerBatchOpensWithItsOwnDatabaseAndGuards(InstallPath path) {
        MigrationPlan plan = plan(Dbms.SQLSERVER, path);
        String catalog = plan.sqlServer().platform().catalog();
        for (Map.Entry<String, List<ScriptBatches.Batch>> file : batches(plan).entrySet()) {
            for (ScriptBatches.Batch batch : file.getValue()) {
                String where = file.getKey() + " step " + batch.number();
                List<String> lines = batch.lines();
                assertEquals(List.of(":ON ERROR EXIT", "USE [" + catalog + "];", "SET XACT_ABORT OFF;",
                        "IF @@TRANCOUNT <> 0"), lines.subList(0, 4), where);
                assertTrue(lines.get(4).startsWith("    THROW 50000, N'envclone, Step " + batch.number() + ": ")
                        && lines.get(4).contains("already has a transaction open") && lines.get(4).endsWith(", 1;"),
                        where + ": " + lines.get(4));
                assertEquals("IF DB_NAME() <> N'" + catalog + "'", lines.get(5), where);
                assertTrue(lines.get(6).startsWith("    THROW 50000, N'envclone, Step " + batch.number() + ": ")
                        && lines.get(6).contains("not in database " + catalog) && lines.get(6).endsWith(", 1;"),
                        where + ": " + lines.get(6));
                assertEquals(List.of("SET XACT_ABORT ON;", "BEGIN TRY", "BEGIN TRANSACTION;"), lines.subList(7, 10),
                        where);
                assertEquals(List.of("COMMIT TRANSACTION;", "END TRY", "BEGIN CATCH",
                        "    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;", "    THROW;", "END CATCH;", "GO"),
                        lines.subList(lines.size() - 7, lines.size()), where);
                // One batch: no GO, USE or transaction control between the guards and the end.
                List<String> body = lines.subList(10, lines.size() - 7);
                for (String line : body) {
                    String word = line.strip().toUpperCase(Locale.ROOT);
                    assertFalse(word.equals("GO") || word.startsWith("USE ") || word.startsWith("COMMIT")
                            || word.startsWith("ROLLBACK") || word.startsWith("BEGIN TRAN"), where + ": " + line);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(InstallPath.class)
    void everyOracleStepSetsUpItsOwnSession(InstallPath path) {
        MigrationPlan plan = plan(Dbms.ORACLE, path);
        for (Map.Entry<String, List<ScriptBatches.Batch>> file : batches(plan).entrySet()) {
            for (ScriptBatches.Batch batch : file.getValue()) {
                String where = file.getKey() + " step " + batch.number();
                List<String> lines = batch.lines();
                assertEquals(List.of("WHENEVER SQLERROR EXIT FAILURE ROLLBACK",
                        "WHENEVER OSERROR EXIT FAILURE ROLLBACK", "SET SQLBLANKLINES ON",
                        "ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI;",
                        "ALTER SESSION SET CURRENT_SCHEMA = \"QA_ADMIN\";"), lines.subList(0, 5), where);
                assertEquals("COMMIT;", lines.get(lines.size() - 1), where);
                for (String line : lines.subList(5, lines.size() - 1)) {
                    String word = line.strip().toUpperCase(Locale.ROOT);
                    // The step's only commit is its last line; nothing in between changes the session.
                    assertFalse(word.startsWith("COMMIT") || word.startsWith("ROLLBACK") || word.startsWith("WHENEVER")
                            || word.startsWith("ALTER SESSION") || word.startsWith("EXIT"), where + ": " + line);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("plans")
    void noScriptExitsWithTheErrorCodeModulo256(Dbms dbms, InstallPath path) {
        for (String script : CleanupScript.files(plan(dbms, path)).values()) {
            assertFalse(script.contains("SQL.SQLCODE"), script);
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("plans")
    void everyBatchHoldsItsStepsStatementsBetweenItsGuardsAndItsCommit(Dbms dbms, InstallPath path) {
        MigrationPlan plan = plan(dbms, path);
        List<Step> steps = ProcedureCatalog.stepsFor(plan);
        for (List<ScriptBatches.Batch> file : batches(plan).values()) {
            for (ScriptBatches.Batch batch : file) {
                Step step = steps.get(batch.number() - 1);
                assertEquals(step.title(), batch.title());
                String text = batch.text();
                int statements = text.indexOf(CleanupScript.stepText(plan, step));
                int opened = switch (dbms) {
                    case SQLSERVER -> text.indexOf("BEGIN TRANSACTION;");
                    case ORACLE -> text.indexOf("ALTER SESSION SET CURRENT_SCHEMA");
                };
                int committed = text.lastIndexOf("COMMIT");
                assertTrue(opened >= 0 && opened < statements && statements < committed,
                        "step " + batch.number() + ":\n" + text);
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("plans")
    void everyCleanupStepIsInTheFileOfItsPhaseOnce(Dbms dbms, InstallPath path) {
        MigrationPlan plan = plan(dbms, path);
        List<Step> steps = ProcedureCatalog.stepsFor(plan);
        int installStart = InstallPhase.installStart(steps);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() == StepKind.CLEANUP) {
                expected.add(i + 1);
            }
        }
        List<Integer> found = new ArrayList<>();
        Map<String, List<ScriptBatches.Batch>> files = batches(plan);
        for (ScriptBatches.Batch batch : files.get("cleanup-before-install.sql")) {
            assertTrue(batch.number() - 1 < installStart, "before the install: step " + batch.number());
            found.add(batch.number());
        }
        for (ScriptBatches.Batch batch : files.get("cleanup-after-install.sql")) {
            assertTrue(batch.number() - 1 >= installStart, "after the install: step " + batch.number());
            found.add(batch.number());
        }
        assertEquals(expected, found);
        assertFalse(files.get("cleanup-after-install.sql").isEmpty(), "the database connections step");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("plans")
    void theChecklistNamesTheFileThatHoldsEachStep(Dbms dbms, InstallPath path) {
        MigrationPlan plan = plan(dbms, path);
        Map<String, String> files = CleanupScript.files(plan);
        Matcher run = Pattern.compile(
                "\n## (\\d+)\\. ([^\n]*)\n\n- \\[ \\] [^\n]*\n  - Run step (\\d+) of ([^\n]*)\\.\n")
                .matcher(ChecklistMarkdown.render(plan));
        int named = 0;
        while (run.find()) {
            assertEquals(run.group(1), run.group(3));
            String file = files.get(run.group(4));
            assertTrue(file != null && file.contains("\n-- Step " + run.group(1) + ": " + run.group(2) + "\n"),
                    "step " + run.group(1) + " in " + run.group(4));
            named++;
        }
        assertEquals(ProcedureCatalog.cleanupSteps(plan).size(), named);
    }

    private static Map<String, List<ScriptBatches.Batch>> batches(MigrationPlan plan) {
        Map<String, List<ScriptBatches.Batch>> batches = new LinkedHashMap<>();
        CleanupScript.files(plan).forEach((name, text) -> batches.put(name, ScriptBatches.cut(text)));
        return batches;
    }
}
