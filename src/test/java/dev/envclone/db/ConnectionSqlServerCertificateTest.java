package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** mssql-jdbc against a stand-in SQL Server on 127.0.0.1 whose certificate is self-signed. */
class ConnectionSqlServerCertificateTest {

    @Test
    void selfSignedCertificateIsNotTrustedAndTheChoiceIsNamed() throws Exception {
        try (SelfSignedTdsServer server = new SelfSignedTdsServer()) {
            SqlServerTarget target = SqlServerTarget.sqlLogin("127.0.0.1," + server.port(), "OSPlatform", "OSAdmin",
                    "Canary-7f3a!pw".toCharArray(), false);
            TargetDatabaseException e = assertThrows(TargetDatabaseException.class,
                    () -> new TargetDatabase(target, Duration.ofSeconds(3)).open().close());
            assertEquals("127.0.0.1:" + server.port() + " presented a TLS certificate this machine does not trust: "
                    + "import the certificate of the authority that issued it into Java's trust store, or, only if "
                    + "it is self-signed and you have checked it another way (its thumbprint, with the DBA), choose "
                    + "to trust the server certificate (trustServerCertificate).", e.getMessage());
            assertEquals(ConnectionProblem.CERTIFICATE_NOT_TRUSTED, e.problem());
        }
    }
}
