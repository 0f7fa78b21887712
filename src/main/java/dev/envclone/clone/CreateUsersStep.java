package dev.envclone.clone;

import dev.envclone.clone.OracleCreationScript.CreationStatement;
import dev.envclone.db.CancelToken;
import dev.envclone.db.Secret;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * create-users through the target's JDBC session: the statements of create-users.sql ({@link
 * OracleCreationScript#statements}), in order, stopping at the first failure as the file's WHENEVER SQLERROR does.
 * Each user's password is asked for ({@link Passwords}) before the first statement and goes into its CREATE USER
 * only in the text handed to the driver: IDENTIFIED BY takes no bind, so it is a quoted identifier there, and a
 * password holding a double quote is refused. What is shown, logged and journaled is the statement with its
 * placeholder ({@code "&pw1"}).
 */
final class CreateUsersStep implements CloneAction {
    private static final Logger LOG = LoggerFactory.getLogger(CreateUsersStep.class);
    private static final Dialect ORACLE = Dialect.of(Dbms.ORACLE);

    private final MigrationPlan plan;
    private final TargetSession target;
    private final Passwords passwords;

    CreateUsersStep(MigrationPlan plan, TargetSession target, Passwords passwords) {
        this.plan = plan;
        this.target = target;
        this.passwords = passwords;
    }

    @Override
    public String stepId() {
        return "create-users";
    }

    @Override
    public String describe() {
        return "Create the tablespaces " + String.join(", ", tablespaces()) + " and the users "
                + String.join(", ", plan.users().distinct()) + " on the target (create-users.sql through JDBC)";
    }

    @Override
    public void check(CancelToken cancel) throws CloneFailedException, CancelToken.CancelledException {
        try {
            DataPumpPrivileges.check(target.connection(), cancel, DataPumpPrivileges.Need.CREATE_USERS, "target",
                    null);
        } catch (SQLException e) {
            throw new CloneFailedException("Could not check the target database before create-users: "
                    + e.getMessage(), "nothing was changed", false, e);
        }
    }

