package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.InvalidNameException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsTest {
    private static final String CANARY = "Canary-7f3a!pw";

    @TempDir
    Path tnsAdmin;

    private List<ConnectionSettings> everyKind() {
        return List.of(
                SqlServerTarget.sqlLogin("db01\\PROD", "OSPlatform", "OSAdmin", CANARY.toCharArray(), false),
                SqlServerTarget.sqlLogin("db01,1433", "OSPlatform", "OSAdmin", CANARY.toCharArray(), true),
                OracleTarget.service("db01", 1521, "ORCLPDB", "osadmin", CANARY.toCharArray()),
                OracleTarget.ezConnect("tcps://db01:2484/ORCLPDB", "osadmin", CANARY.toCharArray()),
                OracleTarget.tnsAlias("PROD.world", tnsAdmin, "osadmin", CANARY.toCharArray()),
                H2Target.of("jdbc:h2:/tmp/rehearsal/db;MODE=MSSQLServer", "sa", CANARY.toCharArray()));
    }

    @Test
    void noTextOfTheSettingsHoldsThePassword() {
        for (ConnectionSettings settings : everyKind()) {
            TargetDatabase database = new TargetDatabase(settings, Duration.ofSeconds(2));
            for (String text : List.of(settings.toString(), settings.describe(), settings.target(),
                    settings.password().toString(), database.toString(), database.url())) {
                assertFalse(text.contains(CANARY), text);
            }
        }
    }

    @Test
    void describesTheCertificateChoiceOfSqlServer() {
        assertEquals("SQL Server db01:1433 / OSPlatform, SQL login OSAdmin, encrypted; the server certificate is "
                + "trusted without validation (only for a self-signed certificate checked another way)",
                SqlServerTarget.sqlLogin("db01,1433", "OSPlatform", "OSAdmin", CANARY.toCharArray(), true)
                        .describe());
        assertEquals("SQL Server db01\\PROD / OSPlatform, Windows authentication as the account running envclone, "
                + "encrypted; the server certificate is validated against this machine's trusted authorities",
                SqlServerTarget.windows("db01\\PROD", "OSPlatform", false).describe());
    }

    @Test
    void buildsEachDriversUrl() {
        Duration timeout = Duration.ofSeconds(3);
        assertEquals("jdbc:sqlserver://db01\\PROD;databaseName=OSPlatform;encrypt=true;trustServerCertificate=false;"
                + "loginTimeout=3;applicationName=envclone;integratedSecurity=true",
                new TargetDatabase(SqlServerTarget.windows("db01\\PROD", "OSPlatform", false), timeout).url());
        assertEquals("jdbc:oracle:thin:@//db01:1521/ORCLPDB", new TargetDatabase(
                OracleTarget.service("db01", 1521, "ORCLPDB", "osadmin", CANARY.toCharArray()), timeout).url());
        assertEquals("jdbc:oracle:thin:@PROD.world", new TargetDatabase(
                OracleTarget.tnsAlias("PROD.world", tnsAdmin, "osadmin", CANARY.toCharArray()), timeout).url());
    }

    @Test
    void rejectsAServerNameWithAQuote() {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> SqlServerTarget.sqlLogin(
                "db01'x", "OSPlatform", "OSAdmin", CANARY.toCharArray(), false));
        assertEquals("SQL Server 'db01'x' contains a quote: give host, host\\instance or host,port.", e.getMessage());
    }

    @Test
    void rejectsAMissingTnsAdminFolder() {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> OracleTarget.tnsAlias("PROD",
                tnsAdmin.resolve("absent"), "osadmin", CANARY.toCharArray()));
        assertEquals("TNS_ADMIN folder '" + tnsAdmin.resolve("absent") + "' is not a folder on this machine: give "
                + "the folder that holds tnsnames.ora.", e.getMessage());
    }

    @Test
    void rejectsAnEmptyPassword() {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> OracleTarget.service("db01", 1521,
                "ORCLPDB", "osadmin", new char[0]));
        assertEquals("password is empty: type the password of user OSADMIN.", e.getMessage());
    }

    @Test
    void keepsThePasswordOutOfAnH2Url() {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> H2Target.of(
                "jdbc:h2:/tmp/db;PASSWORD=" + CANARY, "sa", new char[0]));
        assertTrue(e.getMessage().startsWith("H2 URL 'jdbc:h2:/tmp/db;PASSWORD=****' holds a user or password"),
                e.getMessage());
        assertFalse(e.getMessage().contains(CANARY));
    }
}
