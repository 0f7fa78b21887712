package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.envclone.sql.Dbms;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
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
        // The collation is in the URL: H2 refuses to change it on a database with tables, but not to repeat it.
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

    @Test
    void rejectsADatabaseNameThatWouldAddSettings() {
        assertThrows(IllegalArgumentException.class,
                () -> H2Mode.memoryUrl(Dbms.ORACLE, "x;INIT=RUNSCRIPT FROM 'evil.sql'"));
    }
}
