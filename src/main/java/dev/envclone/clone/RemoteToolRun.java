package dev.envclone.clone;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import dev.envclone.db.CancelToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a tool on the host through {@link RemoteToolCommands#run()}: the answers to its prompts written to its
 * standard input and the input closed (so that a refused login ends at once instead of waiting at a second
 * prompt), its output read as it comes, and Cancel carried to it.
 *
 * <p>The reading loop polls the channel (20 ms) rather than blocking in a read. Then Cancel, which only wakes the
 * loop ({@link CancelToken#onCancel}), never does network work on the operator's thread: the loop itself sends
 * {@code kill -TERM} on a second channel, again until the tool has written its process id, and waits up to 15 s for
 * it to end. The SSH {@code signal} request is not used (a server need not honour it), and closing the channel ends
 * no process that has no terminal.
 */
final class RemoteToolRun {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteToolRun.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long KILL_WAIT_MS = 15_000;
    private static final int CHANNEL_TIMEOUT_MS = 20_000;

    private final SshConnection ssh;
    private final RemoteToolCommands commands;
    private final String tool;

    RemoteToolRun(SshConnection ssh, RemoteToolCommands commands, String tool) {
        this.ssh = ssh;
        this.commands = commands;
        this.tool = tool;
    }

    /**
     * The lines a tool reads at its prompts, each ended by a line break, as bytes to wipe after use.
     *
     * @throws CloneFailedException when an answer holds a line break, which would cut it in two
     */
    static byte[] answers(List<char[]> lines, String tool) throws CloneFailedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char[] line : lines) {
            for (char c : line) {
                if (c == '\n' || c == '\r') {
                    throw new CloneFailedException("A password or name for " + tool + " contains a line break, which "
                            + "its prompt would cut: change it, or run this step by hand.", "nothing was changed");
                }
            }
            byte[] bytes = SshConnection.bytes(line);
            out.writeBytes(bytes);
            Arrays.fill(bytes, (byte) 0);
            out.write('\n');
        }
        return out.toByteArray();
    }

    /**
     * Runs the tool to its end, or to the end of a cancel.
     *
     * @param output takes the tool's output (the file {@code tail -f} streams, then the rest of it by offset)
     * @param notices takes what the wrapper says on standard error (the tool's process id)
     * @return the tool's exit code; -1 when the channel closed without one (the connection ended)
     */
    int run(byte[] answers, ToolOutput output, ToolOutput notices, CancelToken cancel) throws IOException {
        ChannelExec channel = ssh.start(commands.run());
        Thread worker = Thread.currentThread();
        try (CancelToken.Registration wake = cancel.onCancel(() -> LockSupport.unpark(worker))) {
            InputStream out = channel.getInputStream();
            InputStream err = channel.getErrStream();
            channel.connect(CHANNEL_TIMEOUT_MS);
            try (OutputStream in = channel.getOutputStream()) {
                in.write(answers);
            }
            LOG.info("{} started on {} in {}", tool, ssh.where(), commands.folder());
            byte[] buffer = new byte[8192];
            long killedAt = 0;
            while (true) {
                // Closed is read before the streams: what arrived before the close is then read to its end.
                boolean closed = channel.isClosed();
                boolean read = pump(out, output, buffer) | pump(err, notices, buffer);
                if (!read && closed) {
                    break;
                }
                if (cancel.isCancelled() && killedAt == 0 && kill()) {
                    killedAt = System.currentTimeMillis();
                }
                if (killedAt != 0 && System.currentTimeMillis() - killedAt > KILL_WAIT_MS) {
                    LOG.warn("{} on {} did not end within {} s of TERM; envclone stops waiting", tool, ssh.where(),
                            KILL_WAIT_MS / 1000);
                    break;
                }
                if (!read) {
                    LockSupport.parkNanos(POLL_NANOS);
                }
            }
            notices.finish();
            if (channel.isClosed()) {
                rest(output);
            }
            output.finish();
            return channel.getExitStatus();
        } catch (JSchException e) {
            throw new IOException("the SSH channel to " + ssh.where() + " failed: " + e.getMessage(), e);
        } finally {
            channel.disconnect();
        }
    }

    /** What {@code tail -f} had not sent when the wrapper ended it, read from the output file by offset. */
    private void rest(ToolOutput output) {
        if (!ssh.isOpen()) {
            return;
        }
        try {
            SshConnection.Result rest = ssh.run(commands.rest(output.bytes()), new byte[0]);
            if (rest.exitCode() == 0 && rest.bytes().length > 0) {
                LOG.debug("{} bytes of {}'s output read after tail -f ended", rest.bytes().length, tool);
                output.accept(rest.bytes(), rest.bytes().length);
            }
        } catch (IOException e) {
            // The verdict then rests on what arrived; a missing final line refuses the step, never passes it.
            LOG.warn("Could not read the end of {}'s output on {}: {}", tool, ssh.where(), e.getMessage());
        }
    }

    private static boolean pump(InputStream in, ToolOutput output, byte[] buffer) throws IOException {
        boolean read = false;
        while (in.available() > 0) {
            int n = in.read(buffer, 0, Math.min(buffer.length, in.available()));
            if (n <= 0) {
                break;
            }
            output.accept(buffer, n);
            read = true;
        }
        return read;
    }

    /** TERM to the tool; false while it has not written its process id yet (then the next poll tries again). */
    private boolean kill() {
        try {
            SshConnection.Result result = ssh.run(commands.kill(), new byte[0]);
            LOG.info("Cancel: TERM to {} on {} (exit code {})", tool, ssh.where(), result.exitCode());
            return result.exitCode() == 0;
        } catch (IOException e) {
            LOG.warn("Cancel: could not send TERM to {} on {}: {}", tool, ssh.where(), e.getMessage());
            return false;
        }
    }
}
