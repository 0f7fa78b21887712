package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * create-users.sql ({@link OracleCreationScript}) run in SQL*Plus on the database host, on the target database,
 * as the import's login, between the export and the import. The script is uploaded into the run's owner-only
 * folder. {@code sqlplus -L -S} gets everything on its standard input: the user at its {@code Enter user-name:}
 * prompt, the password, {@code @create-users.sql}, then the new users' passwords in the order of the script's
 * {@code ACCEPT … HIDE} prompts, then {@code EXIT}. A refused login ends SQL*Plus at once ({@code -L}: one
 * attempt). The script stops at its first error ({@code WHENEVER SQLERROR EXIT FAILURE}). Checked against the SQL*Plus
 * User's Guide ("If neither start nor logon are specified, SQL*Plus prompts for logon information"; {@code -L}
 * "Attempts to log on just once, instead of reprompting on error"; {@code -S} suppresses the banner, the prompts
 * and the echo). The verdict: exit code 0 and no ORA- or SP2- line. The progress counts SQL*Plus' feedback
 * ("Tablespace created.", "User created.", "Grant succeeded.") against the script's CREATE and GRANT statements.
 *
 * <p>That a real SQL*Plus reads its login and each ACCEPT answer from a pipe is Oracle behaviour that envclone's
 * tests cannot reproduce here (no Oracle). They prove the order and the channel against a stand-in; see
 * docs/decisions/0016.
 */
final class CreateUsersOverSshAction implements CloneAction {
    private static final Logger LOG = LoggerFactory.getLogger(CreateUsersOverSshAction.class);
    private static final Pattern ACCEPT = Pattern.compile("^ACCEPT pw\\d+ CHAR PROMPT 'Password for (.+): ' HIDE$",
            Pattern.MULTILINE);
    private static final Pattern ERROR = Pattern.compile("\\b((?:ORA|SP2)-\\d{4,5})\\b");

    private final DataPumpOverSsh route;
    private final RemoteToolCommands commands;
    private final DataPumpLogin login;

    CreateUsersOverSshAction(DataPumpOverSsh route) {
        this.route = route;
        this.commands = new RemoteToolCommands(route.settings().run(), RemoteToolCommands.SQLPLUS);
        this.login = route.settings().importLogin();
    }

    @Override
    public String stepId() {
        return "create-users";
    }

    @Override
    public String describe() {
        return "create-users.sql in SQL*Plus on " + route.settings().ssh().host() + " as " + login;
    }

    /** The users the script asks passwords for, in the order it asks. */
    List<String> users(String script) {
        List<String> users = new ArrayList<>();
        Matcher accept = ACCEPT.matcher(script);
        while (accept.find()) {
            users.add(accept.group(1));
        }
        return users;
    }

    @Override
    public void check(CancelToken cancel) throws CloneFailedException, CancelToken.CancelledException {
        cancel.check();
        SshConnection ssh = route.connection();
        try {
            if (ssh.run(commands.findTool(), new byte[0]).exitCode() != 0) {
                throw new CloneFailedException("sqlplus is not on the PATH of a non-interactive SSH session of "
                        + ssh.where() + ": set ORACLE_HOME and PATH for such sessions (e.g. in ~/.bashrc), or run "
                        + "create-users.sql by hand.", "nothing was changed");
            }
        } catch (IOException e) {
            throw new CloneFailedException("Could not look for sqlplus on " + ssh.where() + ": " + e.getMessage(),
                    "nothing was changed", false, e);
        }
    }

