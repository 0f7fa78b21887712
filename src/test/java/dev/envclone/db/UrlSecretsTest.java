package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one mask: every form a password takes in the drivers' URLs, and a driver's message that echoes a URL. */
class UrlSecretsTest {
    private static final String CANARY = "Canary-Pw-7f3";

    static Stream<Arguments> masked() {
        return Stream.of(
                Arguments.of("jdbc:sqlserver://db01;databaseName=OS;password=" + CANARY + ";encrypt=true",
                        "jdbc:sqlserver://db01;databaseName=OS;password=***;encrypt=true"),
                Arguments.of("jdbc:sqlserver://db01;Password = " + CANARY + " ;encrypt=true",
                        "jdbc:sqlserver://db01;Password = ***;encrypt=true"),
                Arguments.of("jdbc:sqlserver://db01;PASSWORD={" + CANARY + ";x}}y} ;encrypt=true",
                        "jdbc:sqlserver://db01;PASSWORD=*** ;encrypt=true"),
                Arguments.of("jdbc:sqlserver://db01;PASSWORD={" + CANARY, "jdbc:sqlserver://db01;PASSWORD=***"),
                Arguments.of("Driver={ODBC};Server=db01;Uid=sa;Pwd=" + CANARY + ";",
                        "Driver={ODBC};Server=db01;Uid=sa;Pwd=***;"),
                Arguments.of("jdbc:sqlserver://db01;trustStorePassword=" + CANARY + ";keyStoreSecret=" + CANARY,
                        "jdbc:sqlserver://db01;trustStorePassword=***;keyStoreSecret=***"),
                Arguments.of("jdbc:oracle:thin:scott/" + CANARY + "@//db01:1521/ORCL",
                        "jdbc:oracle:thin:scott/***@//db01:1521/ORCL"),
                Arguments.of("jdbc:oracle:thin:scott/\"" + CANARY + "@x\"@//db01:1521/ORCL",
                        "jdbc:oracle:thin:scott/***@//db01:1521/ORCL"),
                Arguments.of("jdbc:oracle:thin:\"scott\"/\"" + CANARY + "\"@db01:1521:ORCL",
                        "jdbc:oracle:thin:\"scott\"/***@db01:1521:ORCL"),
                Arguments.of("jdbc:oracle:thin:scott[px]/" + CANARY + "@db", "jdbc:oracle:thin:scott[px]/***@db"),
                Arguments.of("connect scott/" + CANARY + "@ORCL failed", "connect scott/***@ORCL failed"),
                Arguments.of("jdbc:oracle:thin:@//db01:1521/ORCL?password=" + CANARY + ";x&user=scott",
                        "jdbc:oracle:thin:@//db01:1521/ORCL?password=***&user=scott"),
                Arguments.of("jdbc:oracle:thin:@db01/ORCL?oracle.jdbc.password=\"" + CANARY + "&\"&a=b",
                        "jdbc:oracle:thin:@db01/ORCL?oracle.jdbc.password=***&a=b"),
                Arguments.of("jdbc:h2:/tmp/db;MODE=Oracle;PASSWORD=" + CANARY + ";IFEXISTS=TRUE",
                        "jdbc:h2:/tmp/db;MODE=Oracle;PASSWORD=***;IFEXISTS=TRUE"),
                Arguments.of("two lines: password=" + CANARY + "\nnext", "two lines: password=***\nnext"));
    }

    @ParameterizedTest
    @MethodSource("masked")
    void masksEveryFormOfAPassword(String text, String expected) {
        assertEquals(expected, UrlSecrets.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:sqlserver://db01:1433;databaseName=OS;encrypt=true;trustServerCertificate=false",
        "jdbc:oracle:thin:@//db01:1521/ORCL",
        "The target is the source database (oracle:ORCL/ORCLPDB1/OSADMIN): envclone does not run the cleanup there.",
        "H2 database /runs/rehearsal/db refused user SA: the user name or password is wrong; check both.",
        "update ossys_dbcatalog set username = ' ' where name <> '(Main)'"})
    void leavesATextWithoutASecretAsItIs(String text) {
        assertEquals(text, UrlSecrets.mask(text));
        assertFalse(UrlSecrets.holdsSecret(text));
    }

    @Test
    void masksTheUrlH2EchoesInItsOwnMessage() {
        // H2 quotes the whole URL when it refuses an implicitly relative path.
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:h2:relative;PASSWORD=" + CANARY + ";IFEXISTS=TRUE"));
        assertTrue(e.getMessage().contains(CANARY), "H2 echoes the URL: " + e.getMessage());
        String masked = UrlSecrets.mask(e.getMessage());
        assertFalse(masked.contains(CANARY), masked);
        assertTrue(masked.contains("jdbc:h2:relative;PASSWORD=***;IFEXISTS=TRUE"), masked);
    }

    @Test
    void anExplainedDriverErrorHoldsNoPasswordOfTheUrlItEchoes() {
        SQLException driver = new SQLException("Cannot open jdbc:sqlserver://db01;databaseName=OS;password="
                + CANARY + ";encrypt=true: something went wrong", "08001", 0);
        TargetDatabaseException explained = DriverErrors.explain(driver, SqlServerTarget.sqlLogin("db01",
                "OS", "OSAdmin", "other".toCharArray(), false), "connecting to");
        assertFalse(explained.getMessage().contains(CANARY), explained.getMessage());
        assertTrue(explained.getMessage().contains("password=***;encrypt=true"), explained.getMessage());
    }

    @Test
    void withoutSecretsIsTheSameMask() {
        String url = "jdbc:sqlserver://db01;Password = {" + CANARY + "};databaseName=OS";
        assertEquals(UrlSecrets.mask(url), JdbcUrlTarget.withoutSecrets(url));
        assertEquals("jdbc:sqlserver://db01;Password = ***;databaseName=OS", JdbcUrlTarget.withoutSecrets(url));
    }
}
