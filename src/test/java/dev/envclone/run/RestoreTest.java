package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** envclone restore: the rows an executed step changed, put back from its pre-images, on its own target only. */
class RestoreTest {
    private static final List<String> CLEANUP_STEPS = List.of("cleanup-environment-security", "cleanup-front-ends",
            "cleanup-deployment-zones", "cleanup-mobile-apps", "cleanup-multiple-catalogs", "cleanup-saml",
            "cleanup-secret-site-properties", "cleanup-lifetime-managed", "cleanup-lifetime-running",
            "cleanup-database-connections");

    @TempDir
    Path folder;

    private CliProcess.Result run(SandboxRunFixture sandbox, String step) throws java.io.IOException {
        List<String> args = new ArrayList<>(List.of("run", "--run-dir", sandbox.runDir.toString(), "--target",
                sandbox.url, "--user", "sa", "--yes", "--steps", step));
        if (!RunFolder.holdsRun(sandbox.runDir)) {
            args.addAll(List.of("--plan", sandbox.plan.toString()));
        }
        return CliProcess.inProcess(args.toArray(String[]::new));
    }

    private static CliProcess.Result restore(SandboxRunFixture sandbox, String url, String steps) {
        return CliProcess.inProcess("restore", "--run-dir", sandbox.runDir.toString(), "--step", steps, "--target",
                url, "--user", "sa", "--yes", "--operator", "rehearsal");
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void eachExecutedStepRestoredLeavesTheRowsOfAnUntouchedSandbox(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        Map<String, List<String>> untouched = snapshot(sandbox);
        for (String step : CLEANUP_STEPS) {
            CliProcess.Result executed = run(sandbox, step);
            assertEquals(0, executed.code(), step + ": " + executed.out() + executed.err());
            assertNotEquals(untouched, snapshot(sandbox), step + " changed rows");

            CliProcess.Result restored = restore(sandbox, sandbox.url, step);

            assertEquals(0, restored.code(), step + ": " + restored.out() + restored.err());
            assertTrue(restored.out().contains(step + ": ") && restored.out().contains(" rows put back from attempt "
                    + "1; its pre-image queries select the saved rows again."), restored.out());
            assertSameTables(untouched, snapshot(sandbox), step);
            RunFolder folder = RunFolder.open(sandbox.runDir, Clock.systemUTC());
            assertEquals(StepState.PENDING, folder.state().of(step), step);
            assertEquals(JournalEvent.STEP_RESTORED, folder.state().lastEntry(step).event());
        }
        // The report says so, under the step.
        Path report = this.folder.resolve("report.pdf");
        CliProcess.Result reported = withHome(folder.resolve("home"), () -> CliProcess.inProcess("report",
                "--run-dir", sandbox.runDir.toString(), "--out", report.toString()));
        assertEquals(0, reported.code(), reported.out() + reported.err());
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(report.toFile())) {
            String all = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(all.contains("Restored ") && all.contains(" by rehearsal from the pre-images of attempt 1: 3 "
                    + "rows put back in one transaction; the pre-image queries select the saved rows again."), all);
            assertTrue(all.contains("restored from its pre-images by rehearsal at "), "the step's outcome line");
        }
        // Restored, a step is repeatable: it runs again with a fresh pre-image.
        CliProcess.Result again = run(sandbox, "cleanup-front-ends");
        assertEquals(0, again.code(), again.out() + again.err());
        assertEquals(0, sandbox.count("ossys_server"));
        assertEquals(2, RunState.attempts(RunFolder.open(sandbox.runDir, Clock.systemUTC()).journal().entries(),
                "cleanup-front-ends"));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void severalStepsAreRestoredTogetherTheLaterFirst(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        Map<String, List<String>> untouched = snapshot(sandbox);
        for (String step : CLEANUP_STEPS) {
            assertEquals(0, run(sandbox, step).code(), step);
        }
        sandbox.assertCleaned();

        CliProcess.Result restored = restore(sandbox, sandbox.url, String.join(",", CLEANUP_STEPS));

        assertEquals(0, restored.code(), restored.out() + restored.err());
        assertSameTables(untouched, snapshot(sandbox), "every step");
        List<String> order = RunFolder.open(sandbox.runDir, Clock.systemUTC()).journal().entries().stream()
                .filter(e -> e.event() == JournalEvent.STEP_RESTORED).map(JournalEntry::step).toList();
        List<String> reversed = new ArrayList<>(CLEANUP_STEPS);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, order, "restored and journaled the later step first");
    }

