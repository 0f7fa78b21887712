package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.procedure.PlanJson;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One run at a time, with real processes: a run paused inside a step in a JVM of its own holds its run folder and
 * its target; a second command is refused at once, naming it; once it is killed, nothing it held blocks a new run.
 * The sandbox is served over TCP by this JVM ({@link SandboxServer}) so that both processes reach one database.
 * Mark and status while a folder is held: {@link RunFolderLockTest}, in this JVM (the lock knows no process).
 */
class OneRunAtATimeTest {
    private static final String WAIT = ": wait for it to finish, or close that window";

    @TempDir
    Path folder;

    private Process first;
    private SandboxServer server;

    @AfterEach
    void stop() throws Exception {
        if (first != null) {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aSecondRunOnTheSameFolderIsRefusedAndTheResumedRunRunsEveryStepOnce(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = sandbox(dbms);
        startFirstRun(sandbox, sandbox.runDir, "cleanup-secret-site-properties:statement-1");
        byte[] journal = Files.readAllBytes(sandbox.runDir.resolve(RunFolder.JOURNAL));

        CliProcess.Result second = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--target",
                server.url(), "--user", "sa", "--yes");
        assertEquals(3, second.code(), second.out() + second.err());
        assertEquals("envclone run: refused: " + sandbox.runDir + " is in use by " + holder("envclone run") + WAIT,
                second.err().strip().replaceFirst("since \\S+\\)", "since ?)"));
        assertArrayEquals(journal, Files.readAllBytes(sandbox.runDir.resolve(RunFolder.JOURNAL)),
                "the refused run wrote nothing");

        killFirstRun();
        List<JournalEntry> entries = RunFolder.open(sandbox.runDir, Clock.systemUTC()).journal().entries();
        assertEquals(entries.size(), entries.stream().map(JournalEntry::seq).distinct().count(), "one entry a number");
        CliProcess.Result resumed = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--target",
                server.url(), "--user", "sa", "--yes");
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertEveryStepRanOnce(sandbox, sandbox.runDir);
        assertEquals(0, sandbox.count("ossys_server"));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aSecondRunFolderOnTheSameTargetIsRefusedNamingTheFirstAndRunsOnceTheFirstIsKilled(Dbms dbms)
            throws Exception {
        SandboxRunFixture sandbox = sandbox(dbms);
        startFirstRun(sandbox, sandbox.runDir, "cleanup-front-ends:statement-1");
        Path secondRun = folder.resolve("second-run");

        CliProcess.Result refused = CliProcess.inProcess("run", "--run-dir", secondRun.toString(), "--plan",
                sandbox.plan.toString(), "--target", server.url(), "--user", "sa", "--yes");
        assertEquals(3, refused.code(), refused.out() + refused.err());
        assertEquals("envclone run: refused: the target is in use by " + holder("envclone run") + ", run folder "
                + sandbox.runDir + WAIT, refused.err().strip().replaceFirst("since \\S+\\)", "since ?)"));
        assertFalse(java.nio.file.Files.exists(secondRun), "a refused start leaves no run folder");
        assertEquals(2, sandbox.count("OSUSR_SAM_CONFIGIDP"), "no later step ran");

        // The lock dies with the session of the process that held it: the second run now proceeds.
        killFirstRun();
        CliProcess.Result again = CliProcess.inProcess("run", "--run-dir", secondRun.toString(), "--plan",
                sandbox.plan.toString(), "--target", server.url(), "--user", "sa", "--yes");
        assertEquals(0, again.code(), again.out() + again.err());
        assertEveryStepRanOnce(sandbox, secondRun);
    }

    private SandboxRunFixture sandbox(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION"); // unmapped beforehand: every step can run
        server = new SandboxServer(sandbox);
        return sandbox;
    }

    /** Starts {@code run --plan ... --yes} in a JVM of its own and waits until it pauses at {@code pauseAt}. */
    private void startFirstRun(SandboxRunFixture sandbox, Path runDir, String pauseAt) throws Exception {
        Path logs = folder.resolve("logs");
        first = CliProcess.start(logs, Map.of("envclone.test.pauseAt", pauseAt), Map.of(), "run", "--run-dir",
                runDir.toString(), "--plan", sandbox.plan.toString(), "--target", server.url(), "--user", "sa",
                "--yes");
        Path paused = runDir.resolve(".paused");
        for (int i = 0; i < 1200 && !Files.exists(paused) && first.isAlive(); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(paused), "the first run never reached " + pauseAt + ": "
                + CliProcess.read(logs.resolve("err.txt")));
    }

    /**
     * SIGKILL, as a crash or a closed window would; then waits until the database has ended the dead process's
     * session (the server sees its connection close), as a real DBMS does.
     */
    private void killFirstRun() throws Exception {
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        first = null;
        Files.deleteIfExists(folder.resolve("run").resolve(".paused"));
        SandboxRunFixture reader = SandboxRunFixture.existing(Dbms.SQLSERVER, server.url());
        for (int i = 0; i < 100 && Long.parseLong(reader.rows("select count(*) from PUBLIC.ENVCLONE_RUN_LOCK l join "
                + "INFORMATION_SCHEMA.SESSIONS s on s.SESSION_ID = l.SESSION_ID and s.SESSION_START = "
                + "l.SESSION_START").get(0)) > 0; i++) {
            Thread.sleep(50);
        }
    }

    /** What a refused command names: this test's host, the first run's process; its start is left out. */
    private String holder(String command) {
        return command + " (process " + first.pid() + " on " + LockHolder.current(command, Clock.systemUTC()).host()
                + ", since ?)";
    }

    private static void assertEveryStepRanOnce(SandboxRunFixture sandbox, Path runDir) throws Exception {
        RunFolder run = RunFolder.open(runDir, Clock.systemUTC());
        for (Step step : ProcedureCatalog.cleanupSteps(PlanJson.read(sandbox.plan))) {
            List<JournalEntry> entries = run.journal().entries().stream().filter(e -> step.id().equals(e.step()))
                    .toList();
            long executed = entries.stream().filter(e -> e.event() == JournalEvent.STEP_EXECUTED).count();
            boolean recoveredCommitted = entries.stream().anyMatch(e -> e.event() == JournalEvent.STEP_RECOVERED
                    && "true".equals(e.get("committed")));
            assertEquals(1, executed + (recoveredCommitted ? 1 : 0), step.id() + " ran exactly once: " + entries);
            assertEquals(StepState.DONE, run.state().of(step.id()), step.id());
        }
        assertFalse(run.journal().hadTornTail());
    }
}
