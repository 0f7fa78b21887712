package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import dev.envclone.procedure.MigrationPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The two Data Pump steps. */
    enum Tool {
        EXPORT("export-schemas", "expdp", "exported", "EXP", "Export", "KILL_JOB", "ENVCLONE_EXPORT_PASSWORD"),
        IMPORT("import-schemas", "impdp", "imported", "IMP", "Import", "STOP_JOB=IMMEDIATE",
                "ENVCLONE_IMPORT_PASSWORD");

        final String step;
        final String command;
        final String verb;
        final String jobPrefix;
        final String prompt;
        final String stop;
        final String passwordVariable;

        Tool(String step, String command, String verb, String jobPrefix, String prompt, String stop,
             String passwordVariable) {
            this.step = step;
            this.command = command;
            this.verb = verb;
            this.jobPrefix = jobPrefix;
            this.prompt = prompt;
            this.stop = stop;
            this.passwordVariable = passwordVariable;
        }
    }

    private final DataPumpOverSsh route;
    private final Tool tool;
    private final RemoteToolCommands commands;
    private final DataPumpLogin login;
    private final String job;

    DataPumpOverSshAction(DataPumpOverSsh route, Tool tool) {
        this.route = route;
        this.tool = tool;
        this.commands = new RemoteToolCommands(route.settings().run(), tool.command);
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
                + route.settings().ssh().host() + ")", tool.passwordVariable).toCharArray();
        byte[] answers = null;
        try {
            answers = RemoteToolRun.answers(List.of(login.promptAnswer().toCharArray(), password), tool.command);
            String untouched = "nothing of " + tool.command + " has run: the database is unchanged";
            ssh.mustRun(commands.makeFolder(), new byte[0], "create the folder " + commands.folder(), untouched);
            ssh.mustRun(commands.upload(), parameterFile().getBytes(StandardCharsets.UTF_8),
                    "upload " + commands.input(), untouched);
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
            DataPumpProgress progress = new DataPumpProgress(listener, log, tool.verb, expected);
            ToolOutput output = new ToolOutput(progress, List.of(password));
            ToolOutput notices = new ToolOutput(listener::logLine, List.of(password));
            int exit = new RemoteToolRun(ssh, commands, tool.command).run(answers, output, notices, cancel);
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
                route.exported(progress.tables());
            }
            Map<String, String> result = new LinkedHashMap<>(facts);
            result.put("exitCode", Integer.toString(exit));
            result.put("tables", Integer.toString(progress.tables()));
            result.put("expectedErrors", Integer.toString(log.expectedErrors().size()));
            LOG.info("{} on {} done: exit code {}, {} tables {}, {} expected error(s)", tool.command, ssh.where(), exit,
                    progress.tables(), tool.verb, log.expectedErrors().size());
            return result;
        } finally {
            Arrays.fill(password, '\0');
            if (answers != null) {
                Arrays.fill(answers, (byte) 0);
            }
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
        return new Recovery(false, where + (exit == null ? " ended without recording its exit code (its wrapper was "
                + "ended too: the host restarted, or someone killed it); " : " ended with exit code " + exit + "; ") + refusal + " (" + seen + "). "
                + left(exit == null) + ". The step runs again after that.");
    }

    private static Integer parse(String code) {
        try {
            return Integer.valueOf(code);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
