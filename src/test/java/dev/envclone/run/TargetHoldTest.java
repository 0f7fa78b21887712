package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A login the DBMS does not let lock the target (Oracle without EXECUTE on DBMS_LOCK; on the sandbox an H2 user
 * that is not an admin and so cannot see the other sessions): the run goes on, with a warning in the journal and
 * on stderr, never a silent run without the lock.
 */
class TargetHoldTest {
    @TempDir
    Path folder;

    /**
     * Oracle only: the sandbox's URL settings need an H2 admin, so a user that is not one connects with the bare
     * file URL, which an Oracle-shaped sandbox (upper-case names, as H2 folds them by default) still serves.
     */
    @Test
    void aLoginThatMayNotLockTheTargetRunsWithAJournaledWarning() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.ORACLE, folder);
        sandbox.execute("CREATE USER OPERATOR PASSWORD ''");
        sandbox.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA " + Sandbox.ORACLE_SCHEMA + " TO OPERATOR");
        String bare = sandbox.url.substring(0, sandbox.url.indexOf(';'));

        CliProcess.Result result = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", bare, "--user", "OPERATOR", "--prepare-only");

        assertEquals(0, result.code(), result.out() + result.err());
        String warning = "The target is not locked for this run: the H2 user is not an admin and cannot see the "
                + "other sessions. envclone cannot stop a second run on this target: make sure no other run works "
                + "on it.";
        assertEquals("envclone run: warning: " + warning, result.err().strip());
        List<JournalEntry> entries = RunFolder.open(sandbox.runDir, Clock.systemUTC()).journal().entries();
        assertEquals(JournalEvent.TARGET_NOT_LOCKED, entries.get(1).event(), "journaled before the guards ran");
        assertEquals(warning, entries.get(1).get("warning"));
        assertTrue(entries.stream().anyMatch(e -> e.event() == JournalEvent.PREPARED), "and the run went on");
    }
}
