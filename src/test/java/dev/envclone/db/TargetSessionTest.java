package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.Dbms;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One session per target, on H2 in both modes: its setup, its transaction, and what it gives back on close. */
class TargetSessionTest {

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aSessionReachesThePlatformTablesWithAutocommitOff(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms);
             TargetSession session = TargetSession.on(db.openSession(), db.dialect(), PlatformDatabase.ADMIN_USER)) {
            assertFalse(session.connection().getAutoCommit());
            assertTrue(TargetInspection.inspect(session).platformDatabase(), session.setup().describe());
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void closingRollsBackWhatIsStillOpenBeforeAutocommitComesBack(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            Connection connection = db.openSession();
            assertTrue(connection.getAutoCommit(), "a new H2 session starts in autocommit");
            TargetSession session = TargetSession.on(connection, db.dialect(), PlatformDatabase.ADMIN_USER);
            try (Statement statement = session.connection().createStatement()) {
                statement.executeUpdate("insert into ossys_Parameter (ID, NAME, VAL) values (9001, 'kept?', 'no')");
            }

            session.close(); // switching autocommit back on first would have committed the insert

            assertEquals(0, db.count("ossys_Parameter where ID = 9001"));
            assertTrue(connection.isClosed());
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void theStepExecutorLeavesAutocommitToTheSession(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms);
             TargetSession session = TargetSession.on(db.openSession(), db.dialect(), PlatformDatabase.ADMIN_USER)) {
            StepExecutor executor = new StepExecutor(session);

            executor.preview(List.of(), null);

            assertFalse(session.connection().getAutoCommit());
        }
    }

    @org.junit.jupiter.api.Test
    void aSetupThatFailsLeavesNoSessionOpen() throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(Dbms.ORACLE)) {
            Connection connection = db.openSession();

            SQLException e = assertThrows(SQLException.class, () -> TargetSession.on(connection, db.dialect(),
                    "NO_SUCH_SCHEMA"));

            assertTrue(e.getMessage().contains("NO_SUCH_SCHEMA"), e.getMessage());
            assertTrue(connection.isClosed());
        }
    }
}
