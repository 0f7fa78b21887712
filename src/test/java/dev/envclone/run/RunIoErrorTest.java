package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A write that fails during a run names the file and what envclone was doing, with no class name, and leaves the
 * run where it was: no step started, no row changed, and the same command finishes once the cause is gone. The
 * failure is a folder that is a file: the tests run as root, where permission bits stop nothing.
 */
class RunIoErrorTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aPreImageFolderThatCannotBeMadeIsNamedAndTheStepIsNotStarted(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        String[] run = {"run", "--run-dir", sandbox.runDir.toString(), "--target", sandbox.url, "--user", "sa",
            "--yes"};
        assertEquals(0, CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url, "--user", "sa", "--prepare-only").code());
        Path notAFolder = Files.writeString(sandbox.runDir.resolve("pre-images"), "a file where the folder goes");
        List<String> parameters = sandbox.rows("select NAME from ossys_Parameter order by NAME");

        CliProcess.Result failed = CliProcess.inProcess(run);

        assertEquals(1, failed.code(), failed.out() + failed.err());
        assertTrue(failed.err().contains("cannot create pre-image folder " + notAFolder + "/"), failed.err());
        assertTrue(failed.err().contains(": " + notAFolder + " is a file, not a folder"), failed.err());
        assertFalse(failed.err().contains("Exception"), failed.err());
        RunFolder after = RunFolder.open(sandbox.runDir, Clock.systemUTC());
        assertTrue(after.journal().entries().stream().noneMatch(e -> e.event() == JournalEvent.STEP_STARTED
                || e.event() == JournalEvent.STEP_FAILED || e.event() == JournalEvent.STEP_EXECUTED),
                "no step started, failed or ran");
        assertEquals(parameters, sandbox.rows("select NAME from ossys_Parameter order by NAME"));

        Files.delete(notAFolder);
        CliProcess.Result again = CliProcess.inProcess(run);
        assertEquals(0, again.code(), again.out() + again.err());
        sandbox.assertCleaned();
    }
}
