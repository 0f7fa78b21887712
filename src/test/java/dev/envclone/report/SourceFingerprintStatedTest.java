package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.TargetProbe;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.run.RunFolder;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report says when the source's fingerprint was recorded into a run that began without one: the steps before
 * that were not guarded against the source by it, and the signer should see who recorded it and when.
 */
class SourceFingerprintStatedTest {
    @TempDir
    Path folder;

    @Test
    void aFingerprintRecordedLaterIsStatedWithWhoAndWhen() throws Exception {
        MigrationPlan plan = new PlanBuilder(Dbms.SQLSERVER).build();
        String source = Sandbox.create(Dbms.SQLSERVER, folder.resolve("production"), SandboxSize.SMALL);
        String fingerprint = TargetProbe.inspect(source, "sa", new char[0], Dbms.SQLSERVER, null).facts()
                .fingerprint();

        RunFolder late = RunFolder.create(folder.resolve("late"), plan, null, "jdbc:h2:file:qa", "Ana",
                Clock.systemUTC());
        assertEquals(null, new RunRecord(late).sourceFingerprintStated());
        late.recordSourceFingerprint(fingerprint, source, "Ana Operator");
        String stated = new RunRecord(RunFolder.open(late.folder(), Clock.systemUTC())).sourceFingerprintStated();
        assertTrue(stated.startsWith(fingerprint + " (recorded after the run began, by Ana Operator at "), stated);

        RunFolder given = RunFolder.create(folder.resolve("given"), plan, fingerprint, "jdbc:h2:file:qa", "Ana",
                Clock.systemUTC());
        assertEquals(fingerprint, new RunRecord(given).sourceFingerprintStated());
    }
}