    @Override
    public Map<String, String> run(Started started, CloneListener listener, CancelToken cancel)
            throws CloneFailedException, IOException {
        if (cancel.isCancelled()) {
            throw new CloneFailedException("Cancelled before create-users.sql started.", "nothing was changed", true,
                    null);
        }
        String script = OracleCreationScript.render(route.plan());
        List<String> users = users(script);
        SshConnection ssh = route.connection();
        List<char[]> secrets = new ArrayList<>();
        byte[] answers = null;
        try {
            secrets.add(route.passwords().password("Oracle user " + login + " (create-users.sql on "
                    + route.settings().ssh().host() + ")", "ENVCLONE_IMPORT_PASSWORD").toCharArray());
            for (String user : users) {
                char[] password = route.passwords().password("Oracle user " + user + " (created by "
                        + "create-users.sql)", "ENVCLONE_PASSWORD_" + user.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_"))
                        .toCharArray();
                secrets.add(password);
                refuseQuote(password, user);
            }
            List<char[]> lines = new ArrayList<>();
            lines.add(login.promptAnswer().toCharArray());
            lines.add(secrets.get(0));
            lines.add(("@" + commands.input()).toCharArray());
            lines.addAll(secrets.subList(1, secrets.size()));
            lines.add("EXIT".toCharArray());
            answers = RemoteToolRun.answers(lines, "sqlplus");
            String untouched = "nothing of create-users.sql has run: the database is unchanged";
            ssh.mustRun(commands.makeFolder(), new byte[0], "create the folder " + commands.folder(), untouched);
            ssh.mustRun(commands.upload(), script.getBytes(StandardCharsets.UTF_8), "upload create-users.sql",
                    untouched);
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("route", "ssh");
            facts.put("host", ssh.where());
            facts.put("folder", commands.folder());
            facts.put("started", Instant.now().toString());
            started.started(facts);
            if (cancel.isCancelled()) {
                throw new CloneFailedException("Cancelled before create-users.sql started.", untouched, true, null);
            }
            List<String> errors = new ArrayList<>();
            int[] done = {0};
            int total = statements(script);
            ToolOutput output = new ToolOutput(line -> {
                listener.logLine(line);
                if (ERROR.matcher(line).find()) {
                    errors.add(line.strip());
                }
                if (line.endsWith(" created.") || line.endsWith(" succeeded.")) {
                    done[0]++;
                    listener.progress("create-users.sql: " + line.strip() + " (" + done[0] + " of " + total + ")",
                            done[0], Math.max(total, done[0]));
                }
            }, secrets);
            ToolOutput notices = new ToolOutput(listener::logLine, secrets);
            int exit = new RemoteToolRun(ssh, commands, "sqlplus").run(answers, output, notices, cancel);
            String refusal = refusal(exit, errors);
            if (cancel.isCancelled() && refusal != null) {
                throw new CloneFailedException("create-users.sql was cancelled: envclone ended sqlplus on "
                        + ssh.where() + ".", left(), true, null);
            }
            if (refusal != null) {
                throw new CloneFailedException(refusal + " (its output is kept in " + commands.folder()
                        + "/sqlplus.out)", left());
            }
            Map<String, String> result = new LinkedHashMap<>(facts);
            result.put("exitCode", Integer.toString(exit));
            result.put("statements", Integer.toString(done[0]));
            LOG.info("create-users.sql on {} done: {} statement(s)", ssh.where(), done[0]);
            return result;
        } finally {
            secrets.forEach(secret -> Arrays.fill(secret, '\0'));
            if (answers != null) {
                Arrays.fill(answers, (byte) 0);
            }
        }
    }

    /** A double quote would end the script's {@code IDENTIFIED BY "&pwN"} early. */
    private static void refuseQuote(char[] password, String user) throws CloneFailedException {
        for (char c : password) {
            if (c == '"') {
                throw new CloneFailedException("The password for " + user + " contains a double quote, which "
                        + "create-users.sql cannot take (IDENTIFIED BY \"…\"): choose another.", "nothing was changed");
            }
        }
    }

    /** The statements that make something: the progress's total. */
    private static int statements(String script) {
        int count = 0;
        for (String line : script.split("\n")) {
            if (line.startsWith("CREATE ") || line.startsWith("GRANT ")) {
                count++;
            }
        }
        return count;
    }

    private static String refusal(int exit, List<String> errors) {
        if (!errors.isEmpty()) {
            return "create-users.sql stopped at an error: " + errors.get(0);
        }
        if (exit < 0) {
            return "the SSH connection ended before sqlplus did; it runs on, on the host: resume the run and "
                    + "envclone reads its result there";
        }
        if (exit != 0) {
            return "sqlplus ended with exit code " + exit + " and no error line: read its whole output";
        }
        return null;
    }

    private String left() {
        return "what create-users.sql created before it stopped stays (tablespaces, users, grants; see the output): "
                + "the script creates and does not replace, so drop those, or finish by hand, before it runs again";
    }

    @Override
    public Recovery recover(Map<String, String> started) throws CloneFailedException, IOException {
        SshConnection ssh = route.connection();
        SshConnection.Result status = ssh.run(commands.status(), new byte[0]);
        Integer exit = null;
        List<String> errors = new ArrayList<>();
        boolean ended = false;
        for (String line : status.output().split("\n", -1)) {
            if (line.equals("envclone-started: no")) {
                return new Recovery(false, "sqlplus never started on " + ssh.where() + ": the database is unchanged; "
                        + "the step runs again.");
            } else if (line.startsWith("envclone-running: ")) {
                throw new CloneFailedException("create-users.sql still runs on " + ssh.where() + " as process "
                        + line.substring("envclone-running: ".length()) + ": wait for it to end, then resume.",
                        "the script is still under way");
            } else if (line.startsWith("envclone-exit: ")) {
                ended = true;
                try {
                    exit = Integer.valueOf(line.substring("envclone-exit: ".length()).strip());
                } catch (NumberFormatException e) {
                    exit = -1;
                }
            } else if (ERROR.matcher(line).find()) {
                errors.add(line.strip());
            }
        }
        String refusal = ended ? refusal(exit, errors) : "sqlplus ended without recording its exit code (its "
                + "wrapper was ended too: the host restarted, or someone killed it)";
        if (refusal == null) {
            return new Recovery(true, "create-users.sql ended on " + ssh.where() + " with exit code 0 and no error: "
                    + "the step is done.");
        }
        return new Recovery(false, refusal + ". " + left() + ".");
    }
}
