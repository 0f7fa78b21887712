package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.CleanupItem;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.RowChange;
import dev.envclone.sql.RowsBlock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StepExecutorTest {
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
    void savesThePreImageThenCommitsTheStep(Dbms dbms) throws Exception {
        try (PlatformDatabase db = withServers(dbms); Connection session = db.openSession()) {
            StepExecutor executor = new StepExecutor(TargetSession.on(session, db.dialect(), PlatformDatabase.ADMIN_USER));
            StepResult result = executor.execute(List.of(RowChange.delete("ossys_server", null)), null,
                    folder.resolve("step"), StepExecutor.Checkpoints.NONE, new CancelToken(), ProgressListener.NONE);
            assertEquals(List.of(2), result.preview().counts());
            assertEquals(List.of(2), result.changed());
            assertEquals(0, db.count("ossys_server"));
            PreImage image = result.preImages().get(0);
            assertEquals(folder.resolve("step").resolve("01-ossys_server.csv"), image.file());
            assertEquals(2, image.rows());
            assertEquals("\"ID\",\"NAME\",\"IP_ADDRESS\",\"IS_ACTIVE\"\r\n"
                            + "\"1\",\"prod-fe1\",\"10.0.0.1\",\"" + (dbms == Dbms.SQLSERVER ? "TRUE" : "1") + "\"\r\n"
                            + "\"2\",\"prod-fe2\",,\"" + (dbms == Dbms.SQLSERVER ? "TRUE" : "1") + "\"\r\n",
                    Files.readString(image.file(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aFailingStatementRollsBackTheWholeStepAndIsNamed(Dbms dbms) throws Exception {
        try (PlatformDatabase db = withServers(dbms); Connection session = db.openSession()) {
            StepExecutor executor = new StepExecutor(TargetSession.on(session, db.dialect(), PlatformDatabase.ADMIN_USER));
            List<CleanupItem> items = List.of(RowChange.delete("ossys_server", "ID = 1"),
                    RowChange.customUpdate("ossys_server", "update ossys_server set NAME = NULL", null,
                            "NAME is null"));
            StepFailedException e = assertThrows(StepFailedException.class, () -> executor.execute(items, null,
                    folder.resolve("step"), StepExecutor.Checkpoints.NONE, new CancelToken(), ProgressListener.NONE));
            assertEquals(2, e.statementNumber());
            assertEquals("update ossys_server set NAME = NULL", e.statement());
            assertTrue(e.getMessage().startsWith("Statement 2 of 2 failed, and the step was rolled back (no row of "
                    + "it changed): "), e.getMessage());
            assertEquals(2, db.count("ossys_server"), "the first statement's delete was rolled back");
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aBlockedStepChangesNothingAndSaysWhatToDo(Dbms dbms) throws Exception {
        try (PlatformDatabase db = withServers(dbms); Connection session = db.openSession()) {
            StepExecutor executor = new StepExecutor(TargetSession.on(session, db.dialect(), PlatformDatabase.ADMIN_USER));
            RowsBlock block = new RowsBlock("ossys_server", "Unmap the extensions first.");
            assertEquals("Unmap the extensions first.",
                    executor.preview(List.of(RowChange.delete("ossys_server", null)), block).blockedBy());
            StepBlockedException e = assertThrows(StepBlockedException.class, () -> executor.execute(
                    List.of(RowChange.delete("ossys_server", null)), block, folder.resolve("step"),
                    StepExecutor.Checkpoints.NONE, new CancelToken(), ProgressListener.NONE));
            assertEquals("Unmap the extensions first.", e.getMessage());
            assertEquals(2, db.count("ossys_server"));
            assertFalse(Files.exists(folder.resolve("step")), "no pre-image for a step that did not start");
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aCancelAfterThePreImagesLeavesEveryRow(Dbms dbms) throws Exception {
        try (PlatformDatabase db = withServers(dbms); Connection session = db.openSession()) {
            StepExecutor executor = new StepExecutor(TargetSession.on(session, db.dialect(), PlatformDatabase.ADMIN_USER));
            CancelToken cancel = new CancelToken();
            StepExecutor.Checkpoints cancelAfterFirst = new StepExecutor.Checkpoints() {
                @Override
                public void statementRan(int number) {
                    cancel.cancel();
                }
            };
            assertThrows(CancelToken.CancelledException.class, () -> executor.execute(
                    List.of(RowChange.delete("ossys_server", "ID = 1"), RowChange.delete("ossys_server", "ID = 2")),
                    null, folder.resolve("step"), cancelAfterFirst, cancel, ProgressListener.NONE));
            assertEquals(2, db.count("ossys_server"));
        }
    }
}
