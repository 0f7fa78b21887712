package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.Dbms;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The server-level session (BACKUP and RESTORE cannot run in a transaction): autocommit on, each statement kept at
 * once, and closing it gives the connection back without the rollback a session in autocommit cannot take.
 */
class TargetSessionServerTest {

    @Test
    void aServerSessionKeepsEachStatementAtOnceAndClosesCleanly() throws Exception {
        String url = H2Mode.memoryUrl(Dbms.SQLSERVER, "server_level");
        try (Connection keep = DriverManager.getConnection(url, "sa", "")) {
            TargetSession session = TargetSession.openServer(url, "sa", new char[0]);
            assertTrue(session.connection().getAutoCommit());
            try (Statement statement = session.connection().createStatement()) {
                statement.execute("CREATE TABLE kept (id INT)");
                statement.execute("INSERT INTO kept VALUES (1)");
            }
            session.close();
            assertTrue(session.connection().isClosed());
            try (Statement statement = keep.createStatement(); var rows = statement.executeQuery(
                    "SELECT COUNT(*) FROM kept")) {
                rows.next();
                assertEquals(1, rows.getInt(1), "autocommit kept the insert, and close rolled nothing back");
            }
        }
    }

    @Test
    void anOrdinarySessionStaysInItsTransaction() throws Exception {
        String url = H2Mode.memoryUrl(Dbms.SQLSERVER, "ordinary_level");
        try (Connection keep = DriverManager.getConnection(url, "sa", "");
                TargetSession session = TargetSession.open(url, "sa", new char[0], Dbms.SQLSERVER, null)) {
            assertFalse(session.connection().getAutoCommit());
        }
    }

    @Test
    void anOracleUrlHasNoServerSession() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TargetSession.openServer("jdbc:oracle:thin:@//db:1521/ORCL", "system", new char[0]));
        assertTrue(refused.getMessage().contains("a server-level session is for SQL Server"), refused.getMessage());
    }

    @Test
    void aPasswordInTheUrlIsRefusedBeforeAnyConnection() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TargetSession.openServer("jdbc:sqlserver://db;databaseName=OS;password=x", "sa", new char[0]));
        assertFalse(refused.getMessage().contains("password=x"), refused.getMessage());
    }
}
