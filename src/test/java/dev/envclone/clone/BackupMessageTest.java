package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The messages of BACKUP, RESTORE and RESTORE VERIFYONLY in the forms Microsoft documents (the BACKUP and RESTORE
 * pages' STATS option and examples), read into progress, and what the operator sees of them as they arrive.
 */
class BackupMessageTest {

    @Test
    void aStatsMessageIsAPercent() {
        BackupMessage m = BackupMessage.parse("10 percent processed.");
        assertEquals(BackupMessage.Kind.PERCENT, m.kind());
        assertEquals(10, m.percent());
        assertEquals(100, BackupMessage.parse("100 percent processed.").percent());
    }

    @Test
    void aProcessedFileLineNamesDatabaseFileAndPages() {
        BackupMessage m = BackupMessage.parse("Processed 328 pages for database 'OUTSYSTEMS', file 'OUTSYSTEMS' on "
                + "file 1.");
        assertEquals(BackupMessage.Kind.FILE_PROCESSED, m.kind());
        assertEquals(328, m.pages());
        assertEquals("OUTSYSTEMS", m.name());
        assertEquals("OUTSYSTEMS", m.file());
        assertEquals("OUTSYSTEMS_log", BackupMessage.parse("Processed 2 pages for database 'OUTSYSTEMS', file "
                + "'OUTSYSTEMS_log' on file 1.").file());
    }

    @Test
    void theClosingLineOfABackupGivesPagesTimeAndThroughput() {
        BackupMessage m = BackupMessage.parse("BACKUP DATABASE successfully processed 330 pages in 0.210 seconds "
                + "(12.267 MB/sec).");
        assertEquals(BackupMessage.Kind.FINISHED, m.kind());
        assertEquals("BACKUP DATABASE", m.name());
        assertEquals(330, m.pages());
        assertEquals(0.210, m.seconds(), 1e-9);
        assertEquals(12.267, m.megabytesPerSecond(), 1e-9);
    }

    @Test
    void theClosingLineOfARestoreToo() {
        BackupMessage m = BackupMessage.parse("RESTORE DATABASE successfully processed 291 pages in 0.072 seconds "
                + "(31.521 MB/sec).");
        assertEquals(BackupMessage.Kind.FINISHED, m.kind());
        assertEquals("RESTORE DATABASE", m.name());
        assertEquals(291, m.pages());
    }

    @Test
    void verifyOnlySaysTheSetIsValid() {
        assertEquals(BackupMessage.Kind.VALID, BackupMessage.parse("The backup set on file 1 is valid.").kind());
    }

    @Test
    void anythingElseIsShownButNotReadForProgress() {
        BackupMessage m = BackupMessage.parse("Database 'OS_QA' running the upgrade step from version 921 to 957.");
        assertEquals(BackupMessage.Kind.OTHER, m.kind());
        assertEquals(BackupMessage.Kind.OTHER, BackupMessage.parse("10 Prozent verarbeitet.").kind());
        assertEquals(BackupMessage.Kind.OTHER, BackupMessage.parse("percent processed.").kind());
    }

    @Test
    void eachMessageReachesTheLiveLogAndThePercentsTheProgressAsTheyArrive() {
        List<String> seen = new ArrayList<>();
        CloneListener listener = new CloneListener() {
            @Override
            public void progress(String message, int done, int total) {
                seen.add("progress " + done + "/" + total + " " + message);
            }

            @Override
            public void logLine(String line) {
                seen.add("log " + line);
            }
        };
        LongStatement statement = new LongStatement("Backup of OUTSYSTEMS", listener);
        statement.accept("5 percent processed.");
        statement.accept("Processed 328 pages for database 'OUTSYSTEMS', file 'OUTSYSTEMS' on file 1.");
        statement.accept("BACKUP DATABASE successfully processed 330 pages in 0.210 seconds (12.267 MB/sec).");
        assertEquals(List.of("log 5 percent processed.",
                "progress 5/100 Backup of OUTSYSTEMS: 5 %",
                "log Processed 328 pages for database 'OUTSYSTEMS', file 'OUTSYSTEMS' on file 1.",
                "log BACKUP DATABASE successfully processed 330 pages in 0.210 seconds (12.267 MB/sec).",
                "progress 100/100 Backup of OUTSYSTEMS: done, 330 pages in 0.21 s (12.267 MB/s)"), seen);
    }

    @Test
    void theServersEstimateReadsAsMinutesLeft() {
        assertEquals("Restore of OS_QA: RESTORE DATABASE 42.5 % by the server's estimate, about 12 min left",
                RequestProgress.describe("Restore of OS_QA", "RESTORE DATABASE", 42.5, 12 * 60_000L + 10_000));
        assertEquals("Backup of X: BACKUP DATABASE 99.0 % by the server's estimate, under a minute left",
                RequestProgress.describe("Backup of X", "BACKUP DATABASE", 99, 20_000));
    }
}
