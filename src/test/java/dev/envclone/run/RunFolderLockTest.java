package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run folder's lock in one process: what a second holder is told, and what a killed holder leaves. */
class RunFolderLockTest {
    @TempDir
    Path folder;

    @Test
    void aSecondHolderInTheSameProcessIsRefusedNamingTheFirst() throws Exception {
        Path run = folder.resolve("run-qa");
        try (RunFolderLock held = RunFolderLock.forNewRun(run, "the envclone wizard")) {
            GuardException refused = assertThrows(GuardException.class,
                    () -> RunFolderLock.forNewRun(run, "the envclone wizard"));
            String host = LockHolder.current("x", Clock.systemUTC()).host();
            assertTrue(refused.getMessage().matches(java.util.regex.Pattern.quote(run + " is in use by the envclone "
                    + "wizard (process " + ProcessHandle.current().pid() + " on " + host + ", since ")
                    + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ\\): wait for it to finish, or close that window"),
                    refused.getMessage());
        }
    }

    @Test
    void theFolderIsFreeAgainOnceItsHolderCloses() throws Exception {
        Path run = folder.resolve("run-qa");
        RunFolderLock.forNewRun(run, "envclone run").close();
        try (RunFolderLock again = RunFolderLock.forNewRun(run, "envclone mark")) {
            assertTrue(Files.exists(run.resolve(RunFolderLock.FILE)));
        }
        assertEquals(0, Files.size(run.resolve(RunFolderLock.FILE)), "the lock file stays, emptied");
    }

    @Test
    void aLockFileLeftByAKilledProcessBlocksNothing() throws Exception {
        Path run = folder.resolve("run-qa");
        Files.createDirectories(run);
        Files.writeString(run.resolve(RunFolderLock.FILE), new LockHolder("envclone run", 4242, "JUMPHOST",
                java.time.Instant.parse("2026-12-01T21:03:00Z")).toText());
        Files.writeString(run.resolve(RunFolder.JOURNAL), "");
        try (RunFolderLock held = RunFolderLock.forRun(run, "envclone mark")) {
            assertThrows(GuardException.class, () -> RunFolderLock.forRun(run, "envclone run"), "held by us now");
        }
    }

    @Test
    void aFolderThatHoldsNoRunIsRefusedAndGetsNoLockFile() throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RunFolderLock.forRun(folder, "envclone mark"));
        assertEquals(folder + " holds no run (no journal.jsonl): give --plan to start one", refused.getMessage());
        assertFalse(Files.exists(folder.resolve(RunFolderLock.FILE)));
    }

    @Test
    void theLockFileIsTheOwnersOnly() throws Exception {
        Path run = folder.resolve("run-qa");
        try (RunFolderLock held = RunFolderLock.forNewRun(run, "envclone run")) {
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(run.resolve(RunFolderLock.FILE))));
        }
    }

    @Test
    void aRunInThisProcessIsRefusedWhileTheWizardHoldsItsFolder() throws Exception {
        Path run = startedRun();
        try (RunFolderLock wizard = RunFolderLock.forRun(run, "the envclone wizard")) {
            CliProcess.Result result = CliProcess.inProcess("run", "--run-dir", run.toString(), "--target",
                    "jdbc:h2:mem:none", "--yes");
            assertEquals(3, result.code(), result.err());
            assertTrue(result.err().startsWith("envclone run: refused: " + run + " is in use by the envclone wizard "
                    + "(process " + ProcessHandle.current().pid() + " on "), result.err());
        }
    }

    @Test
    void markIsRefusedWhileARunHoldsTheFolder() throws Exception {
        Path run = startedRun();
        byte[] journal = Files.readAllBytes(run.resolve(RunFolder.JOURNAL));
        try (RunFolderLock held = RunFolderLock.forRun(run, "envclone run")) {
            CliProcess.Result mark = CliProcess.inProcess("mark", "--run-dir", run.toString(), "--step",
                    "cleanup-saml", "--skip", "not used here");
            assertEquals(3, mark.code(), mark.err());
            assertTrue(mark.err().startsWith("envclone mark: refused: " + run + " is in use by envclone run (process "
                    + ProcessHandle.current().pid() + " on "), mark.err());
        }
        assertArrayEquals(journal, Files.readAllBytes(run.resolve(RunFolder.JOURNAL)), "nothing was recorded");
    }

    @Test
    void statusReadsTheJournalWhileARunHoldsTheFolder() throws Exception {
        Path run = startedRun();
        try (RunFolderLock held = RunFolderLock.forRun(run, "envclone run")) {
            CliProcess.Result status = CliProcess.inProcess("status", "--run-dir", run.toString());
            assertEquals(0, status.code(), status.err());
            assertTrue(status.out().contains("#1 ") && status.out().contains(" RUN_CREATED by \"Ana\""), status.out());
        }
    }

    private Path startedRun() throws Exception {
        Path run = folder.resolve("run-qa");
        RunFolder.create(run, new PlanBuilder(Dbms.SQLSERVER).build(), null, "jdbc:h2:mem:none", "Ana",
                Clock.systemUTC());
        return run;
    }
}
