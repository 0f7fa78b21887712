package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.clone.CloneListener;
import dev.envclone.clone.CloneRoute;
import dev.envclone.clone.CloneRoutes;
import dev.envclone.db.CancelToken;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanJson;
import dev.envclone.procedure.Step;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rehearsal from nothing, through the command line: {@code sandbox create} makes the "production" source,
 * {@code run --source} clones it into a target file that does not exist yet and cleans that target. The source is
 * unchanged row for row and byte for byte; the journal holds both fingerprints; a kill during the clone, then the
 * same command, recovers; the refusals leave nothing behind.
 */
class CloneRunTest {
    /** The sources, one per DBMS, made once: a run only reads its source, so the tests can share it. */
    @TempDir
    static Path sources;
    private static final Map<Dbms, String> SOURCES = new java.util.EnumMap<>(Dbms.class);

    @TempDir
    Path folder;

    /** What the test works with: the source made by the CLI, a plan, and the target's URL (no file yet). */
    private record Rehearsal(Dbms dbms, String source, Path sourceFile, Path plan, Path runDir, String target,
                             Path targetFile) {
        String[] run(String... extra) {
            List<String> args = new ArrayList<>(List.of("run", "--plan", plan.toString(), "--run-dir",
                    runDir.toString(), "--source", source, "--source-user", "sa", "--target", target, "--user", "sa",
                    "--steps", "all", "--yes"));
            args.addAll(List.of(extra));
            return args.toArray(String[]::new);
        }
    }

