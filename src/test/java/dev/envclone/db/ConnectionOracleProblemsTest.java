package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Oracle problems the thin driver shows without a database: TLS certificate, TNS alias. 127.0.0.1 only. */
class ConnectionOracleProblemsTest {
    private static final char[] PASSWORD = "Canary-7f3a!pw".toCharArray();

    @TempDir
    Path tnsAdmin;

    private static TargetDatabaseException failure(ConnectionSettings settings) {
        return assertThrows(TargetDatabaseException.class,
                () -> new TargetDatabase(settings, Duration.ofSeconds(3)).open().close());
    }

    @Test
    void selfSignedCertificateIsNotTrusted() throws Exception {
        try (SelfSignedTlsServer server = new SelfSignedTlsServer()) {
            TargetDatabaseException e = failure(OracleTarget.ezConnect("tcps://127.0.0.1:" + server.port()
                    + "/ORCLPDB", "osadmin", PASSWORD));
            assertEquals("127.0.0.1:" + server.port() + " presented a TLS certificate this machine does not trust: "
                    + "import the certificate of the authority that issued it (or the self-signed certificate, once "
                    + "checked with the DBA) into Java's trust store or the Oracle wallet.", e.getMessage());
            assertEquals(ConnectionProblem.CERTIFICATE_NOT_TRUSTED, e.problem());
        }
    }

    @Test
    void tnsAdminWithoutTnsnamesSaysTheAliasIsNotFound() {
        TargetDatabaseException e = failure(OracleTarget.tnsAlias("PROD", tnsAdmin, "osadmin", PASSWORD));
        assertEquals("TNS alias PROD is not found in " + tnsAdmin.toAbsolutePath().resolve("tnsnames.ora")
                + ": check the alias and the TNS_ADMIN folder.", e.getMessage());
        assertEquals(ConnectionProblem.DATABASE_MISSING, e.problem());
    }

    @Test
    void aliasMissingFromTnsnamesSaysTheAliasIsNotFound() throws Exception {
        Files.writeString(tnsAdmin.resolve("tnsnames.ora"), "OTHER = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)"
                + "(HOST = db.envclone.invalid)(PORT = 1521))(CONNECT_DATA = (SERVICE_NAME = ORCLPDB)))\n");
        TargetDatabaseException e = failure(OracleTarget.tnsAlias("PROD", tnsAdmin, "osadmin", PASSWORD));
        assertEquals("TNS alias PROD is not found in " + tnsAdmin.toAbsolutePath().resolve("tnsnames.ora")
                + ": check the alias and the TNS_ADMIN folder.", e.getMessage());
    }
}
