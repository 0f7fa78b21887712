package dev.envclone.run;

import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * A sandbox served over TCP by this test JVM, so that two envclone processes can reach the same database, as two
 * runs reach one SQL Server or Oracle. An embedded H2 file opens in one process only (H2's file lock), so without a
 * server the second run would fail to connect instead of meeting the first run's lock. A server of its own (rather
 * than H2's AUTO_SERVER, where the first process to open the file serves it) keeps the database alive when a run
 * process is killed, as a real DBMS outlives its clients; and the DBMS then ends the dead client's session, which
 * is what must free the target.
 */
final class SandboxServer implements AutoCloseable {
    private final Server server;
    private final String url;

    SandboxServer(SandboxRunFixture sandbox) throws SQLException {
        this.server = Server.createTcpServer("-tcpPort", "0").start();
        // jdbc:h2:file:/abs/path;SETTINGS -> jdbc:h2:tcp://localhost:PORT//abs/path;SETTINGS (the same database)
        this.url = sandbox.url.replace("jdbc:h2:file:", "jdbc:h2:tcp://localhost:" + server.getPort() + "/");
    }

    /** The sandbox's URL through the server. */
    String url() {
        return url;
    }

    @Override
    public void close() {
        server.stop();
    }
}
