package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.procedure.PlanJson;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The process is killed with SIGKILL at a step boundary or inside a step; opened again, the journal shows exactly
 * what committed, and the run finishes without repeating a committed step or skipping one.
 */
class KillAndResumeTest {
    @TempDir
    Path folder;

    static Stream<Arguments> killPoints() throws Exception {
        List<Arguments> points = new ArrayList<>();
        for (Dbms dbms : Dbms.values()) {
            List<Step> steps = ProcedureCatalog.cleanupSteps(new dev.envclone.procedure.PlanBuilder(dbms).build());
            // Every boundary: before each step (so after the one before it committed and was journaled).
            for (Step step : steps) {
                points.add(Arguments.of(dbms, step.id(), "before"));
            }
            // Inside a step: pre-images saved, a statement run, committed but not yet journaled.
            for (String inside : List.of("pre-images", "statement-1", "committed")) {
                points.add(Arguments.of(dbms, "cleanup-secret-site-properties", inside));
            }
        }
        return points.stream();
    }

    @ParameterizedTest(name = "{0} {1}:{2}")
    @MethodSource("killPoints")
    void resumesExactlyWhereTheKilledRunStopped(Dbms dbms, String stepId, String point) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION"); // unmapped beforehand: every step can run
        Process process = CliProcess.start(folder.resolve("logs"), Map.of("envclone.test.pauseAt", stepId + ":" + point),
                Map.of(), "run", "--run-dir", sandbox.runDir.toString(), "--plan", sandbox.plan.toString(),
                "--target", sandbox.url, "--user", "sa", "--yes");
        Path paused = sandbox.runDir.resolve(".paused");
        for (int i = 0; i < 600 && !Files.exists(paused) && process.isAlive(); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(paused), "the run never reached " + stepId + ":" + point + ": "
                + CliProcess.read(folder.resolve("logs/err.txt")));
        process.destroyForcibly(); // SIGKILL
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        Files.delete(paused);

        List<Step> steps = ProcedureCatalog.cleanupSteps(PlanJson.read(sandbox.plan));
        int killedAt = steps.indexOf(steps.stream().filter(s -> s.id().equals(stepId)).findFirst().orElseThrow());
        RunState afterKill = RunFolder.open(sandbox.runDir, Clock.systemUTC()).state();
        for (int i = 0; i < steps.size(); i++) {
            StepState expected = i < killedAt ? StepState.DONE
                    : i > killedAt || point.equals("before") ? StepState.PENDING : StepState.IN_DOUBT;
            assertEquals(expected, afterKill.of(steps.get(i).id()), steps.get(i).id() + " after the kill");
        }

        CliProcess.Result resumed = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--target",
                sandbox.url, "--user", "sa", "--yes");
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        RunFolder run = RunFolder.open(sandbox.runDir, Clock.systemUTC());
        for (Step step : steps) {
            List<JournalEntry> entries = run.journal().entries().stream()
                    .filter(e -> step.id().equals(e.step())).toList();
            long executed = entries.stream().filter(e -> e.event() == JournalEvent.STEP_EXECUTED).count();
            boolean recoveredCommitted = entries.stream().anyMatch(e -> e.event() == JournalEvent.STEP_RECOVERED
                    && "true".equals(e.get("committed")));
            assertEquals(1, executed + (recoveredCommitted ? 1 : 0), step.id() + " ran exactly once: " + entries);
            assertEquals(StepState.DONE, run.state().of(step.id()), step.id());
        }
        if (point.equals("committed")) {
            assertTrue(resumed.out().contains("Recovered " + stepId + ": committed before the interruption"),
                    resumed.out());
        }
        assertEquals(0, sandbox.count("ossys_server"));
        assertEquals(List.of("$OS_LOG_DB_7e3e8ce0"), sandbox.rows("select NAME from ossys_dbconnection"));
        assertEquals(List.of(), sandbox.rows("select p.ID from OSSYS_SITE_PROPERTY p join OSSYS_SITE_PROPERTY_DEF_EXT x"
                + " on x.SITE_PROPERTY_DEFINITION_ID = p.SITE_PROPERTY_DEFINITION_ID where x.IS_SECRET = 1 and "
                + "p.USER_MODIFIED <> 0"));
    }
}
