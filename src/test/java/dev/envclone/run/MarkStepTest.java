package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skipped and done-by-DBA steps are recorded with their reason or name, and a resumed run leaves them alone. */
class MarkStepTest {
    @TempDir
    Path folder;

    @Test
    void skippedAndDbaStepsAreRecordedAndNotRun() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        String run = sandbox.runDir.toString();
        assertEquals(0, CliProcess.inProcess("run", "--run-dir", run, "--plan", sandbox.plan.toString(), "--target",
                sandbox.url, "--user", "sa", "--prepare-only").code());
        CliProcess.Result noReason = CliProcess.inProcess("mark", "--run-dir", run, "--step", "cleanup-front-ends",
                "--skip", " ");
        assertEquals(2, noReason.code());
        assertTrue(noReason.err().contains("a skipped step needs a reason"), noReason.err());
        assertEquals(0, CliProcess.inProcess("mark", "--run-dir", run, "--step", "cleanup-front-ends", "--skip",
                "the target keeps its front-end list", "--operator", "alice").code());
        assertEquals(0, CliProcess.inProcess("mark", "--run-dir", run, "--step", "cleanup-saml", "--done-by-dba",
                "Bob DBA", "--note", "ran step 10 of cleanup.sql in SSMS").code());
        assertEquals(0, CliProcess.inProcess("mark", "--run-dir", run, "--step", "upload-license", "--tick").code());
        CliProcess.Result again = CliProcess.inProcess("mark", "--run-dir", run, "--step", "upload-license", "--tick");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("step 'upload-license' is done already"), again.err());

        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        CliProcess.Result result = CliProcess.inProcess("run", "--run-dir", run, "--target", sandbox.url, "--user",
                "sa", "--yes");
        assertEquals(0, result.code(), result.err());
        assertEquals(3, sandbox.count("ossys_server"), "the skipped step did not run");
        assertEquals(2, sandbox.count("OSUSR_SAM_CONFIGIDP"), "the DBA's step did not run again");
        RunState state = RunFolder.open(sandbox.runDir, Clock.systemUTC()).state();
        assertEquals(StepState.SKIPPED, state.of("cleanup-front-ends"));
        assertEquals("the target keeps its front-end list", state.lastEntry("cleanup-front-ends").get("reason"));
        assertEquals("alice", state.lastEntry("cleanup-front-ends").operator());
        assertEquals(StepState.DONE_BY_DBA, state.of("cleanup-saml"));
        assertEquals("Bob DBA", state.lastEntry("cleanup-saml").get("dba"));
        assertEquals(StepState.DONE, state.of("upload-license"));
        assertEquals(StepState.DONE, state.of("cleanup-database-connections"));
    }
}
