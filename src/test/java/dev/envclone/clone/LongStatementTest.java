package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.CancelToken;
import dev.envclone.db.H2Mode;
import dev.envclone.db.TargetSession;
import dev.envclone.sql.Dbms;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JDBC side of a long statement on a real engine (H2 on a server-level session; BACKUP itself needs SQL
 * Server): every result drained to the end, no timeout, and Cancel reaching the statement that runs.
 */
class LongStatementTest {

    @Test
    void aStatementWithSeveralResultsIsReadToItsEnd() throws Exception {
        String url = H2Mode.memoryUrl(Dbms.SQLSERVER, "long_drain");
        try (Connection keep = DriverManager.getConnection(url, "sa", "");
                TargetSession session = TargetSession.openServer(url, "sa", new char[0])) {
            List<BackupMessage> messages = new LongStatement("Backup of X", CloneListener.NONE).run(session,
                    "SELECT X FROM SYSTEM_RANGE(1, 50000)", new CancelToken());
            assertEquals(List.of(), messages, "H2 sends no informational messages");
            assertTrue(session.connection().getAutoCommit());
        }
    }

    @Test
    void cancelStopsTheRunningStatement() throws Exception {
        String url = H2Mode.memoryUrl(Dbms.SQLSERVER, "long_cancel");
        CancelToken cancel = new CancelToken();
        try (Connection keep = DriverManager.getConnection(url, "sa", "");
                TargetSession session = TargetSession.openServer(url, "sa", new char[0])) {
            CompletableFuture<Void> later = CompletableFuture.runAsync(cancel::cancel,
                    CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
            long start = System.nanoTime();
            assertThrows(SQLException.class, () -> new LongStatement("Restore of X", CloneListener.NONE).run(session,
                    "SELECT SUM(a.X * b.X) FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b", cancel));
            later.get(5, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "the cancel reached the statement");
            assertTrue(cancel.isCancelled());
        }
    }
}
