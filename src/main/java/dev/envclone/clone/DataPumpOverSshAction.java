package dev.envclone.clone;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import dev.envclone.db.CancelToken;
import dev.envclone.procedure.MigrationPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One expdp or impdp run on the database host: the parameter file uploaded into the run's owner-only folder, the
 * tool started with {@code PARFILE=} only, the user and password sent on its standard input, its output streamed
 * line by line, and the verdict from its exit code and log ({@link DataPumpLog}: 0, or 5 with only ORA-31684, is
 * done; any other ORA-/UDE-/UDI- line, or exit 1, fails).
 *
 * <p>Credentials. With no user on the command line or in the parameter file, expdp and impdp prompt
 * {@code Username:} and then {@code Password:} (Oracle Database Utilities, "USERID": "If you omit the password,
 * then Export will prompt you for it"; the {@code Username:} prompt of a bare {@code expdp} is shown in Oracle's
 * examples and in transcripts), and read the answers from standard input. envclone sends both lines at once and
 * closes the input, so that a refused login ends at once (ORA-01017, then end of input) instead of waiting at a
 * second prompt. That a real expdp reads the password from a pipe rather than a terminal is Oracle behaviour
 * envclone's tests cannot reproduce (no Oracle here): they prove it against a stand-in that reads the same two
 * lines.
 *
 * <p>Cancel ends the client process (TERM to its process id, from a second channel). A Data Pump job runs in the
 * database and outlives its client (Oracle: EXIT_CLIENT "leaves the current job running"), so the message says how
 * to stop the job itself: {@code ATTACH=owner.job}, then KILL_JOB (export; Oracle: "the master table and dump files
 * are deleted") or STOP_JOB=IMMEDIATE (import, which keeps the dump file).
 */
final class DataPumpOverSshAction implements CloneAction {
    private static final Logger LOG = LoggerFactory.getLogger(DataPumpOverSshAction.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** How long a client that was sent TERM may take to end before envclone stops waiting for it. */
    private static final long KILL_WAIT_MS = 15_000;
    private static final int CHANNEL_TIMEOUT_MS = 20_000;

    /** The two Data Pump steps. */
    enum Tool {
        EXPORT("export-schemas", "expdp", "exported", "EXP", "Export", "KILL_JOB"),
        IMPORT("import-schemas", "impdp", "imported", "IMP", "Import", "STOP_JOB=IMMEDIATE");

        final String step;
        final String command;
        final String verb;
        final String jobPrefix;
        final String prompt;
        final String stop;

        Tool(String step, String command, String verb, String jobPrefix, String prompt, String stop) {
            this.step = step;
            this.command = command;
            this.verb = verb;
            this.jobPrefix = jobPrefix;
            this.prompt = prompt;
            this.stop = stop;
        }
    }

    private final DataPumpOverSsh route;
    private final Tool tool;
    private final RemoteDataPumpCommands commands;
    private final DataPumpLogin login;
    private final String job;

    DataPumpOverSshAction(DataPumpOverSsh route, Tool tool) {
        this.route = route;
        this.tool = tool;
        this.commands = new RemoteDataPumpCommands(route.settings().run(), tool.command);
        this.login = tool == Tool.EXPORT ? route.settings().exportLogin() : route.settings().importLogin();
        this.job = "ENVCLONE_" + tool.jobPrefix + "_" + route.settings().run().toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String stepId() {
        return tool.step;
    }

    @Override
    public String describe() {
        String database = login.connectIdentifier() == null ? "the host's default database"
                : login.connectIdentifier();
        return tool.command + " on " + route.settings().ssh().host() + " as " + login.user() + " on " + database
                + " (job " + login.owner() + "." + job + "), with " + tool.command + ".par";
    }

    /** The parameter file: the plan's, plus the job's name, so that it can be attached to after a cancel. */
    String parameterFile() {
        MigrationPlan plan = route.plan();
        String text = tool == Tool.EXPORT ? DataPumpParameterFiles.export(plan)
                : DataPumpParameterFiles.importParameters(plan);
        return text + "# envclone over SSH: the job's name, to attach to it (ATTACH) after a cancel or a crash.\n"
                + "JOB_NAME=" + job + "\n";
    }

    @Override
    public void check(CancelToken cancel) throws CloneFailedException, CancelToken.CancelledException {
        cancel.check();
        SshConnection ssh = route.connection();
        SshConnection.Result found;
        try {
            found = ssh.run(commands.findTool(), new byte[0]);
        } catch (IOException e) {
            throw new CloneFailedException("Could not look for " + tool.command + " on " + ssh.where() + ": "
                    + e.getMessage(), "nothing was changed", false, e);
        }
        if (found.exitCode() != 0) {
            throw new CloneFailedException(tool.command + " is not on the PATH of a non-interactive SSH session of "
                    + ssh.where() + ": set ORACLE_HOME and PATH for such sessions (e.g. in the account's ~/.bashrc, "
                    + "which a session without a terminal reads, unlike ~/.bash_profile), or run this step by "
                    + "hand.", "nothing was changed");
        }
        LOG.info("{} found on {}: {}", tool.command, ssh.where(), found.output().strip());
    }

    @Override
    public Map<String, String> run(Started started, CloneListener listener, CancelToken cancel)
            throws CloneFailedException, IOException {
        if (cancel.isCancelled()) {
            throw new CloneFailedException("Cancelled before " + tool.command + " started.", "nothing was changed",
                    true, null);
        }
        SshConnection ssh = route.connection();
        char[] password = route.passwords().password("Oracle user " + login + " (" + tool.command + " on "
                + route.settings().ssh().host() + ")", "ENVCLONE_DATAPUMP_PASSWORD").toCharArray();
        byte[] answers = null;
        try {
            answers = answers(password);
            shortCommand(ssh, commands.makeFolder(), new byte[0], "create the folder " + commands.folder());
            shortCommand(ssh, commands.upload(), parameterFile().getBytes(StandardCharsets.UTF_8),
                    "upload " + tool.command + ".par");
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("route", "ssh");
            facts.put("host", ssh.where());
            facts.put("folder", commands.folder());
            facts.put("job", login.owner() + "." + job);
            facts.put("started", Instant.now().toString());
            started.started(facts);
            if (cancel.isCancelled()) {
                throw new CloneFailedException("Cancelled before " + tool.command + " started.", "the database is "
                        + "unchanged: only the parameter file was written, in " + commands.folder(), true, null);
            }
            DataPumpLog log = new DataPumpLog();
            int expected = tool == Tool.EXPORT ? route.settings().expectedTables() : route.expectedTables();
            DataPumpOutput output = new DataPumpOutput(listener, log, tool.verb, expected, password);
            DataPumpOutput notices = new DataPumpOutput(listener, log, tool.verb, 0, password);
            int exit = stream(ssh, answers, output, notices, cancel);
            String refusal = log.refusal(exit);
            if (cancel.isCancelled() && refusal == null) {
                LOG.info("{} on {} finished before the cancel reached it; the step is done", tool.command,
                        ssh.where());
            } else if (cancel.isCancelled()) {
                throw new CloneFailedException(tool.command + " was cancelled: envclone ended the " + tool.command
                        + " client on " + ssh.where() + ".", left(true), true, null);
            }
            if (exit < 0) {
                // JSch reports -1 when the channel closed without an exit status: the connection ended, not the tool.
                throw new CloneFailedException("The SSH connection to " + ssh.where() + " ended before "
                        + tool.command + " did. The tool does not depend on it: it runs on, on the host, and keeps its "
                        + "output and exit code in " + commands.folder() + ". Resume the run: envclone then reads "
                        + "its result there (or waits while it still runs).", left(false));
            }
            if (refusal != null) {
                throw new CloneFailedException(refusal + " (" + tool.command + " on " + ssh.where() + " ended with "
                        + "exit code " + exit + "; its output is kept in " + commands.folder() + "/" + tool.command
                        + ".out)", left(false));
            }
            if (tool == Tool.EXPORT) {
                route.exported(output.tables());
            }
            Map<String, String> result = new LinkedHashMap<>(facts);
            result.put("exitCode", Integer.toString(exit));
            result.put("tables", Integer.toString(output.tables()));
            result.put("expectedErrors", Integer.toString(log.expectedErrors().size()));
            LOG.info("{} on {} done: exit code {}, {} tables {}, {} expected error(s)", tool.command, ssh.where(), exit,
                    output.tables(), tool.verb, log.expectedErrors().size());
            return result;
        } finally {
            Arrays.fill(password, '\0');
            if (answers != null) {
                Arrays.fill(answers, (byte) 0);
            }
        }
    }

    /** The two lines the tool reads: its {@code Username:} answer and its {@code Password:} answer. */
    private byte[] answers(char[] password) throws CloneFailedException {
        for (char c : password) {
            if (c == '\n' || c == '\r') {
                throw new CloneFailedException("The password of " + login + " contains a line break, which "
                        + tool.command + "'s prompt would cut: change it, or run this step by hand.",
                        "nothing was changed");
            }
        }
        byte[] user = (login.promptAnswer() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] secret = SshConnection.bytes(password);
        byte[] out = new byte[user.length + secret.length + 1];
        System.arraycopy(user, 0, out, 0, user.length);
        System.arraycopy(secret, 0, out, user.length, secret.length);
        out[out.length - 1] = '\n';
        Arrays.fill(secret, (byte) 0);
        return out;
    }

    /** Runs the tool to its end (or to the end of a cancel) and returns its exit code. */
    private int stream(SshConnection ssh, byte[] answers, DataPumpOutput output, DataPumpOutput notices,
                       CancelToken cancel) throws IOException {
        ChannelExec channel = ssh.start(commands.run());
        Thread worker = Thread.currentThread();
        try (CancelToken.Registration wake = cancel.onCancel(() -> LockSupport.unpark(worker))) {
            InputStream out = channel.getInputStream();
            InputStream err = channel.getErrStream();
            channel.connect(CHANNEL_TIMEOUT_MS);
            try (OutputStream in = channel.getOutputStream()) {
                in.write(answers);
            }
            LOG.info("{} started on {} in {}", tool.command, ssh.where(), commands.folder());
            byte[] buffer = new byte[8192];
            long killedAt = 0;
            while (true) {
                // Closed is read before the streams: what arrived before the close is then read to its end.
                boolean closed = channel.isClosed();
                boolean read = pump(out, output, buffer) | pump(err, notices, buffer);
                if (!read && closed) {
                    break;
                }
                if (cancel.isCancelled() && killedAt == 0 && kill(ssh)) {
                    killedAt = System.currentTimeMillis();
                }
                if (killedAt != 0 && System.currentTimeMillis() - killedAt > KILL_WAIT_MS) {
                    LOG.warn("{} on {} did not end within {} s of TERM; envclone stops waiting", tool.command,
                            ssh.where(), KILL_WAIT_MS / 1000);
                    break;
                }
                if (!read) {
                    LockSupport.parkNanos(POLL_NANOS);
                }
            }
            notices.finish();
            if (killedAt == 0 || channel.isClosed()) {
                rest(ssh, output);
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
    private void rest(SshConnection ssh, DataPumpOutput output) {
        try {
            SshConnection.Result rest = ssh.run(commands.rest(output.bytes()), new byte[0]);
            byte[] bytes = rest.bytes();
            if (rest.exitCode() == 0 && bytes.length > 0) {
                LOG.debug("{} bytes of {}'s output read after tail -f ended", bytes.length, tool.command);
                output.accept(bytes, bytes.length);
            }
        } catch (IOException e) {
            // The verdict then rests on what arrived; a missing final line refuses the step, never passes it.
            LOG.warn("Could not read the end of {}'s output on {}: {}", tool.command, ssh.where(), e.getMessage());
        }
    }

    private static boolean pump(InputStream in, DataPumpOutput output, byte[] buffer) throws IOException {
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

    /** TERM to the client; false while it has not written its process id yet (then the next poll tries again). */
    private boolean kill(SshConnection ssh) {
        try {
            SshConnection.Result result = ssh.run(commands.kill(), new byte[0]);
            LOG.info("Cancel: TERM to {} on {} (exit code {})", tool.command, ssh.where(), result.exitCode());
            return result.exitCode() == 0;
        } catch (IOException e) {
            LOG.warn("Cancel: could not send TERM to {} on {}: {}", tool.command, ssh.where(), e.getMessage());
            return false;
        }
    }

    /** What a failed or cancelled run leaves, and how to stop the Data Pump job that may outlive its client. */
    private String left(boolean cancelled) {
        String host = route.settings().ssh().host();
        String stop = "the Data Pump job " + login.owner() + "." + job + " may still exist in the database"
                + (cancelled ? " and keep running without its client" : "") + ": see it with SELECT job_name, state "
                + "FROM dba_datapump_jobs WHERE job_name = '" + job + "'; stop it on " + host + " with "
                + tool.command + " ATTACH=" + login.owner() + "." + job + " (log in as " + login.user() + "), then "
                + tool.stop + " at the " + tool.prompt + "> prompt, before the step runs again (the job name is "
                + "taken until then)";
        return switch (tool) {
            case EXPORT -> "the source is unchanged (an export only reads it); " + stop + "; a partial dump file may "
                    + "remain in the DIRECTORY " + route.plan().oracle().dataPump().directory();
            case IMPORT -> "the target schemas may be partly imported: drop and re-create them (create-users.sql) "
                    + "before importing again; " + stop;
        };
    }

    @Override
    public Recovery recover(Map<String, String> started) throws CloneFailedException, IOException {
        String folder = started.get("folder");
        if (folder != null && !folder.equals(commands.folder())) {
            throw new CloneFailedException("The step was started in " + folder + " on the host, but this run is set "
                    + "up for " + commands.folder() + ": resume with the same run name.", "unknown: not read");
        }
        SshConnection ssh = route.connection();
        SshConnection.Result status = ssh.run(commands.status(), new byte[0]);
        DataPumpLog log = new DataPumpLog();
        Integer exit = null;
        String running = null;
        int lines = 0;
        for (String line : status.output().split("\n", -1)) {
            if (line.equals("envclone-started: no")) {
                return new Recovery(false, tool.command + " never started on " + ssh.where() + " (no process id in "
                        + commands.folder() + "): the database is unchanged; the step runs again.");
            } else if (line.startsWith("envclone-exit: ")) {
                exit = parse(line.substring("envclone-exit: ".length()).strip());
            } else if (line.startsWith("envclone-running: ")) {
                running = line.substring("envclone-running: ".length()).strip();
            } else {
                log.accept(line);
                lines++;
            }
        }
        String where = tool.command + " on " + ssh.where() + " (job " + login.owner() + "." + job + ")";
        if (running != null) {
            throw new CloneFailedException(where + " still runs as process " + running + ": wait for it to end, "
                    + "then resume, and envclone reads its result; envclone does not start a second one.",
                    "the job is still under way");
        }
        String refusal = log.refusal(exit);
        String seen = lines + " line(s) of its output kept in " + commands.folder() + "/" + tool.command + ".out";
        if (refusal == null) {
            return new Recovery(true, where + " ended " + (exit == null ? "without envclone (its exit code was not "
                    + "recorded)" : "with exit code " + exit) + " and its log shows the job completed with no "
                    + "unexpected error (" + seen + "): the step is done.");
        }
        return new Recovery(false, where + (exit == null ? " ended with envclone's connection, before its exit code "
                + "was recorded; " : " ended with exit code " + exit + "; ") + refusal + " (" + seen + "). "
                + left(exit == null) + ". The step runs again after that.");
    }

    private static Integer parse(String code) {
        try {
            return Integer.valueOf(code);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A short command that must succeed; its output is shown when it does not. */
    private SshConnection.Result shortCommand(SshConnection ssh, String command, byte[] input, String what)
            throws CloneFailedException {
        try {
            SshConnection.Result result = ssh.run(command, input);
            if (result.exitCode() != 0) {
                throw new CloneFailedException("Could not " + what + " on " + ssh.where() + " (exit code "
                        + result.exitCode() + "): " + result.output().strip(), "nothing of " + tool.command
                        + " has run: the database is unchanged");
            }
            return result;
        } catch (IOException e) {
            throw new CloneFailedException("Could not " + what + " on " + ssh.where() + ": " + e.getMessage(),
                    "nothing of " + tool.command + " has run: the database is unchanged", false, e);
        }
    }
}
