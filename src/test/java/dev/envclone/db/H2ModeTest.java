package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class H2ModeTest {

    /** A database with one text column holding the given values, ids 1, 2, ... */
    private static Connection tableOf(Dbms dbms, String name, String... values) throws SQLException {
        Connection c = DriverManager.getConnection(H2Mode.memoryUrl(dbms, name), "sa", "");
        try (Statement s = c.createStatement()) {
            s.execute("create table t (ID INT NOT NULL PRIMARY KEY, NAME VARCHAR(100))");
            for (int i = 0; i < values.length; i++) {
                s.execute("insert into t values (" + (i + 1) + ", '" + values[i] + "')");
            }
        }
        return c;
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void comparesStringsIgnoringCaseAsTheDatabasesDo(Dbms dbms) throws SQLException {
        try (Connection c = tableOf(dbms, "ci_" + dbms.cliName(), "$OS_LOG_DB_7e3e8ce0", "$os_log_db_7E3E8CE0",
                "Other")) {
            assertEquals(List.of("3"), PlatformDatabase.query(c,
                    "select ID from t where NAME <> '$OS_LOG_DB_7e3e8ce0' order by ID"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void keepsSpacesAndHyphensSignificantUnlikeAPrimaryStrengthCollation(Dbms dbms) throws SQLException {
        try (Connection c = tableOf(dbms, "sp_" + dbms.cliName(), "a b", "a-b", "ab")) {
            assertEquals(List.of("3"), PlatformDatabase.query(c, "select ID from t where NAME = 'ab'"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void acceptsASecondConnectionToTheSameDatabaseOnceItHoldsTables(Dbms dbms) throws SQLException {
        // IGNORECASE is in the URL and repeated on every connection: it only changes tables created afterwards.
        try (Connection first = tableOf(dbms, "again_" + dbms.cliName(), "ABC");
             Connection second = DriverManager.getConnection(H2Mode.memoryUrl(dbms, "again_" + dbms.cliName()),
                     "sa", "")) {
            assertEquals(List.of("1"), PlatformDatabase.query(second, "select ID from t where NAME = 'abc'"));
            assertEquals(List.of("1"), PlatformDatabase.query(first, "select ID from t where NAME = 'aBc'"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void storesTheEmptyStringAsNullOnlyInOracleMode(Dbms dbms) throws SQLException {
        try (Connection c = tableOf(dbms, "empty_" + dbms.cliName(), "", " ")) {
            String expected = dbms == Dbms.ORACLE ? "NULL" : "''";
            assertEquals(List.of(expected, "' '"), PlatformDatabase.query(c, "select NAME from t order by ID"));
        }
    }

    /** The settings sandbox URLs carried before IGNORECASE replaced the collation, as run folders recorded them. */
    private static String earlierSettings(Dbms dbms) {
        return switch (dbms) {
            case SQLSERVER -> "MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                    + "COLLATION=ENGLISH STRENGTH SECONDARY";
            case ORACLE -> "MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;COLLATION=ENGLISH STRENGTH SECONDARY";
        };
    }

    private static void fileDatabase(Path path, String settings) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + path + ";" + settings, "sa", "");
             Statement s = c.createStatement()) {
            s.execute("create table t (ID INT NOT NULL PRIMARY KEY, NAME VARCHAR(100))");
            s.execute("insert into t values (1, '$OS_LOG_DB_7e3e8ce0'), (2, '$os_log_db_7E3E8CE0'), (3, 'Other')");
        }
    }

    private static List<String> kept(String url, Dbms dbms) throws SQLException {
        try (TargetSession session = TargetSession.open(url, "sa", new char[0], dbms, null)) {
            return PlatformDatabase.query(session.connection(),
                    "select ID from t where NAME <> '$OS_LOG_DB_7e3e8ce0' order by ID");
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aDatabaseMadeWithTheEarlierCollationOpensWithTodaysSettingsAndStillIgnoresCase(Dbms dbms,
            @TempDir Path folder) throws SQLException {
        Path path = folder.resolve("earlier");
        fileDatabase(path, earlierSettings(dbms));
        assertEquals(List.of("3"), kept("jdbc:h2:file:" + path + ";" + H2Mode.settings(dbms), dbms));
        assertEquals(List.of("3"), kept("jdbc:h2:file:" + path + ";" + earlierSettings(dbms), dbms));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aUrlOfAnEarlierVersionOpensADatabaseMadeToday(Dbms dbms, @TempDir Path folder) throws SQLException {
        // H2 alone refuses: "Collation cannot be changed because there is a data table".
        Path path = folder.resolve("today");
        fileDatabase(path, H2Mode.settings(dbms));
        assertEquals(List.of("3"), kept("jdbc:h2:file:" + path + ";" + earlierSettings(dbms) + ";WRITE_DELAY=0",
                dbms));
    }

    @Test
    void rejectsADatabaseNameThatWouldAddSettings() {
        assertThrows(IllegalArgumentException.class,
                () -> H2Mode.memoryUrl(Dbms.ORACLE, "x;INIT=RUNSCRIPT FROM 'evil.sql'"));
    }
}
