package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.files.FileWriteException;
import dev.envclone.sql.CleanupItem;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.RowChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A step whose pre-images cannot all be written is not started: no attempt folder, no checkpoint, no row changed. */
class PreImageFailureTest {
    @TempDir
    Path folder;

    private static PlatformDatabase withServers(Dbms dbms) throws Exception {
        PlatformDatabase db = PlatformDatabase.create(dbms);
        db.insert("ossys_server (ID, NAME, IP_ADDRESS, IS_ACTIVE)", 1, "prod-fe1", "10.0.0.1", 1);
        db.insert("ossys_server (ID, NAME, IP_ADDRESS, IS_ACTIVE)", 2, "prod-fe2", null, 1);
        return db;
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aPreImageThatFailsAfterTheFirstLeavesNoAttemptFolderAndNoCheckpoint(Dbms dbms) throws Exception {
        Path attempt = folder.resolve("pre-images/04-cleanup-front-ends/attempt-1");
        List<CleanupItem> items = List.of(RowChange.delete("ossys_server", "ID = 1"),
                RowChange.customDelete("ossys_server", "delete from ossys_server", "NO_SUCH_COLUMN = 1"));
        List<String> checkpoints = new ArrayList<>();
        try (PlatformDatabase db = withServers(dbms); Connection session = db.openSession()) {
            StepExecutor executor = new StepExecutor(TargetSession.on(session, db.dialect(), PlatformDatabase.ADMIN_USER));

            assertThrows(SQLException.class, () -> executor.execute(items, null, attempt, recording(checkpoints),
                    new CancelToken(), ProgressListener.NONE));

            assertFalse(Files.exists(attempt), "the first statement's pre-image went with its folder");
            assertTrue(Files.isDirectory(attempt.getParent()), "the step's folder stays, for the next attempt");
            assertEquals(List.of(), checkpoints, "the journal was never told the step started");
            assertEquals(2, db.count("ossys_server"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aPreImageFolderThatCannotBeMadeNamesItAndChangesNothing(Dbms dbms) throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("pre-images"), "a file where the folder goes");
        Path attempt = notAFolder.resolve("04-cleanup-front-ends/attempt-1");
        List<String> checkpoints = new ArrayList<>();
        try (PlatformDatabase db = withServers(dbms); Connection session = db.openSession()) {
            StepExecutor executor = new StepExecutor(TargetSession.on(session, db.dialect(), PlatformDatabase.ADMIN_USER));

            FileWriteException failed = assertThrows(FileWriteException.class, () -> executor.execute(
                    List.of(RowChange.delete("ossys_server", null)), null, attempt, recording(checkpoints),
                    new CancelToken(), ProgressListener.NONE));

            assertEquals("cannot create pre-image folder " + attempt.getParent() + ": " + notAFolder
                    + " is a file, not a folder", failed.getMessage());
            assertEquals(List.of(), checkpoints);
            assertEquals(2, db.count("ossys_server"));
        }
    }

    private static StepExecutor.Checkpoints recording(List<String> checkpoints) {
        return new StepExecutor.Checkpoints() {
            @Override
            public void preImagesSaved(List<RowChange> statements, List<PreImage> preImages) {
                checkpoints.add("pre-images saved");
            }
        };
    }
}