    @Override
    public Map<String, String> run(Started started, CloneListener listener, CancelToken cancel)
            throws CloneFailedException, IOException {
        List<CreationStatement> statements = OracleCreationScript.statements(plan);
        Map<String, String> quoted = new LinkedHashMap<>();
        for (String user : plan.users().distinct()) {
            quoted.put(user, quotedPassword(user, passwords.password("Oracle user " + user + " (created by "
                    + "create-users)", variable(user))));
        }
        started.started(Map.of("statements", String.valueOf(statements.size()),
                "users", String.join(",", plan.users().distinct())));
        try (Statement statement = target.connection().createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                CreationStatement s = statements.get(i);
                try {
                    cancel.check();
                } catch (CancelToken.CancelledException e) {
                    throw new CloneFailedException("Cancelled before statement " + (i + 1) + " of "
                            + statements.size() + " of create-users.", ranSoFar(statements, i), true, e);
                }
                listener.progress("Creating the tablespaces and users", i, statements.size());
                listener.logLine(s.text());
                String sql = s.user() == null ? s.text() : s.withPassword(quoted.get(s.user()));
                cancel.running(statement);
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    String message = hide(e.getMessage(), quoted.values());
                    LOG.warn("create-users statement {} of {} failed: {}", i + 1, statements.size(), message);
                    throw new CloneFailedException("create-users stopped at statement " + (i + 1) + " of "
                            + statements.size() + " (" + firstLine(s.text()) + "): " + message,
                            ranSoFar(statements, i), cancel.isCancelled(), null);
                } finally {
                    cancel.running(null);
                }
            }
        } catch (SQLException e) {
            throw new CloneFailedException("create-users could not use the target session: "
                    + hide(e.getMessage(), quoted.values()), "nothing was changed", false, null);
        }
        listener.progress("Created the tablespaces and users", statements.size(), statements.size());
        LOG.info("create-users ran its {} statements", statements.size());
        return Map.of("statements", String.valueOf(statements.size()));
    }

    /**
     * Reads which of the plan's tablespaces and users exist. Done only when every user exists with CREATE SESSION:
     * each user's GRANT follows its CREATE USER, and the tablespaces come before both.
     */
    @Override
    public Recovery recover(Map<String, String> started) throws CloneFailedException, IOException {
        try {
            Set<String> users = names(usersQuery(plan), target);
            Set<String> granted = names(grantsQuery(plan), target);
            Set<String> spaces = names(tablespacesQuery(plan), target);
            if (granted.containsAll(plan.users().distinct())) {
                return new Recovery(true, "Every user of the plan exists with CREATE SESSION: create-users had "
                        + "finished.");
            }
            if (users.isEmpty() && spaces.isEmpty()) {
                return new Recovery(false, "None of the plan's tablespaces and users exists: create-users runs "
                        + "again from its start.");
            }
            return new Recovery(false, "create-users stopped half way: tablespaces " + listed(spaces)
                    + " and users " + listed(users) + " exist" + (granted.isEmpty() ? "" : " (with CREATE SESSION: "
                    + listed(granted) + ")") + ". Running it again stops at the first of them: drop them (DROP USER "
                    + "... CASCADE, DROP TABLESPACE ... INCLUDING CONTENTS AND DATAFILES) or create the rest by "
                    + "hand.");
        } catch (SQLException e) {
            throw new CloneFailedException("Could not read the target's users and tablespaces: " + e.getMessage(),
                    "unknown: look at DBA_USERS and DBA_TABLESPACES", false, e);
        }
    }

    /** The environment variable the command line reads a user's password from. */
    static String variable(String user) {
        return "ENVCLONE_PASSWORD_" + user.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    /**
     * The password as IDENTIFIED BY takes it: a quoted identifier, which holds anything but a double quote (and no
     * control character would survive the terminal anyway).
     *
     * @throws CloneFailedException naming the user, never showing the password
     */
    static String quotedPassword(String user, Secret password) throws CloneFailedException {
        char[] chars = password == null ? new char[0] : password.toCharArray();
        try {
            if (chars.length == 0) {
                throw new CloneFailedException("No password was given for Oracle user " + user + ": set "
                        + variable(user) + " or fill the field. Nothing was changed.", "nothing was changed");
            }
            for (char c : chars) {
                if (c == '"') {
                    throw new CloneFailedException("The password for Oracle user " + user + " holds a double "
                            + "quote (\"): IDENTIFIED BY takes the password as a quoted identifier, which cannot "
                            + "hold one. Choose a password without it. Nothing was changed.", "nothing was changed");
                }
                if (Character.isISOControl(c)) {
                    throw new CloneFailedException("The password for Oracle user " + user + " holds a control "
                            + "character (a line break or tab): choose one without. Nothing was changed.",
                            "nothing was changed");
                }
            }
            return "\"" + new String(chars) + "\"";
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }

    static String usersQuery(MigrationPlan plan) {
        return "SELECT username FROM dba_users WHERE username IN (" + literals(plan.users().distinct()) + ")";
    }

    static String grantsQuery(MigrationPlan plan) {
        return "SELECT grantee FROM dba_sys_privs WHERE privilege = 'CREATE SESSION' AND grantee IN ("
                + literals(plan.users().distinct()) + ")";
    }

    static String tablespacesQuery(MigrationPlan plan) {
        return "SELECT tablespace_name FROM dba_tablespaces WHERE tablespace_name IN ("
                + literals(List.copyOf(tablespaces(plan))) + ")";
    }

    private Set<String> tablespaces() {
        return tablespaces(plan);
    }

    private static Set<String> tablespaces(MigrationPlan plan) {
        return new LinkedHashSet<>(plan.oracle().tablespaces().all());
    }

    private static String literals(List<String> names) {
        return String.join(", ", names.stream().map(ORACLE::literal).toList());
    }

    private static Set<String> names(String sql, TargetSession session) throws SQLException {
        try (PreparedStatement statement = session.connection().prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            return DataPumpPrivileges.names(rows);
        }
    }

    private static String ranSoFar(List<CreationStatement> statements, int ran) {
        if (ran == 0) {
            return "nothing was changed";
        }
        List<String> done = new ArrayList<>();
        for (int i = 0; i < ran; i++) {
            done.add(firstLine(statements.get(i).text()));
        }
        return "statements 1 to " + ran + " ran and stay (DDL commits itself): " + String.join("; ", done);
    }

    private static String firstLine(String text) {
        int end = text.indexOf(" IDENTIFIED BY ");
        String head = end < 0 ? text : text.substring(0, end);
        int line = head.indexOf('\n');
        return line < 0 ? head : head.substring(0, line) + " ...";
    }

    private static String listed(Set<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    /** A driver's message could quote the statement: the password never reaches a message. */
    static String hide(String message, Iterable<String> quotedPasswords) {
        String out = message == null ? "" : message;
        for (String quoted : quotedPasswords) {
            String bare = quoted.substring(1, quoted.length() - 1);
            if (!bare.isEmpty()) {
                out = out.replace(bare, "****");
            }
        }
        return out;
    }
}
