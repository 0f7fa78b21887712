package dev.envclone.run;

import dev.envclone.db.TargetSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.db.CancelToken;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each cleanup step's postcondition measures its effect in the database: it fails on a fresh clone (so it can
 * fail), holds after the step ran, and fails again when the effect is undone; a run then runs the step again.
 */
class PostconditionTest {
    @TempDir
    Path folder;

    private CliProcess.Result run(SandboxRunFixture sandbox, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--run-dir", sandbox.runDir.toString(),
                "--target", sandbox.url, "--user", "sa"));
        args.addAll(List.of(extra));
        return CliProcess.inProcess(args.toArray(String[]::new));
    }

    private static List<PostconditionCheck> measure(SandboxRunFixture sandbox) throws Exception {
        RunFolder run = RunFolder.open(sandbox.runDir, Clock.systemUTC());
        try (TargetSession session = RunSession.openTarget(run.plan(), sandbox.url, "sa", null)) {
            return new RunSession(run, session, "test").checkPostconditions("opened", new CancelToken());
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void everyStepsPostconditionFailsOnTheCloneAndHoldsAfterItRan(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        assertEquals(0, CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url, "--user", "sa", "--prepare-only").code());
        List<Step> steps = ProcedureCatalog.cleanupSteps(RunFolder.open(sandbox.runDir, Clock.systemUTC()).plan());
        // Before: mark every step done without running it; every postcondition must then see rows left to change.
        RunFolder run = RunFolder.open(sandbox.runDir, Clock.systemUTC());
        for (Step step : steps) {
            run.doneByDba(step.id(), "A. DBA", "claimed, not done", "test");
        }
        List<PostconditionCheck> before = measure(sandbox);
        assertEquals(steps.size(), before.size());
        for (PostconditionCheck check : before) {
            assertEquals(PostconditionCheck.Outcome.EFFECT_MISSING, check.outcome(), check.step().id());
            assertTrue(check.remaining() > 0, check.step().id());
        }

        CliProcess.Result executed = run(sandbox, "--yes");
        assertEquals(0, executed.code(), executed.out() + executed.err());
        assertTrue(executed.out().contains("All chosen steps are done and their effect is in the database"),
                executed.out());
        for (PostconditionCheck check : measure(sandbox)) {
            assertEquals(PostconditionCheck.Outcome.HELD, check.outcome(), check.step().id() + ": " + check.detail());
        }
        sandbox.assertCleaned();
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aDoneStepWhoseRowsAreBackIsReportedAndRunAgain(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("create table SAVED_SERVER as select * from ossys_server");
        assertEquals(0, CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url, "--user", "sa", "--yes", "--steps",
                "cleanup-front-ends").code());
        sandbox.execute("insert into ossys_server select * from SAVED_SERVER");

        CliProcess.Result resumed = run(sandbox, "--yes", "--steps", "cleanup-front-ends");

        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("cleanup-front-ends: recorded as done, but its effect missing: 3 rows still "
                + "to change (ossys_server 3); the database lost or undid it, so it runs again"), resumed.out());
        assertTrue(resumed.out().contains("cleanup-front-ends: done, 3 rows changed"), resumed.out());
        assertEquals(0, sandbox.count("ossys_server"));
        CliProcess.Result status = CliProcess.inProcess("status", "--run-dir", sandbox.runDir.toString());
        assertTrue(status.out().lines().anyMatch(l -> l.contains("done") && l.contains("Clean up the front-end")
                && l.contains("[effect held, measured ") && l.endsWith("(end of the run)]")), status.out());
        RunFolder run = RunFolder.open(sandbox.runDir, Clock.systemUTC());
        assertEquals(2, RunState.attempts(run.journal().entries(), "cleanup-front-ends"),
                "run again with a fresh pre-image, attempt 2");
        try (var paths = java.nio.file.Files.walk(sandbox.runDir.resolve("pre-images"))) {
            assertTrue(paths.anyMatch(p -> p.endsWith("attempt-2") && p.getParent().toString()
                    .endsWith("-cleanup-front-ends")), "attempt 2 has pre-images of its own");
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void stepsBeforeTheInstallAreNotCheckedOnceTheConfigurationToolRan(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("create table SAVED_SERVER as select * from ossys_server");
        assertEquals(0, CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url, "--user", "sa", "--yes", "--steps",
                "cleanup-front-ends").code());
        assertEquals(0, CliProcess.inProcess("mark", "--run-dir", sandbox.runDir.toString(), "--step",
                "config-tool-platform", "--tick").code());
        // The platform, started after the install, lists its front-ends again: the step must not delete them.
        sandbox.execute("insert into ossys_server select * from SAVED_SERVER");

        CliProcess.Result resumed = run(sandbox, "--prepare-only");

        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertEquals(3, sandbox.count("ossys_server"));
        assertEquals(StepState.DONE, RunFolder.open(sandbox.runDir, Clock.systemUTC()).state()
                .of("cleanup-front-ends"));
        assertTrue(measure(sandbox).stream().filter(c -> c.step().id().equals("cleanup-front-ends"))
                .allMatch(c -> c.outcome() == PostconditionCheck.Outcome.NOT_CHECKED));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aStepWhoseEffectIsStillMissingAfterRunningAgainEndsTheRunWithExitFour(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("create trigger RELIST after delete on ossys_server for each row call \""
                + ServerRelister.class.getName() + "\"");

        CliProcess.Result result = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url, "--user", "sa", "--yes", "--steps",
                "cleanup-front-ends");

        assertEquals(4, result.code(), result.out() + result.err());
        assertTrue(result.err().contains("cleanup-front-ends: effect missing: 3 rows still to change (ossys_server 3) "
                + "after it ran again: something else writes to that table (is the platform running?)"),
                result.err());
        assertEquals(StepState.EFFECT_MISSING, RunFolder.open(sandbox.runDir, Clock.systemUTC()).state()
                .of("cleanup-front-ends"));
        assertEquals(2, RunState.attempts(RunFolder.open(sandbox.runDir, Clock.systemUTC()).journal().entries(),
                "cleanup-front-ends"), "ran once more, not forever");
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aRunStoppedByABlockedStepStillMeasuresTheStepsItDid(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);

        CliProcess.Result result = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url, "--user", "sa", "--yes");

        assertEquals(3, result.code(), result.out() + result.err());
        assertTrue(result.err().contains("cleanup-database-connections: blocked"), result.err());
        RunFolder run = RunFolder.open(sandbox.runDir, Clock.systemUTC());
        for (Step step : ProcedureCatalog.cleanupSteps(run.plan())) {
            JournalEntry checked = PostconditionCheck.last(run.journal().entries(), step.id());
            if (step.id().equals("cleanup-database-connections")) {
                assertEquals(null, checked, "a blocked step has no effect to measure");
            } else {
                assertEquals("true", checked.get("held"), step.id());
                assertEquals("end", checked.get("when"), step.id());
            }
        }
    }
}
