package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.CancelToken;
import dev.envclone.db.ProgressListener;
import dev.envclone.db.TargetProbe;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A source fingerprint recorded into a run created without one: the guards refuse it as the target from then on;
 * one source per run, never the run's own target, and only before the cleanup begins.
 */
class SourceFingerprintRecordTest {
    @TempDir
    Path folder;

    private String source;
    private String target;
    private MigrationPlan plan;

    private RunFolder run(Dbms dbms, String sourceFingerprint) throws Exception {
        source = Sandbox.create(dbms, folder.resolve("production"), SandboxSize.SMALL);
        target = Sandbox.create(dbms, folder.resolve("qa"), SandboxSize.SMALL);
        plan = new PlanBuilder(dbms).build();
        return RunFolder.create(folder.resolve("run"), plan, sourceFingerprint, target, "Ana", Clock.systemUTC());
    }

    private String read(String url) throws Exception {
        String schema = switch (plan.dbms()) {
            case SQLSERVER -> null;
            case ORACLE -> plan.users().admin();
        };
        return TargetProbe.inspect(url, "sa", new char[0], plan.dbms(), schema).facts().fingerprint();
    }

    private RunSession session(RunFolder run, String url) throws Exception {
        return new RunSession(run, RunSession.openTarget(plan, url, "sa", new char[0]), "Ana");
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void recordedFingerprintIsTheRunsSourceAndTheGuardRefusesItAsTarget(Dbms dbms) throws Exception {
        RunFolder run = run(dbms, null);
        assertNull(run.sourceFingerprint());
        String fingerprint = read(source);

        assertTrue(run.recordSourceFingerprint(fingerprint, source, "Ana"));

        RunFolder reopened = RunFolder.open(run.folder(), Clock.systemUTC());
        assertEquals(fingerprint, reopened.sourceFingerprint());
        JournalEntry entry = reopened.sourceFingerprintRecorded();
        assertEquals("Ana", entry.operator());
        assertEquals(source, entry.get("source"));
        RunSession onSource = session(reopened, source);
        GuardException refused = assertThrows(GuardException.class, () -> onSource.checkTarget(null));
        assertEquals("The target is the source database (" + fingerprint + "): envclone does not run the cleanup "
                + "there. Connect to the restored clone.", refused.getMessage());
        assertTrue(reopened.journal().entries().stream().noneMatch(e -> e.event() == JournalEvent.TARGET_CHECKED));
        assertEquals(read(target), session(reopened, target).checkTarget(null), "the real target passes");
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aRunHasOneSource(Dbms dbms) throws Exception {
        RunFolder run = run(dbms, null);
        run.recordSourceFingerprint(read(source), source, "Ana");
        int entries = run.journal().entries().size();
        String other = Sandbox.create(dbms, folder.resolve("other"), SandboxSize.SMALL);

        GuardException refused = assertThrows(GuardException.class,
                () -> run.recordSourceFingerprint(read(other), other, "Ana"));
        assertEquals("This run's source is " + read(source) + "; the database read is " + read(other) + ". A run has "
                + "one source: connect to the source this run was made from, or start a new run.",
                refused.getMessage());
        assertFalse(run.recordSourceFingerprint(read(source), source, "Ana"), "the same one again: nothing to do");
        assertEquals(entries, run.journal().entries().size(), "nothing written either time");
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aFingerprintGivenAtCreationIsKept(Dbms dbms) throws Exception {
        run(dbms, null);
        Path elsewhere = folder.resolve("elsewhere");
        String given = read(Sandbox.create(dbms, elsewhere, SandboxSize.SMALL));
        RunFolder run = RunFolder.create(folder.resolve("run2"), plan, given, target, "Ana", Clock.systemUTC());

        assertThrows(GuardException.class, () -> run.recordSourceFingerprint(read(source), source, "Ana"));
        assertEquals(given, run.sourceFingerprint());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesTheRunsOwnTarget(Dbms dbms) throws Exception {
        RunFolder run = run(dbms, null);
        String fingerprint = session(run, target).checkTarget(null);

        GuardException refused = assertThrows(GuardException.class,
                () -> run.recordSourceFingerprint(fingerprint, target, "Ana"));
        assertTrue(refused.getMessage().startsWith("The database read, " + fingerprint + ", is this run's target: "
                + "the source connection names the target"), refused.getMessage());
        assertNull(run.sourceFingerprint());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusedOnceACleanupStepRan(Dbms dbms) throws Exception {
        RunFolder run = run(dbms, null);
        RunSession session = session(run, target);
        session.checkTarget(null);
        Step first = ProcedureCatalog.cleanupSteps(plan).get(0);
        session.execute(first, new CancelToken(), ProgressListener.NONE);
        assertEquals(StepState.DONE, run.state().of(first.id()));

        GuardException refused = assertThrows(GuardException.class,
                () -> run.recordSourceFingerprint(read(source), source, "Ana"));
        assertTrue(refused.getMessage().startsWith("The cleanup has begun (step " + first.id() + ", "),
                refused.getMessage());
        assertNull(run.sourceFingerprint());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void previewsAndManualStepsDoNotCloseIt(Dbms dbms) throws Exception {
        RunFolder run = run(dbms, null);
        RunSession session = session(run, target);
        session.checkTarget(null);
        for (Step step : ProcedureCatalog.cleanupSteps(plan)) {
            session.preview(step);
        }
        run.tick("prerequisites", "checked", "Ana");

        assertTrue(run.recordSourceFingerprint(read(source), source, "Ana"));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesTextThatIsNotOneLine(Dbms dbms) throws Exception {
        RunFolder run = run(dbms, null);
        assertThrows(IllegalArgumentException.class, () -> run.recordSourceFingerprint("h2:a\nb", source, "Ana"));
        assertThrows(IllegalArgumentException.class, () -> run.recordSourceFingerprint(" ", source, "Ana"));
        assertEquals(1, run.journal().entries().size());
    }
}
