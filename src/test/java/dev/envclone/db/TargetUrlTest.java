package dev.envclone.db;

import dev.envclone.sql.Dbms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each driver's URL read as the driver reads it, and every rule a target URL must pass, with its message. */
class TargetUrlTest {
    private static final String CANARY = "Canary-Pw-7f3";
    private static final String REFUSED = "--target: the URL holds a password; give it through --password-env VAR "
            + "instead.";

    @TempDir
    Path folder;

    private static String refusal(String url) {
        return assertThrows(IllegalArgumentException.class, () -> TargetUrl.ofOption("--target", url)).getMessage();
    }

    /** Every form the three drivers accept a password in (mssql-jdbc 13.6 and 12.10, ojdbc11 23.26, H2 2.5, measured). */
    static Stream<String> urlsWithAPassword() {
        return Stream.of(
                "jdbc:sqlserver://db01:1433;databaseName=OS;password=" + CANARY,
                "jdbc:sqlserver://db01;databaseName=OS; Password = " + CANARY + " ",
                "jdbc:sqlserver://db01;databaseName=OS;PASSWORD={" + CANARY + ";x}}y}",
                "jdbc:sqlserver://db01;databaseName=OS;pwd=" + CANARY,
                "jdbc:sqlserver://db01;databaseName=OS;trustStorePassword=" + CANARY,
                "jdbc:sqlserver://db01;databaseName=OS;keyStoreSecret=" + CANARY,
                "jdbc:sqlserver://db01;databaseName=OS;AADSecurePrincipalSecret=" + CANARY,
                "jdbc:oracle:thin:scott/" + CANARY + "@//db01:1521/ORCL",
                "jdbc:oracle:thin:scott/tiger7f3@db01:1521:ORCL",
                "jdbc:oracle:thin:scott/\"" + CANARY + "\"@//db01:1521/ORCL",
                "jdbc:oracle:thin:\"scott\"/\"Canary@Pw-7f3\"@db01:1521/ORCL",
                "jdbc:oracle:thin:scott[proxy]/" + CANARY + "@(DESCRIPTION=(ADDRESS=(HOST=db01)(PORT=1521))"
                        + "(CONNECT_DATA=(SERVICE_NAME=ORCL)))",
                "jdbc:oracle:thin:@//db01:1521/ORCL?password=" + CANARY,
                "jdbc:oracle:thin:@db01:1521/ORCL?user=scott&oracle.jdbc.password=\"" + CANARY + "\"",
                "jdbc:oracle:thin:@tcps://db01:2484/ORCL?wallet_location=/w&wallet_password=" + CANARY,
                "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db01)(PORT=1521))"
                        + "(CONNECT_DATA=(SERVICE_NAME=ORCL)))?password=" + CANARY,
                "jdbc:h2:/tmp/sandbox;MODE=MSSQLServer;PASSWORD=" + CANARY,
                "jdbc:h2:/tmp/sandbox;password = " + CANARY);
    }

    @ParameterizedTest
    @MethodSource("urlsWithAPassword")
    void aPasswordInTheUrlIsRefusedWithoutShowingIt(String url) {
        String message = refusal(url);
        assertEquals(REFUSED, message);
    }

    @Test
    void theWizardsAdviceNamesThePasswordField() {
        assertEquals("JDBC URL: the URL holds a password; type it in the Password field instead.",
                TargetUrl.problem("JDBC URL", "jdbc:sqlserver://db01;databaseName=OS;password=" + CANARY,
                        "type it in the Password field instead"));
    }

