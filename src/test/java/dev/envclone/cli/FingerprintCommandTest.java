package dev.envclone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** fingerprint's options: --schema names an Oracle schema. */
class FingerprintCommandTest {

    @Test
    void refusesASchemaWithSqlServerBeforeConnecting() {
        // No such database: a connection attempt would fail differently (exit 3).
        CliProcess.Result result = CliProcess.inProcess("fingerprint", "--target", "jdbc:h2:mem:nowhere;IFEXISTS=TRUE",
                "--user", "sa", "--dbms", "sqlserver", "--schema", "OSADMIN");

        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().contains("--schema names the Oracle admin schema: leave it out with --dbms sqlserver"),
                result.err());
        assertEquals("", result.out());
    }
}
