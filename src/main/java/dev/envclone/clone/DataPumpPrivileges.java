package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the session user needs before a step of the Data Pump route changes anything, read from the dictionary and
 * named when missing. SESSION_ROLES lists every role enabled in the session, also those granted through another
 * role (DBA holds DATAPUMP_EXP_FULL_DATABASE); USER_ROLE_PRIVS would show only direct grants. ALL_DIRECTORIES lists
 * the directories the user may use; ALL_TAB_PRIVS the object grants whose grantee is the user, PUBLIC or an enabled
 * role, and a DIRECTORY's grants are recorded there under owner SYS (Oracle Database Reference: SESSION_ROLES,
 * SESSION_PRIVS, ALL_DIRECTORIES, ALL_TAB_PRIVS; PL/SQL Packages and Types Reference, DBMS_DATAPUMP security model).
 */
final class DataPumpPrivileges {
    private static final Dialect ORACLE = Dialect.of(Dbms.ORACLE);

    static final String EXPORT_ROLE = "DATAPUMP_EXP_FULL_DATABASE";
    static final String IMPORT_ROLE = "DATAPUMP_IMP_FULL_DATABASE";

    /** Column ROLE. */
    static final String ROLES = "SELECT role FROM session_roles WHERE role IN ('" + EXPORT_ROLE + "', '"
            + IMPORT_ROLE + "')";
    /** Column DIRECTORY_NAME. Bind: 1 the directory name. */
    static final String DIRECTORY = "SELECT directory_name FROM all_directories WHERE directory_name = ?";
    /** Column PRIVILEGE. Bind: 1 the directory name. */
    static final String DIRECTORY_PRIVILEGES = "SELECT DISTINCT privilege FROM all_tab_privs WHERE table_schema = "
            + "'SYS' AND table_name = ? AND privilege IN ('READ', 'WRITE') AND (grantee = USER OR grantee = 'PUBLIC' "
            + "OR grantee IN (SELECT role FROM session_roles))";
    /** Column PRIVILEGE. */
    static final String SYSTEM_PRIVILEGES = "SELECT privilege FROM session_privs WHERE privilege IN ('CREATE "
            + "TABLESPACE', 'CREATE USER', 'GRANT ANY PRIVILEGE', 'GRANT ANY OBJECT PRIVILEGE')";

    /** What a step needs. */
    enum Need {
        /** The export of other users' schemas, its dump and log files in the DIRECTORY. */
        EXPORT(List.of(EXPORT_ROLE), true, List.of()),
        /** The import into other users' schemas, reading the dump and writing the log in the DIRECTORY. */
        IMPORT(List.of(IMPORT_ROLE), true, List.of()),
        /** create-users: tablespaces, users and the system privileges it grants them. */
        CREATE_USERS(List.of(), false, List.of("CREATE TABLESPACE", "CREATE USER", "GRANT ANY PRIVILEGE")),
        /** revoke-original-privileges: revoking what the original schemas' owners granted. */
        REVOKE(List.of(), false, List.of("GRANT ANY OBJECT PRIVILEGE"));

        private final List<String> roles;
        private final boolean directory;
        private final List<String> systemPrivileges;

        Need(List<String> roles, boolean directory, List<String> systemPrivileges) {
            this.roles = roles;
            this.directory = directory;
            this.systemPrivileges = systemPrivileges;
        }
    }

    /**
     * What the dictionary showed for the session user.
     *
     * @param directoryListed whether ALL_DIRECTORIES lists the DIRECTORY
     */
    record Found(Set<String> roles, boolean directoryListed, Set<String> directoryPrivileges,
                 Set<String> systemPrivileges) {
    }

    private DataPumpPrivileges() {
    }

    /**
     * Runs the queries a step needs and refuses it, naming every missing right, when one is missing.
     *
     * @param where "source" or "target", for the message
     */
    static void check(Connection connection, CancelToken cancel, Need need, String where, String directory)
            throws SQLException, CloneFailedException, CancelToken.CancelledException {
        Set<String> roles = need.roles.isEmpty() ? Set.of() : names(connection, cancel, ROLES, null);
        boolean listed = need.directory && !names(connection, cancel, DIRECTORY, directory).isEmpty();
        Set<String> onDirectory = need.directory ? names(connection, cancel, DIRECTORY_PRIVILEGES, directory)
                : Set.of();
        Set<String> system = need.systemPrivileges.isEmpty() ? Set.of()
                : names(connection, cancel, SYSTEM_PRIVILEGES, null);
        String user = connection.getMetaData().getUserName();
        String missing = missing(need, user, where, directory, new Found(roles, listed, onDirectory, system));
        if (missing != null) {
            throw new CloneFailedException(missing, "nothing was changed");
        }
    }

    /** Reads a one-column result (the queries above), upper case, in order. */
    static Set<String> names(ResultSet rows) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        while (rows.next()) {
            String value = rows.getString(1);
            if (value != null) {
                out.add(value.strip().toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * @return null when the user has what the step needs; otherwise one message naming each missing right, how a
     *     DBA grants it, and that nothing was changed
     */
    static String missing(Need need, String user, String where, String directory, Found found) {
        String grantee = ORACLE.quote(user);
        List<String> problems = new ArrayList<>();
        for (String role : need.roles) {
            if (!found.roles().contains(role)) {
                problems.add("the role " + role + " (not among the session's roles; a DBA runs GRANT " + role
                        + " TO " + grantee + ")");
            }
        }
        if (need.directory && !found.directoryListed()) {
            problems.add("the DIRECTORY " + directory + ", which ALL_DIRECTORIES does not list: it does not exist "
                    + "or the user may not use it (a DBA runs CREATE DIRECTORY " + ORACLE.quote(directory)
                    + " AS '<folder on the database server>' and GRANT READ, WRITE ON DIRECTORY "
                    + ORACLE.quote(directory) + " TO " + grantee + ")");
        } else if (need.directory) {
            List<String> lacking = new ArrayList<>();
            for (String privilege : List.of("READ", "WRITE")) {
                if (!found.directoryPrivileges().contains(privilege)) {
                    lacking.add(privilege);
                }
            }
            if (!lacking.isEmpty()) {
                problems.add(String.join(" and ", lacking) + " on the DIRECTORY " + directory + " (a DBA runs "
                        + "GRANT " + String.join(", ", lacking) + " ON DIRECTORY " + ORACLE.quote(directory) + " TO "
                        + grantee + ")");
            }
        }
        List<String> privileges = new ArrayList<>();
        for (String privilege : need.systemPrivileges) {
            if (!found.systemPrivileges().contains(privilege)) {
                privileges.add(privilege);
            }
        }
        if (!privileges.isEmpty()) {
            problems.add("the system privilege" + (privileges.size() > 1 ? "s " : " ")
                    + String.join(", ", privileges) + " (a DBA runs GRANT " + String.join(", ", privileges) + " TO "
                    + grantee + ")");
        }
        if (problems.isEmpty()) {
            return null;
        }
        return "On the " + where + " database, user " + user + " lacks " + String.join("; ", problems)
                + ". Nothing was changed.";
    }

    private static Set<String> names(Connection connection, CancelToken cancel, String sql, String bind)
            throws SQLException, CancelToken.CancelledException {
        cancel.check();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (bind != null) {
                statement.setString(1, bind);
            }
            cancel.running(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return names(rows);
            } finally {
                cancel.running(null);
            }
        }
    }
}
