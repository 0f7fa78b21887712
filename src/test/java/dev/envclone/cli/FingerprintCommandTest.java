package dev.envclone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.PlanBuilder;
import dev.envclone.run.RunFolder;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** fingerprint's options: --schema names an Oracle schema; --run-dir records the source's into a run. */
class FingerprintCommandTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void recordsTheSourceIntoARunMadeWithoutOneAndTheRunThenRefusesIt(Dbms dbms) throws Exception {
        String source = Sandbox.create(dbms, folder.resolve("production"), SandboxSize.SMALL);
        String target = Sandbox.create(dbms, folder.resolve("qa"), SandboxSize.SMALL);
        Path runDir = folder.resolve("run");
        RunFolder.create(runDir, new PlanBuilder(dbms).build(), null, target, "Ana", Clock.systemUTC());

        CliProcess.Result recorded = CliProcess.inProcess("fingerprint", "--target", source, "--user", "sa",
                "--run-dir", runDir.toString(), "--operator", "Ana");

        assertEquals(0, recorded.code(), recorded.err());
        String fingerprint = recorded.out().strip();
        assertEquals(fingerprint, RunFolder.open(runDir, Clock.systemUTC()).sourceFingerprint());
        assertEquals("envclone fingerprint: recorded as the source fingerprint of the run in " + runDir,
                recorded.err().strip());
        CliProcess.Result again = CliProcess.inProcess("fingerprint", "--target", source, "--user", "sa",
                "--run-dir", runDir.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("already the source fingerprint of the run"), again.err());

        CliProcess.Result run = CliProcess.inProcess("run", "--run-dir", runDir.toString(), "--target", source,
                "--user", "sa", "--yes");
        assertEquals(3, run.code(), run.err());
        assertTrue(run.err().contains("The target is the source database (" + fingerprint + ")"), run.err());
    }

    @Test
    void refusesASecondSourceForARun() throws Exception {
        String source = Sandbox.create(Dbms.SQLSERVER, folder.resolve("production"), SandboxSize.SMALL);
        String other = Sandbox.create(Dbms.SQLSERVER, folder.resolve("other"), SandboxSize.SMALL);
        Path runDir = folder.resolve("run");
        RunFolder.create(runDir, new PlanBuilder(Dbms.SQLSERVER).build(), null, other, "Ana", Clock.systemUTC());
        assertEquals(0, CliProcess.inProcess("fingerprint", "--target", source, "--user", "sa", "--run-dir",
                runDir.toString()).code());

        CliProcess.Result second = CliProcess.inProcess("fingerprint", "--target", other, "--user", "sa",
                "--run-dir", runDir.toString());

        assertEquals(3, second.code(), second.err());
        assertTrue(second.err().startsWith("envclone fingerprint: refused: This run's source is "), second.err());
        assertEquals("", second.out());
    }

    @Test
    void refusesASchemaWithSqlServerBeforeConnecting() {
        // No such database: a connection attempt would fail differently (exit 3).
        CliProcess.Result result = CliProcess.inProcess("fingerprint", "--target", "jdbc:h2:mem:nowhere;IFEXISTS=TRUE",
                "--user", "sa", "--dbms", "sqlserver", "--schema", "OSADMIN");

        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().contains("--schema names the Oracle admin schema: leave it out with --dbms sqlserver"),
                result.err());
        assertEquals("", result.out());
    }
}