    /**
     * The statements a restore sends, as its journal records them (values bound as parameters), pinned per DBMS for
     * every cleanup step of the default plan; SQL Server's SET IDENTITY_INSERT appears only for a table with an
     * identity column, which the sandbox's tables do not have. After a deliberate change:
     * {@code -Dgolden.update=true}, then read the diff.
     */
    @ParameterizedTest
    @EnumSource(Dbms.class)
    void theRestoreStatementsAreExactlyTheGoldenOnes(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        for (String step : CLEANUP_STEPS) {
            assertEquals(0, run(sandbox, step).code(), step);
        }
        assertEquals(0, restore(sandbox, sandbox.url, String.join(",", CLEANUP_STEPS)).code());
        StringBuilder text = new StringBuilder();
        for (JournalEntry entry : RunFolder.open(sandbox.runDir, Clock.systemUTC()).journal().entries()) {
            if (entry.event() != JournalEvent.STEP_RESTORED) {
                continue;
            }
            for (Map.Entry<String, String> field : entry.data().entrySet()) {
                if (field.getKey().endsWith(".restore.sql")) {
                    String statement = field.getKey().substring(0, field.getKey().length() - ".restore.sql".length());
                    text.append("-- ").append(entry.step()).append(", ").append(statement).append(": ")
                            .append(entry.get(statement + ".restored")).append(" rows\n")
                            .append(field.getValue()).append(";\n");
                }
            }
        }
        Path golden = Path.of("src/test/resources/golden/restore", dbms.cliName() + ".sql");
        if (Boolean.getBoolean("golden.update")) {
            java.nio.file.Files.createDirectories(golden.getParent());
            java.nio.file.Files.writeString(golden, text);
        }
        assertEquals(java.nio.file.Files.readString(golden), text.toString());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesAnotherTargetAndChangesNothing(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        assertEquals(0, run(sandbox, "cleanup-front-ends").code());
        String other = Sandbox.create(dbms, folder.resolve("other"), SandboxSize.SMALL);
        long otherServers = SandboxRunFixture.existing(dbms, other).count("ossys_server");

        CliProcess.Result refused = restore(sandbox, other, "cleanup-front-ends");

        assertEquals(3, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("envclone restore: refused: This run started on ")
                && refused.err().contains("resume it against the same database"), refused.err());
        assertEquals(0, sandbox.count("ossys_server"), "the run's target is unchanged");
        assertEquals(otherServers, SandboxRunFixture.existing(dbms, other).count("ossys_server"));
        assertEquals(StepState.DONE, RunFolder.open(sandbox.runDir, Clock.systemUTC()).state()
                .of("cleanup-front-ends"));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesRowsDeletedByTheStepThatExistAgain(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("create table SAVED_SERVER as select * from ossys_server");
        assertEquals(0, run(sandbox, "cleanup-front-ends").code());
        // The Configuration Tool registers the new front-end: a row the step's delete would select.
        sandbox.execute("insert into ossys_server select * from SAVED_SERVER where ID = (select min(ID) from "
                + "SAVED_SERVER)");

        CliProcess.Result refused = restore(sandbox, sandbox.url, "cleanup-front-ends");

        assertEquals(3, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("Step cleanup-front-ends cannot be restored: statement 1 (ossys_server): "
                + "ossys_server has 1 row the step's delete would select again: the rows changed since the step"),
                refused.err());
        assertEquals(1, sandbox.count("ossys_server"), "nothing put back");
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesUpdatedRowsChangedSinceTheStep(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        assertEquals(0, run(sandbox, "cleanup-multiple-catalogs").code());
        // The operator set the Archive catalog's credentials again in Service Center.
        sandbox.execute("update ossys_dbcatalog set USERNAME = 'ARCHIVE_QA', PASSWORD = 'x' where NAME = 'Archive'");

        CliProcess.Result refused = restore(sandbox, sandbox.url, "cleanup-multiple-catalogs");

        assertEquals(3, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("Step cleanup-multiple-catalogs cannot be restored: statement 1 "
                + "(ossys_dbcatalog): the rows of ossys_dbcatalog with the step's new values are not those it left: "
                + "they changed since the step. Nothing was restored."), refused.err());
        assertEquals(List.of("(Main)|OSRUNTIME|main", "Archive|ARCHIVE_QA|x", "Reporting| | "),
                sandbox.rows("select NAME, USERNAME, PASSWORD from ossys_dbcatalog order by NAME"));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesAStepEnvcloneDidNotExecute(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        assertEquals(0, run(sandbox, "cleanup-front-ends").code());

        CliProcess.Result pending = restore(sandbox, sandbox.url, "cleanup-saml");
        assertEquals(3, pending.code());
        assertTrue(pending.err().contains("Step cleanup-saml is pending: only a step envclone executed can be "
                + "restored."), pending.err());
        CliProcess.Result unknown = restore(sandbox, sandbox.url, "cleanup-everything");
        assertEquals(3, unknown.code());
        assertTrue(unknown.err().contains("'cleanup-everything' is not a cleanup step of this run's plan"),
                unknown.err());
    }

    /** Runs {@code work} with envclone.home in {@code home}: a report's self-signed key never in ~/.envclone. */
    static <T> T withHome(Path home, java.util.function.Supplier<T> work) {
        String before = System.getProperty("envclone.home");
        System.setProperty("envclone.home", home.toString());
        try {
            return work.get();
        } finally {
            if (before == null) {
                System.clearProperty("envclone.home");
            } else {
                System.setProperty("envclone.home", before);
            }
        }
    }

    /** Names only the tables that differ, and the rows that differ in them. */
    private static void assertSameTables(Map<String, List<String>> expected, Map<String, List<String>> actual,
                                         String restored) {
        assertEquals(expected.keySet(), actual.keySet());
        List<String> differences = new ArrayList<>();
        for (String table : expected.keySet()) {
            List<String> missing = new ArrayList<>(expected.get(table));
            missing.removeAll(actual.get(table));
            List<String> extra = new ArrayList<>(actual.get(table));
            extra.removeAll(expected.get(table));
            if (!missing.isEmpty() || !extra.isEmpty()) {
                differences.add(table + ": missing " + missing.subList(0, Math.min(3, missing.size())) + " ("
                        + missing.size() + "), extra " + extra.subList(0, Math.min(3, extra.size())) + " ("
                        + extra.size() + ")");
            }
        }
        assertEquals(List.of(), differences, restored + " restored: every table as it was before");
    }

    /** Every table of the platform's schema, each as its rows in a fixed order. */
    private static Map<String, List<String>> snapshot(SandboxRunFixture sandbox) throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = sandbox.connect()) {
            List<String> names = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[] {"TABLE", "BASE TABLE"})) {
                while (found.next()) {
                    names.add(found.getString("TABLE_NAME"));
                }
            }
            for (String name : names) {
                if (name.equals("SAVED_SERVER") || name.equals("ENVCLONE_RUN_LOCK")) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("select * from \"" + name + "\"")) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            row.append(c > 1 ? "|" : "").append(result.getString(c));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(name, rows);
            }
        }
        assertTrue(tables.size() > 20, "the platform's tables: " + tables.keySet());
        return tables;
    }
}
