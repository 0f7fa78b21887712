package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong password, missing database and missing privilege, provoked on real H2 file databases. */
class ConnectionH2ProblemsTest {
    private static final String CANARY = "Canary-7f3a!pw";

    @TempDir
    Path folder;

    private String createDatabase(String password) throws SQLException {
        String url = "jdbc:h2:" + folder.resolve("db") + ";MODE=MSSQLServer";
        try (Connection c = DriverManager.getConnection(url, "sa", password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ossys_Parameter (Name VARCHAR(50), Val VARCHAR(200))");
            s.execute("CREATE USER reader PASSWORD 'r3ader'");
        }
        return url;
    }

    private static TargetDatabase database(ConnectionSettings settings) {
        return new TargetDatabase(settings, Duration.ofSeconds(2));
    }

    @Test
    void wrongPasswordSaysSo() throws SQLException {
        String url = createDatabase("X-right");
        TargetDatabaseException e = assertThrows(TargetDatabaseException.class,
                () -> database(H2Target.of(url, "sa", CANARY.toCharArray())).open());
        assertEquals("H2 database " + folder.resolve("db") + " refused user SA: the user name or password is wrong "
                + "(or the account is locked or expired); check both and try again.", e.getMessage());
        assertEquals(ConnectionProblem.WRONG_LOGIN, e.problem());
        assertFalse(e.getMessage().contains(CANARY));
    }

    @Test
    void missingDatabaseSaysSo() {
        Path absent = folder.resolve("absent").resolve("db");
        TargetDatabaseException e = assertThrows(TargetDatabaseException.class, () -> database(H2Target.of(
                "jdbc:h2:" + absent + ";IFEXISTS=TRUE", "sa", new char[0])).open());
        assertEquals("H2 database " + absent + " does not exist: check the path (envclone sandbox create prints the "
                + "URL as its last line).", e.getMessage());
        assertEquals(ConnectionProblem.DATABASE_MISSING, e.problem());
    }

    @Test
    void userWithoutGrantsMayNotReadThePlatformTables() throws SQLException {
        String url = createDatabase("X-right");
        H2Target reader = H2Target.of(url, "reader", "r3ader".toCharArray());
        try (Connection connection = database(reader).open(); Statement statement = connection.createStatement()) {
            SQLException driverError = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT Name FROM ossys_Parameter"));
            TargetDatabaseException e = DriverErrors.explain(driverError, reader, "reading the platform tables of");
            assertEquals("User READER may not read PUBLIC.OSSYS_PARAMETER on H2 database " + folder.resolve("db")
                    + ": grant it SELECT on the platform tables (and UPDATE and DELETE for the cleanup), or connect "
                    + "as the owner of the platform database.", e.getMessage());
            assertEquals(ConnectionProblem.NO_PRIVILEGE, e.problem());
        }
    }

    @Test
    void anyOtherErrorShowsTheDriversMessageAfterWhatWasBeingDone() throws SQLException {
        String url = createDatabase("X-right");
        H2Target sa = H2Target.of(url, "sa", "X-right".toCharArray());
        try (Connection connection = database(sa).open(); Statement statement = connection.createStatement()) {
            SQLException driverError = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT Nope FROM ossys_Parameter"));
            TargetDatabaseException e = DriverErrors.explain(driverError, sa, "reading the platform tables of");
            assertEquals("Reading the platform tables of H2 database " + folder.resolve("db") + " failed: Column "
                    + "\"NOPE\" not found.", e.getMessage());
        }
    }
}
