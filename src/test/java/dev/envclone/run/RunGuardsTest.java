package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.db.TargetInspection;
import dev.envclone.sql.Dbms;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every guard refuses before any statement runs, and says why in words an administrator can act on. */
class RunGuardsTest {
    @TempDir
    Path folder;

    private CliProcess.Result run(SandboxRunFixture sandbox, String target, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", target, "--user", "sa", "--yes"));
        args.addAll(List.of(extra));
        return CliProcess.inProcess(args.toArray(String[]::new));
    }

    private static void assertNothingExecuted(SandboxRunFixture sandbox) throws Exception {
        assertEquals(3, sandbox.count("ossys_server"));
        assertEquals(24, sandbox.count("ossys_Parameter"));
    }

    @Test
    void refusesATargetThatIsNotAPlatformDatabase() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        String empty = "jdbc:h2:file:" + folder.resolve("empty") + ";MODE=MSSQLServer";
        try (Connection created = DriverManager.getConnection(empty, "sa", "")) {
            assertTrue(created.isValid(1), "an empty database: run opens only one that exists");
        }
        CliProcess.Result result = run(sandbox, empty);
        assertEquals(3, result.code(), result.err());
        assertTrue(result.err().startsWith("envclone run: refused: The target h2:jdbc:h2:file:" + folder.resolve("empty")
                + "/PUBLIC is not an OutSystems platform database: its ossys_ tables are missing."), result.err());
        assertNothingExecuted(sandbox);
    }

    @Test
    void refusesTheSourceDatabase() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        String fingerprint;
        try (Connection connection = sandbox.connect()) {
            fingerprint = TargetInspection.fingerprint(connection);
        }
        CliProcess.Result result = run(sandbox, sandbox.url, "--source-fingerprint", fingerprint);
        assertEquals(3, result.code(), result.err());
        assertTrue(result.err().contains("refused: The target is the source database (" + fingerprint + "): envclone "
                + "does not run the cleanup there. Connect to the restored clone."), result.err());
        assertNothingExecuted(sandbox);
    }

    @Test
    void refusesTheSourceRecordedInThePlanByEnvcloneFingerprint() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.ORACLE, folder);
        CliProcess.Result fingerprint = CliProcess.inProcess("fingerprint", "--target", sandbox.url, "--user", "sa",
                "--dbms", "oracle", "--schema", "OSADMIN");
        assertEquals(0, fingerprint.code(), fingerprint.err());
        String source = fingerprint.out().strip();
        assertTrue(source.startsWith("h2:jdbc:h2:file:") && source.endsWith("/OSADMIN"), source);
        Path plan = folder.resolve("plan-with-source");
        assertEquals(0, CliProcess.inProcess("plan", "--dbms", "oracle", "--source-fingerprint", source, "--out",
                plan.toString()).code());
        CliProcess.Result result = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                plan.resolve("plan.json").toString(), "--target", sandbox.url, "--user", "sa", "--yes");
        assertEquals(3, result.code(), result.err());
        assertTrue(result.err().contains("The target is the source database (" + source + ")"), result.err());
        assertNothingExecuted(sandbox);
    }

    @Test
    void refusesAWrongPasswordWithoutExecutingAnything() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.ORACLE, folder);
        sandbox.execute("CREATE USER OPERATOR PASSWORD 'right-one' ADMIN");
        CliProcess.Result result = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url, "--user", "OPERATOR", "--yes");
        assertEquals(3, result.code(), result.err());
        assertTrue(result.err().startsWith("envclone run: refused: H2 database " + folder.resolve("sandbox")
                + " refused user OPERATOR: the user name or password is wrong"), result.err());
        assertTrue(result.err().strip().endsWith("Nothing was executed."), result.err());
        assertNothingExecuted(sandbox);
    }

    @Test
    void refusesAClosedPort() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliProcess.Result result = run(sandbox, "jdbc:sqlserver://127.0.0.1:" + port + ";databaseName=OS_CLONE;"
                + "loginTimeout=2;encrypt=true;trustServerCertificate=false");
        assertEquals(3, result.code(), result.err());
        assertTrue(result.err().startsWith("envclone run: refused: Nothing is listening on 127.0.0.1:" + port
                + " (the port is closed or the server is down)"), result.err());
        assertNothingExecuted(sandbox);
    }

    @Test
    void refusesAnUnknownHost() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        // .invalid never resolves (RFC 2606): no packet leaves this machine.
        CliProcess.Result result = run(sandbox, "jdbc:sqlserver://db.envclone.invalid:1433;databaseName=OS_CLONE;"
                + "loginTimeout=2;encrypt=true");
        assertEquals(3, result.code(), result.err());
        assertTrue(result.err().startsWith("envclone run: refused: The host db.envclone.invalid does not resolve"),
                result.err());
        assertNothingExecuted(sandbox);
    }

    @Test
    void aFailingStatementRollsItsStepBackAndNamesTheStatement() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        // A customised database: a check the catalog cleanup's blank credentials break.
        sandbox.execute("ALTER TABLE ossys_dbcatalog ADD CONSTRAINT ck_password CHECK (PASSWORD <> ' ')");
        CliProcess.Result result = run(sandbox, sandbox.url, "--steps",
                "cleanup-front-ends,cleanup-multiple-catalogs,cleanup-saml");
        assertEquals(4, result.code(), result.out() + result.err());
        assertTrue(result.err().contains("Step 10 cleanup-multiple-catalogs: Statement 1 of 1 failed, and the step "
                + "was rolled back (no row of it changed): "), result.err());
        assertTrue(result.err().contains("  statement: update ossys_dbcatalog set password = ' ',username =' ' where "
                + "name <> '(Main)'"), result.err());
        assertEquals(List.of("(Main)|OSRUNTIME", "Archive|arc_user", "Reporting|rep_user"),
                sandbox.rows("select NAME, USERNAME from ossys_dbcatalog order by NAME"));
        assertEquals(0, sandbox.count("ossys_server"), "the step before it committed");
        assertEquals(2, sandbox.count("OSUSR_SAM_CONFIGIDP"), "the step after it did not start");
        RunState state = RunFolder.open(sandbox.runDir, java.time.Clock.systemUTC()).state();
        assertEquals(StepState.FAILED, state.of("cleanup-multiple-catalogs"));
    }

    @Test
    void refusesAnEditedJournalOnOpen() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        assertEquals(0, run(sandbox, sandbox.url, "--steps", "cleanup-front-ends").code());
        Path journal = sandbox.runDir.resolve(RunFolder.JOURNAL);
        Files.writeString(journal, Files.readString(journal).replace("\"total\":\"3\"", "\"total\":\"0\""));
        CliProcess.Result status = CliProcess.inProcess("status", "--run-dir", sandbox.runDir.toString());
        assertEquals(3, status.code());
        assertTrue(status.err().contains("journal.jsonl was changed after it was written"), status.err());
        CliProcess.Result resume = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--target",
                sandbox.url, "--user", "sa", "--yes");
        assertEquals(3, resume.code());
        assertTrue(resume.err().startsWith("envclone run: refused: "), resume.err());
    }

    @Test
    void theCanaryPasswordIsInNoFileAndNoOutput() throws Exception {
        String canary = "Canary-" + java.util.UUID.randomUUID();
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        sandbox.execute("CREATE USER OPERATOR PASSWORD '" + canary + "' ADMIN");
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        Path logs = folder.resolve("logs");
        Process process = CliProcess.start(logs, Map.of(), Map.of("ENVCLONE_TEST_PASSWORD", canary), "run",
                "--run-dir", sandbox.runDir.toString(), "--plan", sandbox.plan.toString(), "--target", sandbox.url,
                "--user", "OPERATOR", "--password-env", "ENVCLONE_TEST_PASSWORD", "--yes");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), CliProcess.read(logs.resolve("err.txt")));
        assertEquals(0, CliProcess.inProcess("status", "--run-dir", sandbox.runDir.toString()).code());
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".mv.db")).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(canary),
                        file + " holds the password");
            }
        }
        assertTrue(Files.size(sandbox.runDir.resolve(RunFolder.JOURNAL)) > 1000, "the run wrote its journal");
    }

    @Test
    void prepareOnlyRecordsTheCountsAndChangesNothing() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.ORACLE, folder);
        CliProcess.Result result = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url, "--user", "sa", "--prepare-only");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("Step 10 cleanup-front-ends: 3 rows to change"), result.out());
        assertNothingExecuted(sandbox);
        RunState state = RunFolder.open(sandbox.runDir, java.time.Clock.systemUTC()).state();
        assertEquals(StepState.PREPARED, state.of("cleanup-front-ends"));
        try (Connection c = DriverManager.getConnection(sandbox.url, "sa", "")) {
            assertFalse(c.isClosed());
        }
    }

    @Test
    void withoutYesNothingIsExecutedOrWritten() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        CliProcess.Result result = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url);
        assertEquals(2, result.code());
        assertTrue(result.err().startsWith("envclone run: nothing was executed: add --yes"), result.err());
        assertFalse(Files.exists(sandbox.runDir));
        assertNothingExecuted(sandbox);
    }
}
