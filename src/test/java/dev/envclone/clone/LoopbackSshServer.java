package dev.envclone.clone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A real SSH server on 127.0.0.1 (Apache MINA SSHD 2.20.0) whose exec channels run real processes,
 * {@code /bin/sh -c <command>} in {@code home} with {@code bin} first on the PATH (the stand-in expdp/impdp), and
 * which records every command it receives. As OpenSSH does for a session without a terminal, closing the channel
 * does not end the process: only what envclone sends can.
 */
final class LoopbackSshServer implements AutoCloseable {
    static final String USER = "oracle";

    private final SshServer server;
    private final List<String> commands = new CopyOnWriteArrayList<>();

    LoopbackSshServer(KeyPair hostKey, String password, PublicKey clientKey, Path home, Path bin) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, given, session) -> USER.equals(user) && password.equals(given));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                && KeyUtils.compareKeys(key, clientKey));
        server.setCommandFactory((channel, command) -> {
            commands.add(command);
            return new ProcessCommand(command, home, bin);
        });
        server.start();
    }

    int port() {
        return server.getPort();
    }

    /** Every command line received, in order. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** One exec channel's process; its streams copied both ways as the bytes come. */
    private static final class ProcessCommand implements Command {
        private final String command;
        private final Path home;
        private final Path bin;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        ProcessCommand(String command, Path home, Path bin) {
            this.command = command;
            this.home = home;
            this.bin = bin;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(home.toFile());
            builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            builder.environment().put("HOME", home.toString());
            Process process = builder.start();
            Thread stdout = copy(process.getInputStream(), out, false);
            Thread stderr = copy(process.getErrorStream(), err, false);
            copy(in, process.getOutputStream(), true);
            Thread waiter = new Thread(() -> {
                try {
                    int code = process.waitFor();
                    stdout.join();
                    stderr.join();
                    exit.onExit(code);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "ssh-exec-wait");
            waiter.setDaemon(true);
            waiter.start();
        }

        private static Thread copy(InputStream from, OutputStream to, boolean closeAfter) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    int n;
                    while ((n = from.read(buffer)) > 0) {
                        to.write(buffer, 0, n);
                        to.flush();
                    }
                } catch (IOException e) {
                    // the other side went away; the process keeps running, as under OpenSSH
                } finally {
                    if (closeAfter) {
                        try {
                            to.close();
                        } catch (IOException ignored) {
                            // nothing to close any more
                        }
                    }
                }
            }, "ssh-exec-copy");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        @Override
        public void destroy(ChannelSession channel) {
            // Like OpenSSH without a terminal: the process is not ended with the channel.
        }
    }
}