    /** mssql-jdbc's own parser (Util.parseUrl, package-private: read through reflection) on the same URLs. */
    private static Properties mssqlJdbcReads(String url) throws Exception {
        Method parse = Class.forName("com.microsoft.sqlserver.jdbc.Util").getDeclaredMethod("parseUrl",
                String.class, Logger.class);
        parse.setAccessible(true);
        try {
            return (Properties) parse.invoke(null, url, Logger.getLogger("test"));
        } catch (InvocationTargetException e) {
            return null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:sqlserver://db01:1433;databaseName=OS;password=" + CANARY,
        "jdbc:sqlserver://db01;databaseName=OS; Password = " + CANARY + " ",
        "jdbc:sqlserver://db01;databaseName=OS;PASSWORD={" + CANARY + ";x}}y}",
        "jdbc:sqlserver://db01;password=a;databaseName=OS;PassWord=" + CANARY,
        "jdbc:sqlserver://;serverName=db01;database=OS;password=" + CANARY})
    void refusesEveryPasswordMssqlJdbcItselfReads(String url) throws Exception {
        Properties driver = mssqlJdbcReads(url);
        assertTrue(driver.getProperty("password").contains(CANARY.substring(0, 6)), driver.toString());
        assertEquals(REFUSED, refusal(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:sqlserver://db01\\PROD:1433;databaseName = {OS CLONE} ;encrypt=true",
        "jdbc:sqlserver://db01;database={OS;}}X};trustServerCertificate=true",
        "jdbc:sqlserver:// db01 : 1433 ;databaseName=OS",
        "jdbc:sqlserver://;serverName=db01;portNumber=1433;databaseName=OS"})
    void readsHostPortAndDatabaseAsMssqlJdbcDoes(String url) throws Exception {
        Properties driver = mssqlJdbcReads(url);
        TargetUrl read = TargetUrl.ofOption("--target", url);
        assertEquals(driver.getProperty("serverName"), read.host());
        assertEquals(driver.getProperty("databaseName"), read.database());
        assertEquals(driver.getProperty("portNumber") == null ? 0 : Integer.parseInt(driver.getProperty(
                "portNumber")), read.port());
        assertEquals(driver.getProperty("instanceName"), read.property("instancename") == null ? null
                : read.property("instancename").toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void refusesEveryConnectionPropertyOjdbcReadsAsAPassword() throws Exception {
        // ojdbc's EZConnect resolver hands what follows '?' to the connection as properties, password included.
        String url = "//db01:1521/ORCL?password=\"" + CANARY + "\"";
        Properties ojdbc = oracle.net.resolver.EZConnectResolver.newInstance(url).getProperties();
        assertEquals(CANARY, ojdbc.getProperty("password"));
        assertEquals(REFUSED, refusal("jdbc:oracle:thin:@" + url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:oracle:thin:@//db01:1521/ORCL",
        "jdbc:oracle:thin:@db01:1521/ORCL.example.com:dedicated/ORCL1",
        "jdbc:oracle:thin:@tcps://db01,db02:2484/ORCL?wallet_location=/w",
        "jdbc:oracle:thin:@db01:1521:ORCL",
        "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS_LIST=(ADDRESS=(PROTOCOL=TCP)(HOST=db01)(PORT=1521)))"
                + "(CONNECT_DATA=(SERVICE_NAME=ORCL)))",
        "jdbc:oracle:thin:@PROD.world",
        "jdbc:oracle:thin:@ldap://oid:5000/ORCL,cn=OracleContext,dc=example,dc=com"})
    void acceptsEveryOracleFormOfTheReference(String url) {
        TargetUrl read = TargetUrl.ofOption("--target", url);
        assertEquals(TargetUrl.Driver.ORACLE, read.driver());
        assertTrue(read.database().startsWith("ORCL") || read.database().equals("PROD.world"), read.database());
    }

    @Test
    void readsTheOracleHostPortAndService() {
        TargetUrl read = TargetUrl.ofOption("--target", "jdbc:oracle:thin:@//db01:1522/ORCLPDB");
        assertEquals("db01", read.host());
        assertEquals(1522, read.port());
        assertEquals("ORCLPDB", read.database());
    }

    static Stream<Arguments> badUrls() {
        return Stream.of(
                Arguments.of("notaurl", "--target notaurl: not a JDBC URL: use jdbc:sqlserver://HOST[:PORT];"
                        + "databaseName=DB, jdbc:oracle:thin:@//HOST:PORT/SERVICE or the sandbox's jdbc:h2:... URL."),
                Arguments.of("jdbc:sqlserver://db01:0;databaseName=OS", "--target jdbc:sqlserver://db01:0;"
                        + "databaseName=OS: port '0' is not allowed: give a number from 1 to 65535."),
                Arguments.of("jdbc:sqlserver://db01:70000;databaseName=OS", "port '70000' is not allowed"),
                Arguments.of("jdbc:sqlserver://db01:14x3;databaseName=OS", "port '14x3' is not allowed"),
                Arguments.of("jdbc:sqlserver://;portNumber=99999;serverName=db01;databaseName=OS",
                        "port '99999' is not allowed"),
                Arguments.of("jdbc:sqlserver://db01:1433", "no database: add ;databaseName=DB"),
                Arguments.of("jdbc:sqlserver://;databaseName=OS", "no host"),
                Arguments.of("jdbc:sqlserver://db01;databaseName={OS", "a value in braces has no closing }"),
                Arguments.of("jdbc:sqlserver://db01;databaseName={OS} X", "text follows a value in braces"),
                Arguments.of("JDBC:SQLSERVER://db01;databaseName=OS", "write the scheme in lower case"),
                Arguments.of("jdbc:sqlserver:db01;databaseName=OS", "a SQL Server URL starts with jdbc:sqlserver://"),
                Arguments.of("jdbc:oracle:thin:@//db01:1521", "no service name: end the address with /SERVICE"),
                Arguments.of("jdbc:oracle:thin:@//db01:65536/ORCL", "port '65536' is not allowed"),
                Arguments.of("jdbc:oracle:thin:@db01:0:ORCL", "port '0' is not allowed"),
                Arguments.of("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=db01)(PORT=1521)))",
                        "names no (SERVICE_NAME=...) or (SID=...)"),
                Arguments.of("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=db01)(PORT=1521))",
                        "parentheses do not match"),
                Arguments.of("jdbc:oracle:thin:scott@//db01:1521/ORCL", "the URL holds a user name before '@'"),
                Arguments.of("jdbc:oracle:thin://db01:1521/ORCL", "--target: the Oracle URL has no '@'"),
                Arguments.of("jdbc:oracle:oci:@ORCL", "envclone uses the thin driver"),
                Arguments.of("jdbc:h2:/tmp/db;INIT=RUNSCRIPT FROM '/etc/passwd'", "H2 setting INIT is not allowed "
                        + "on a target: use only MODE, DATABASE_TO_UPPER, CASE_INSENSITIVE_IDENTIFIERS, IGNORECASE, "
                        + "DEFAULT_NULL_ORDERING, WRITE_DELAY, IFEXISTS (the settings envclone sandbox create "
                        + "prints)."),
                Arguments.of("jdbc:h2:/tmp/db;TRACE_LEVEL_FILE=4", "H2 setting TRACE_LEVEL_FILE is not allowed"),
                Arguments.of("jdbc:h2:/tmp/db;FILE_LOCK=NO", "H2 setting FILE_LOCK is not allowed"),
                Arguments.of("jdbc:h2:/tmp/db;ACCESS_MODE_DATA=r", "H2 setting ACCESS_MODE_DATA is not allowed"),
                Arguments.of("jdbc:h2:/tmp/db;MODE=Oracle\\;INIT=X", "the H2 settings hold a '\\'"),
                Arguments.of("jdbc:h2:/tmp/db;IFEXISTS=FALSE", "IFEXISTS=FALSE would create a database"),
                Arguments.of("jdbc:h2:/tmp/db;USER=sa", "H2 setting USER is not allowed"),
                Arguments.of("jdbc:h2:zip:/tmp/db.zip!/db", "H2 file system 'zip:' is not allowed"),
                Arguments.of("jdbc:h2:tcp://db01:0/db", "port '0' is not allowed"),
                Arguments.of("jdbc:h2:db", "H2 path db is relative"),
                Arguments.of(" jdbc:h2:mem:x", "it starts or ends with spaces"),
                Arguments.of("jdbc:h2:mem:x\n;INIT=X", "--target holds a line break or control character"),
                Arguments.of("", "--target is empty"));
    }

    @ParameterizedTest
    @MethodSource("badUrls")
    void refusesABadUrlNamingTheOptionAndTheRule(String url, String message) {
        String refused = refusal(url);
        assertTrue(refused.contains(message), refused);
        assertTrue(refused.startsWith("--target"), refused);
        assertFalse(refused.contains("\n"), refused);
    }

    @Test
    void anH2FileThatDoesNotExistIsRefusedAndNotCreated() {
        Path absent = folder.resolve("absent");
        String refused = refusal("jdbc:h2:file:" + absent + ";MODE=MSSQLServer");
        assertTrue(refused.endsWith(": no H2 database at " + absent + " (" + absent + ".mv.db does not exist): "
                + "make one with envclone sandbox create."), refused);
        assertFalse(Files.exists(folder.resolve("absent.mv.db")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;IGNORECASE=TRUE;WRITE_DELAY=0",
        // As sandbox create printed it before IGNORECASE replaced the collation, and run folders recorded it.
        ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                + "COLLATION=ENGLISH STRENGTH SECONDARY;WRITE_DELAY=0;IFEXISTS=TRUE"})
    void anH2FileThatExistsIsAccepted(String settings) throws Exception {
        Path db = folder.resolve("db");
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + db, "sa", "")) {
            c.isValid(1);
        }
        TargetUrl read = TargetUrl.ofOption("--target", "jdbc:h2:file:" + db + settings);
        assertEquals(db.resolveSibling("db.mv.db"), read.h2File());
        assertNull(read.host());
    }

    @Test
    void anH2ServerUrlIsReadWithItsHostAndPort() {
        TargetUrl read = TargetUrl.ofOption("--target", "jdbc:h2:tcp://localhost:9092/~/sandbox;MODE=Oracle");
        assertEquals("localhost", read.host());
        assertEquals(9092, read.port());
    }

    @Test
    void anH2TargetIsOpenedOnlyIfItExists() {
        Path absent = folder.resolve("gone");
        // Past the parse (a file removed between the check and the connection): IFEXISTS=TRUE still holds.
        TargetDatabaseException e = assertThrows(TargetDatabaseException.class, () -> new TargetDatabase(
                H2Target.of("jdbc:h2:" + absent + ";MODE=Oracle", "sa", new char[0])).open());
        assertEquals(ConnectionProblem.DATABASE_MISSING, e.problem());
        assertFalse(Files.exists(folder.resolve("gone.mv.db")));
    }

    @Test
    void anH2TargetWithInitIsRefusedByNameBeforeH2SeesIt() throws Exception {
        Path marker = folder.resolve("marker.txt");
        Path script = folder.resolve("init.sql");
        Files.writeString(script, "CALL FILE_WRITE(STRINGTOUTF8('ran'), '" + marker + "');\n");
        Path db = folder.resolve("db");
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + db, "sa", "")) {
            c.isValid(1);
        }
        String url = "jdbc:h2:" + db + ";INIT=RUNSCRIPT FROM '" + script + "'";
        assertTrue(refusal(url).contains("H2 setting INIT is not allowed on a target"));
        assertThrows(IllegalArgumentException.class, () -> TargetSession.open(url, "sa", new char[0], Dbms.ORACLE,
                null));
        assertThrows(IllegalArgumentException.class, () -> H2Target.of(url, "sa", new char[0]));
        assertFalse(Files.exists(marker), "the INIT script ran");
    }
}