    private Rehearsal rehearsal(Dbms dbms) {
        Path prod = sources.resolve(dbms.cliName()).resolve("prod");
        String source = SOURCES.computeIfAbsent(dbms, d -> {
            CliProcess.Result created = CliProcess.inProcess("sandbox", "create", "--dbms", d.cliName(), "--db",
                    prod.toString());
            assertEquals(0, created.code(), created.err());
            List<String> lines = created.out().strip().lines().toList();
            return lines.get(lines.size() - 1);
        });
        CliProcess.Result planned = CliProcess.inProcess("plan", "--dbms", dbms.cliName(), "--out",
                folder.resolve("plan").toString());
        assertEquals(0, planned.code(), planned.err());
        return new Rehearsal(dbms, source, Path.of(prod + ".mv.db"), folder.resolve("plan").resolve("plan.json"),
                folder.resolve("run"), Sandbox.url(dbms, folder.resolve("qa")), folder.resolve("qa.mv.db"));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void theCloneMakesTheTargetTheCleanupCleansItAndTheSourceStaysAsItWas(Dbms dbms) throws Exception {
        Rehearsal r = rehearsal(dbms);
        Map<String, List<String>> sourceRows = allRows(dbms, r.source());
        String sourceBytes = sha256(r.sourceFile());
        assertFalse(Files.exists(r.targetFile()));

        CliProcess.Result first = CliProcess.inProcess(r.run());
        // As in SandboxRunTest: the cleanup stops at the database connections the extensions still map.
        assertEquals(3, first.code(), first.out() + first.err());
        assertTrue(first.err().contains("cleanup-database-connections: blocked"), first.err());
        assertTrue(first.out().contains(switch (dbms) {
            case SQLSERVER -> "restore-database: done";
            case ORACLE -> "import-schemas: done";
        }), first.out());
        assertTrue(first.out().contains("100 %"), "progress shown: " + first.out());
        SandboxRunFixture target = SandboxRunFixture.existing(dbms, r.target());
        target.assertCleaned();

        target.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        CliProcess.Result second = CliProcess.inProcess(r.run());
        assertEquals(0, second.code(), second.out() + second.err());
        assertTrue(second.out().contains("done already"), second.out());
        assertEquals(List.of("$OS_LOG_DB_7e3e8ce0"), target.rows("select NAME from ossys_dbconnection"));

        assertEquals(sourceBytes, sha256(r.sourceFile()), "the source file is byte for byte as it was");
        assertEquals(sourceRows, allRows(dbms, r.source()), "the source is unchanged row for row");

        RunFolder run = RunFolder.open(r.runDir(), Clock.systemUTC());
        List<JournalEntry> entries = run.journal().entries();
        String sourceFingerprint = entries.get(0).get("source.fingerprint");
        assertTrue(sourceFingerprint.contains(r.sourceFile().toString().replace(".mv.db", "")), sourceFingerprint);
        String targetFingerprint = entries.stream().filter(e -> e.event() == JournalEvent.TARGET_CHECKED)
                .findFirst().orElseThrow().get("fingerprint");
        assertTrue(targetFingerprint.contains(folder.resolve("qa").toString()), targetFingerprint);
        assertNotEquals(sourceFingerprint, targetFingerprint);
        for (String step : cloneSteps(dbms)) {
            assertEquals(StepState.DONE, run.state().of(step), step);
            assertEquals(1, RunState.attempts(entries, step), step + " ran once");
        }
        assertFalse(Files.exists(Path.of(r.targetFile() + ".envclone-part")));

        // The report shows the clone steps: the route, what each did and its result.
        Path report = folder.resolve("report.pdf");
        CliProcess.Result written = CliProcess.inProcess("report", "--run-dir", r.runDir().toString(), "--out",
                report.toString(), "--key-folder", folder.resolve("keys").toString());
        assertEquals(0, written.code(), written.err());
        String text;
        try (PDDocument document = Loader.loadPDF(report.toFile())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        String copyOut = cloneSteps(dbms).get(0);
        assertTrue(text.contains("Route: H2 copy"), text);
        assertTrue(text.contains("BACKUP TO of the source sandbox"), text);
        assertTrue(text.contains("file clone/" + copyOut + ".zip"), text);
        assertTrue(text.contains(sourceFingerprint.substring(0, 20)), text);
    }

    /**
     * SQL Server: killed with half the target file extracted (under its temporary name); Oracle: killed with the
     * export journaled as started and nothing of it made yet. Either way the same command settles the step, runs it
     * again, and the run finishes.
     */
    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aKillDuringTheCloneThenTheSameCommandRecoversAndFinishes(Dbms dbms) throws Exception {
        Rehearsal r = rehearsal(dbms);
        Map<String, List<String>> sourceRows = allRows(dbms, r.source());
        String sourceBytes = sha256(r.sourceFile());
        String killedIn = switch (dbms) {
            case SQLSERVER -> "restore-database";
            case ORACLE -> "export-schemas";
        };
        Process process = CliProcess.start(folder.resolve("logs"), Map.of("envclone.test.pauseAt", killedIn + ":"
                + switch (dbms) {
                    case SQLSERVER -> "progress-50";
                    case ORACLE -> "started";
                }), Map.of(), r.run());
        Path paused = r.runDir().resolve(".paused");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(paused) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(paused), "paused mid-clone: " + CliProcess.read(folder.resolve("logs/err.txt")));
        Path part = Path.of(r.targetFile() + ".envclone-part");
        assertEquals(dbms == Dbms.SQLSERVER, Files.exists(part), "half a copy, under its temporary name");
        assertFalse(Files.exists(r.targetFile()));
        process.destroyForcibly(); // SIGKILL
        process.waitFor(30, TimeUnit.SECONDS);
        Files.delete(paused);

        CliProcess.Result resumed = CliProcess.inProcess(r.run());
        assertTrue(resumed.out().contains("Recovered " + killedIn + ": " + switch (dbms) {
            case SQLSERVER -> "no target file was made; the partial copy";
            case ORACLE -> "the backup was not finished";
        }), resumed.out());
        if (dbms == Dbms.SQLSERVER) {
            assertTrue(resumed.out().contains("backup-database: done already"), resumed.out());
        }
        assertEquals(3, resumed.code(), "then blocked at the mapped connections, as any run: " + resumed.err());
        SandboxRunFixture target = SandboxRunFixture.existing(dbms, r.target());
        target.assertCleaned();
        target.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        CliProcess.Result finished = CliProcess.inProcess(r.run());
        assertEquals(0, finished.code(), finished.out() + finished.err());

        assertFalse(Files.exists(part));
        RunFolder run = RunFolder.open(r.runDir(), Clock.systemUTC());
        for (String step : cloneSteps(dbms)) {
            assertEquals(StepState.DONE, run.state().of(step), step);
            assertEquals(step.equals(killedIn) ? 2 : 1, RunState.attempts(run.journal().entries(), step), step);
        }
        assertEquals(sourceBytes, sha256(r.sourceFile()));
        assertEquals(sourceRows, allRows(dbms, r.source()));
    }

    @Test
    void refusesATargetThatIsTheSourceAnExistingTargetAndAFingerprintThatDisagrees() throws Exception {
        Rehearsal r = rehearsal(Dbms.ORACLE);
        String sourceBytes = sha256(r.sourceFile());

        CliProcess.Result same = CliProcess.inProcess("run", "--plan", r.plan().toString(), "--run-dir",
                r.runDir().toString(), "--source", r.source(), "--source-user", "sa", "--target",
                "jdbc:h2:file:" + r.sourceFile().getParent().resolve("x").resolve("..").resolve("prod") + ";MODE=Oracle", "--user", "sa",
                "--yes");
        assertEquals(3, same.code(), same.out() + same.err());
        assertTrue(same.err().contains("--target is the source"), same.err());

        CliProcess.Result wrong = CliProcess.inProcess(r.run("--source-fingerprint", "h2:jdbc:h2:file:/elsewhere"));
        assertEquals(3, wrong.code(), wrong.out() + wrong.err());
        assertTrue(wrong.err().contains("--source-fingerprint h2:jdbc:h2:file:/elsewhere is not the source's"),
                wrong.err());

        Files.copy(r.sourceFile(), r.targetFile());
        byte[] there = Files.readAllBytes(r.targetFile());
        CliProcess.Result exists = CliProcess.inProcess(r.run());
        assertEquals(3, exists.code(), exists.out() + exists.err());
        assertTrue(exists.err().contains("The target file " + r.targetFile() + " already exists"), exists.err());
        assertTrue(java.util.Arrays.equals(there, Files.readAllBytes(r.targetFile())), "the file there untouched");

        assertFalse(Files.exists(r.runDir()), "no run folder is left by a refused start");
        assertEquals(sourceBytes, sha256(r.sourceFile()));
    }

    @Test
    void aCancelMidCopyIsJournaledLeavesNoTargetAndTheStepRunsAgain() throws Exception {
        Rehearsal r = rehearsal(Dbms.ORACLE);
        MigrationPlan plan = PlanJson.read(r.plan());
        CancelToken cancel = new CancelToken();
        CloneListener cancelHalfway = new CloneListener() {
            @Override
            public void progress(String message, int done, int total) {
                if (total > 0 && done >= 50 && message.startsWith("Restoring")) {
                    cancel.cancel();
                }
            }

            @Override
            public void logLine(String line) {
            }
        };
        List<String> lines = new ArrayList<>();
        try (CloneRoute route = CloneRoutes.open(plan, new CloneRoutes.Source(r.source(), "sa", null), r.target(),
                r.runDir(), null)) {
            RunFolder run = RunFolder.create(r.runDir(), plan, route.sourceFingerprint(), r.target(), "tester",
                    Clock.systemUTC());
            CloneSteps steps = new CloneSteps(run, route, "tester", java.time.Duration.ZERO);
            assertEquals(cloneSteps(Dbms.ORACLE), steps.steps().stream().map(Step::id).toList());
            CloneSteps.Result cancelled = steps.run(cancel, cancelHalfway, lines::add);
            assertEquals(CloneSteps.Outcome.CANCELLED, cancelled.outcome(), cancelled.toString());
            assertEquals("import-schemas", cancelled.step().id());
            assertTrue(cancelled.left().contains("no target was made"), cancelled.left());
            assertFalse(Files.exists(r.targetFile()));
            assertFalse(Files.exists(Path.of(r.targetFile() + ".envclone-part")));
            JournalEntry failed = run.state().lastEntry("import-schemas");
            assertEquals(JournalEvent.STEP_FAILED, failed.event());
            assertEquals("true", failed.get("cancelled"));
            assertEquals(StepState.DONE, run.state().of("export-schemas"));
            // Progress journaled at each tenth up to the cancel (no time floor here).
            List<String> percents = run.journal().entries().stream().filter(e -> e.event()
                    == JournalEvent.CLONE_PROGRESS && "import-schemas".equals(e.step())).map(e -> e.get("percent"))
                    .toList();
            assertEquals(List.of("10", "20", "30", "40", "50"), percents);

            CloneSteps.Result again = steps.run(new CancelToken(), CloneListener.NONE, lines::add);
            assertEquals(CloneSteps.Outcome.DONE, again.outcome(), again.toString());
            assertTrue(Files.exists(r.targetFile()));
            assertEquals(2, RunState.attempts(run.journal().entries(), "import-schemas"));
            assertEquals(1, RunState.attempts(run.journal().entries(), "export-schemas"));
            assertTrue(lines.contains("Step 3 export-schemas: done already"), lines.toString());
            // The report's record: each attempt ends at its outcome, past the progress entries between.
            dev.envclone.report.RunRecord.StepRecord record = new dev.envclone.report.RunRecord(run).steps().stream()
                    .filter(x -> x.step().id().equals("import-schemas")).findFirst().orElseThrow();
            assertEquals(List.of(JournalEvent.STEP_FAILED, JournalEvent.STEP_EXECUTED), record.attempts().stream()
                    .map(a -> a.outcome().event()).toList());
            assertTrue(record.outcome().startsWith("executed by tester at ")
                    && record.outcome().contains("target " + r.targetFile()), record.outcome());
        }
    }

    private static List<String> cloneSteps(Dbms dbms) {
        return switch (dbms) {
            case SQLSERVER -> List.of("backup-database", "restore-database");
            case ORACLE -> List.of("export-schemas", "create-users", "import-schemas");
        };
    }

    /** Every table of the source, every row as text, sorted: the source's whole content. */
    static Map<String, List<String>> allRows(Dbms dbms, String url) throws Exception {
        Map<String, List<String>> all = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url + ";ACCESS_MODE_DATA=r", "sa", "");
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select TABLE_SCHEMA, TABLE_NAME from "
                    + "INFORMATION_SCHEMA.TABLES where TABLE_TYPE = 'BASE TABLE' and TABLE_SCHEMA <> "
                    + "'INFORMATION_SCHEMA' order by 1, 2")) {
                while (rows.next()) {
                    tables.add("\"" + rows.getString(1) + "\".\"" + rows.getString(2) + "\"");
                }
            }
            for (String table : tables) {
                List<String> content = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("select * from " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            row.append(c > 1 ? "|" : "").append(rows.getString(c));
                        }
                        content.add(row.toString());
                    }
                }
                content.sort(null);
                all.put(table, content);
            }
        }
        assertTrue(all.size() > 20, "the source's tables: " + all.keySet());
        return all;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
