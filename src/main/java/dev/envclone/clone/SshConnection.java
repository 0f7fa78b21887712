package dev.envclone.clone;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.Slf4jLogger;
import dev.envclone.db.Secret;
import dev.envclone.procedure.SshSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH session to the database host (JSch 2.28.8), its key checked by {@link HostKeyCheck}: key or password
 * authentication, the password or passphrase asked through {@link Passwords} only when needed (a key file that is
 * not encrypted needs none) and handed to JSch as bytes that are wiped after use (JSch copies them:
 * {@code Session.setPassword(byte[])}, {@code JSch.addIdentity(String, byte[])}). Commands run on exec channels
 * without a terminal, so that what a command reads on its standard input is exactly what envclone sends, and
 * nothing echoes it.
 */
final class SshConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshConnection.class);
    private static final int CONNECT_TIMEOUT_MS = 20_000;
    /** How long a short command (a folder, an upload, a kill) may take before envclone gives up on it. */
    private static final long SHORT_COMMAND_MS = 30_000;

    static {
        JSch.setLogger(new Slf4jLogger());
    }

    private final Session session;
    private final String where;

    private SshConnection(Session session, String where) {
        this.session = session;
        this.where = where;
    }

    /**
     * @param accepted the host key fingerprint the operator accepted after envclone showed it; null when none
     * @throws CloneFailedException when the host key is unknown or changed (naming its type and fingerprint), the
     *     login is refused, or the host cannot be reached; nothing was sent then
     */
    static SshConnection open(SshSettings ssh, Passwords passwords, String accepted) throws CloneFailedException {
        return open(ssh, passwords, accepted, fingerprint -> { });
    }

    /**
     * @param refused receives the fingerprint of a host key that was refused, before the exception is thrown
     */
    static SshConnection open(SshSettings ssh, Passwords passwords, String accepted,
                              java.util.function.Consumer<String> refused) throws CloneFailedException {
        if (ssh.host() == null || ssh.host().isBlank() || ssh.user() == null || ssh.user().isBlank()
                || ssh.port() < 1 || ssh.port() > 65535) {
            throw refused("The SSH settings are incomplete (host '" + ssh.host() + "', port " + ssh.port()
                    + ", user '" + ssh.user() + "'): give the database host, its SSH port (22 by default) and the "
                    + "account that runs expdp/impdp.", null);
        }
        String where = ssh.user() + "@" + ssh.host() + (ssh.port() == 22 ? "" : ":" + ssh.port());
        Path knownHosts = ssh.knownHosts() != null ? Path.of(ssh.knownHosts())
                : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        JSch jsch = new JSch();
        HostKeyCheck check;
        try {
            jsch.setKnownHosts(knownHosts.toString());
            check = new HostKeyCheck(jsch.getHostKeyRepository(), accepted, knownHosts);
            jsch.setHostKeyRepository(check);
        } catch (JSchException e) {
            throw refused("The known_hosts file " + knownHosts + " cannot be read (" + e.getMessage() + "): give a "
                    + "readable file in OpenSSH's format", e);
        }
        byte[] secret = null;
        try {
            Session session = jsch.getSession(ssh.user(), ssh.host(), ssh.port());
            session.setConfig("StrictHostKeyChecking", "yes");
            // A route that is never closed must not keep the JVM alive.
            session.setDaemonThread(true);
            session.setConfig("HashKnownHosts", "no");
            // An export can print nothing for minutes (one large table); keep-alives stop a firewall from dropping
            // the idle connection, and end a dead one within two minutes.
            session.setServerAliveInterval(30_000);
            session.setServerAliveCountMax(4);
            if (ssh.keyFile() != null) {
                secret = identity(jsch, ssh, where, passwords);
                session.setConfig("PreferredAuthentications", "publickey");
            } else {
                secret = bytes(passwords.password("the SSH account " + where, "ENVCLONE_SSH_PASSWORD"));
                session.setPassword(secret);
                session.setConfig("PreferredAuthentications", "password");
            }
            session.connect(CONNECT_TIMEOUT_MS);
            LOG.info("SSH session to {} open ({} authentication)", where, ssh.keyFile() != null ? "key" : "password");
            return new SshConnection(session, where);
        } catch (JSchException e) {
            if (check.refusal() != null) {
                refused.accept(check.refusedFingerprint());
                throw refused(check.refusal(), e);
            }
            String reason = String.valueOf(e.getMessage());
            if (reason.startsWith("Auth fail") || reason.contains("Auth cancel")) {
                throw refused("The SSH login to " + where + " was refused (" + reason + "): check the user name and "
                        + (ssh.keyFile() != null ? "that the public key of " + ssh.keyFile() + " is in the account's "
                        + "~/.ssh/authorized_keys" : "the password") + ".", e);
            }
            throw refused("Cannot open an SSH session to " + where + " (" + reason + "): check the host, the port and "
                    + "that the host's SSH server accepts connections from here.", e);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    /** Adds the key file; asks for its passphrase only when it is encrypted. Returns the passphrase to wipe. */
    private static byte[] identity(JSch jsch, SshSettings ssh, String where, Passwords passwords)
            throws JSchException, CloneFailedException {
        if (!Files.isReadable(Path.of(ssh.keyFile()))) {
            throw refused("The SSH key file " + ssh.keyFile() + " cannot be read: give the private key of the "
                    + "account " + where + ".", null);
        }
        boolean encrypted;
        try {
            KeyPair pair = KeyPair.load(jsch, ssh.keyFile());
            encrypted = pair.isEncrypted();
            pair.dispose();
        } catch (JSchException e) {
            throw refused("The SSH key file " + ssh.keyFile() + " is not a private key envclone can read ("
                    + e.getMessage() + "): give the account's private key in OpenSSH, PEM or PuTTY form.", e);
        }
        byte[] passphrase = encrypted
                ? bytes(passwords.password("the passphrase of the SSH key " + ssh.keyFile(), "ENVCLONE_SSH_PASSPHRASE"))
                : null;
        try {
            jsch.addIdentity(ssh.keyFile(), passphrase);
        } catch (JSchException e) {
            throw refused("The SSH key " + ssh.keyFile() + " cannot be used (" + e.getMessage() + "): check the "
                    + "passphrase and that the file is a private key.", e);
        }
        return passphrase;
    }

    /** The characters of a password as UTF-8 bytes, without a String in between. */
    static byte[] bytes(Secret secret) {
        char[] chars = secret.toCharArray();
        try {
            return bytes(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Characters as UTF-8 bytes; the caller wipes both. */
    static byte[] bytes(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }

    private static CloneFailedException refused(String message, Throwable cause) {
        return new CloneFailedException(message, "nothing was changed: no command was sent to the host", false,
                cause);
    }

    /** {@code user@host[:port]}, for messages. */
    String where() {
        return where;
    }

    /**
     * Runs a short command to its end: {@code input} on its standard input, then end of input.
     *
     * @return the exit code and what it printed (standard output and error together)
     */
    Result run(String command, byte[] input) throws IOException {
        ChannelExec channel = start(command);
        try {
            InputStream out = channel.getInputStream();
            InputStream err = channel.getErrStream();
            channel.connect(CONNECT_TIMEOUT_MS);
            try (OutputStream in = channel.getOutputStream()) {
                in.write(input);
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            long deadline = System.currentTimeMillis() + SHORT_COMMAND_MS;
            byte[] buffer = new byte[8192];
            while (true) {
                boolean closed = channel.isClosed();
                boolean read = drain(out, text, buffer) | drain(err, text, buffer);
                if (!read && closed) {
                    break;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("the command on " + where + " did not end within "
                            + SHORT_COMMAND_MS / 1000 + " s");
                }
                if (!read) {
                    Thread.sleep(10);
                }
            }
            return new Result(channel.getExitStatus(), text.toByteArray());
        } catch (JSchException e) {
            throw new IOException("the SSH channel to " + where + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a command on " + where, e);
        } finally {
            channel.disconnect();
        }
    }

    private static boolean drain(InputStream in, ByteArrayOutputStream to, byte[] buffer) throws IOException {
        boolean read = false;
        while (in.available() > 0) {
            int n = in.read(buffer, 0, Math.min(buffer.length, in.available()));
            if (n <= 0) {
                break;
            }
            to.write(buffer, 0, n);
            read = true;
        }
        return read;
    }

    /**
     * A short command that must succeed.
     *
     * @param what what it does, for the message: "create the folder .envclone/R1"
     * @param left the state the target is in when it fails
     * @throws CloneFailedException when it fails or exits non-zero, with its output
     */
    Result mustRun(String command, byte[] input, String what, String left) throws CloneFailedException {
        try {
            Result result = run(command, input);
            if (result.exitCode() != 0) {
                throw new CloneFailedException("Could not " + what + " on " + where + " (exit code "
                        + result.exitCode() + "): " + result.output().strip(), left);
            }
            return result;
        } catch (IOException e) {
            throw new CloneFailedException("Could not " + what + " on " + where + ": " + e.getMessage(), left, false,
                    e);
        }
    }

    /** An exec channel for {@code command}, not yet connected, so that the caller takes its streams first. */
    ChannelExec start(String command) throws IOException {
        try {
            ChannelExec channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command);
            channel.setPty(false);
            LOG.debug("SSH {} runs: {}", where, command);
            return channel;
        } catch (JSchException e) {
            throw new IOException("cannot open an SSH channel to " + where + ": " + e.getMessage(), e);
        }
    }

    boolean isOpen() {
        return session.isConnected();
    }

    @Override
    public void close() {
        session.disconnect();
        LOG.info("SSH session to {} closed", where);
    }

    /** A short command's end: its exit code and what it printed, standard output and error together. */
    record Result(int exitCode, byte[] bytes) {
        String output() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
