package dev.envclone.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An H2 TCP server in a JVM of its own, serving the databases under one folder: the database runs apart from the
 * process that uses it, as SQL Server and Oracle do. A client that dies loses only its open transaction; every
 * commit that returned is kept (H2 embedded in a killed process can lose commits, see dialect-facts.md).
 */
final class H2ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path baseDir;

    private H2ServerProcess(Process process, int port, Path baseDir) {
        this.process = process;
        this.port = port;
        this.baseDir = baseDir;
    }

    /** Starts the server on a free loopback port and waits until it accepts connections. */
    static H2ServerProcess start(Path baseDir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.h2.tools.Server", "-tcp", "-tcpPort",
                String.valueOf(port), "-baseDir", baseDir.toAbsolutePath().toString(), "-ifExists");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains("TCP server running")) {
                // Keep draining its output so that it never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // the server is gone
                    }
                }, "h2-server-output");
                drain.setDaemon(true);
                drain.start();
                return new H2ServerProcess(process, port, baseDir);
            }
        }
        process.waitFor(5, TimeUnit.SECONDS);
        throw new IOException("the H2 server did not start: " + seen);
    }

    /** The URL of the database at {@code path} (under the base folder, without .mv.db), with H2 settings. */
    String url(Path path, String settings) {
        String relative = baseDir.toAbsolutePath().relativize(path.toAbsolutePath()).toString().replace('\\', '/');
        return "jdbc:h2:tcp://localhost:" + port + "/" + relative + ";" + settings;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
