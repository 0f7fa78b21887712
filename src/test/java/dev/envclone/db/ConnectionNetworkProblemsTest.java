package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Unknown host and closed port with the real mssql-jdbc and ojdbc drivers. Only names under {@code .invalid} (which
 * never resolve) and 127.0.0.1 are used: no traffic leaves this machine.
 */
class ConnectionNetworkProblemsTest {
    private static final String NOWHERE = "db.envclone.invalid";
    private static final char[] PASSWORD = "Canary-7f3a!pw".toCharArray();

    private static TargetDatabaseException failure(ConnectionSettings settings) {
        return assertThrows(TargetDatabaseException.class,
                () -> new TargetDatabase(settings, Duration.ofSeconds(2)).open().close());
    }

    /** A port on 127.0.0.1 that was free a moment ago and that nothing listens on now. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void sqlServerUnknownHostSaysTheNameDoesNotResolve() {
        TargetDatabaseException e = failure(SqlServerTarget.sqlLogin(NOWHERE, "OSPlatform", "OSAdmin", PASSWORD,
                false));
        assertEquals("The host db.envclone.invalid does not resolve, so SQL Server db.envclone.invalid:1433 / "
                + "OSPlatform cannot be reached: check the spelling of the server name and this machine's DNS "
                + "settings.", e.getMessage());
        assertEquals(ConnectionProblem.UNKNOWN_HOST, e.problem());
    }

    @Test
    void oracleUnknownHostSaysTheNameDoesNotResolve() {
        TargetDatabaseException e = failure(OracleTarget.service(NOWHERE, 1521, "ORCLPDB", "osadmin", PASSWORD));
        assertEquals("The host db.envclone.invalid does not resolve, so Oracle db.envclone.invalid:1521/ORCLPDB "
                + "cannot be reached: check the spelling of the server name and this machine's DNS settings.",
                e.getMessage());
        assertEquals(ConnectionProblem.UNKNOWN_HOST, e.problem());
    }

    @Test
    void sqlServerClosedPortSaysNothingListens() throws IOException {
        int port = closedPort();
        TargetDatabaseException e = failure(SqlServerTarget.sqlLogin("127.0.0.1," + port, "OSPlatform", "OSAdmin",
                PASSWORD, false));
        assertEquals("Nothing is listening on 127.0.0.1:" + port + " (the port is closed or the server is down): "
                + "check the port number and that SQL Server is running with TCP/IP enabled.", e.getMessage());
        assertEquals(ConnectionProblem.PORT_CLOSED, e.problem());
    }

    @Test
    void oracleClosedPortSaysNothingListens() throws IOException {
        int port = closedPort();
        TargetDatabaseException e = failure(OracleTarget.ezConnect("127.0.0.1:" + port + "/ORCLPDB", "osadmin",
                PASSWORD));
        assertEquals("Nothing is listening on 127.0.0.1:" + port + " (the port is closed or the server is down): "
                + "check the port number and that the Oracle listener is running.", e.getMessage());
        assertEquals(ConnectionProblem.PORT_CLOSED, e.problem());
    }
}
