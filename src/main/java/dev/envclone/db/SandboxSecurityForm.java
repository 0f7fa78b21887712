package dev.envclone.db;

import static dev.envclone.sql.NameRule.printable;

import dev.envclone.sql.RowChange;
import dev.envclone.sql.SecurityContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The security-context step in the rehearsal sandbox, which has no sys.* views: the same plan of actions, read
 * from H2's INFORMATION_SCHEMA (USERS, SCHEMATA with SCHEMA_OWNER, TABLES) and executed with H2's DDL, against the
 * stand-in users and schemas the sandbox creates for the restored ones.
 *
 * <p>What H2 cannot imitate, and how this form deals with it:
 * <ul>
 *   <li>H2 has one catalog per database: the sandbox stands for the platform catalog (the connection's own); a
 *   separate log catalog of the plan has no stand-in there, so only the first catalog is read.</li>
 *   <li>H2 has no statement that gives a schema another owner, no role owners and no per-object owners: a schema
 *   a user owns other than its own stops the step, naming it, as an object in its own schema does.</li>
 *   <li>H2 commits every DDL statement at once, so here the step is not one transaction. Each action is
 *   idempotent ({@code IF EXISTS}) and the list is found again from the catalog at every attempt, so a run
 *   interrupted half-way finishes what is left when it runs the step again.</li>
 * </ul>
 * Only ever used on an H2 database (the sandbox or a test's), never on a real platform database.
 */
final class SandboxSecurityForm implements SecurityContextForm {
    static final SandboxSecurityForm INSTANCE = new SandboxSecurityForm();

    private static final String USERS = "SELECT USER_NAME FROM INFORMATION_SCHEMA.USERS WHERE UPPER(USER_NAME) = ?";
    private static final String SCHEMAS = "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_OWNER = ? "
            + "ORDER BY SCHEMA_NAME";
    private static final String TABLES = "SELECT TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES WHERE "
            + "TABLE_SCHEMA = ? ORDER BY TABLE_NAME";

    private SandboxSecurityForm() {
    }

    @Override
    public Found discover(Connection connection, SecurityContext context) throws SQLException {
        List<RowChange> drops = new ArrayList<>();
        List<RowChange> users = new ArrayList<>();
        String blockedBy = null;
        String catalog = context.catalogs().get(0);
        for (String named : context.users()) {
            String user = one(connection, USERS, named.toUpperCase(Locale.ROOT));
            if (user == null) {
                continue;
            }
            String who = "user " + printable(user) + " in " + catalog;
            for (String schema : column(connection, SCHEMAS, user, 1)) {
                List<String> tables = column(connection, TABLES, schema, 1);
                if (blockedBy != null) {
                    continue;
                }
                if (!schema.equals(user)) {
                    blockedBy = "In catalog " + catalog + ", " + who + " owns schema " + printable(schema)
                            + ", and the sandbox (H2) cannot give a schema another owner. " + NOTHING_RAN;
                } else if (!tables.isEmpty()) {
                    List<String> types = column(connection, TABLES, schema, 2);
                    blockedBy = "In catalog " + catalog + ", the own schema of user " + printable(user) + " holds "
                            + printable(schema) + "." + printable(tables.get(0)) + " (" + printable(types.get(0))
                            + ")" + (tables.size() > 1 ? " and " + (tables.size() - 1) + " more objects" : "")
                            + ": DROP USER needs that schema gone. " + NOTHING_RAN;
                } else {
                    drops.add(RowChange.catalogChange("INFORMATION_SCHEMA.SCHEMATA",
                            "DROP SCHEMA IF EXISTS " + quote(schema) + " RESTRICT",
                            "SCHEMA_NAME = " + literal(schema) + " AND SCHEMA_OWNER = " + literal(user),
                            "schema " + printable(schema) + ", the own schema of " + who + " (0 objects): dropped"));
                }
            }
            users.add(RowChange.catalogChange("INFORMATION_SCHEMA.USERS", "DROP USER IF EXISTS " + quote(user),
                    "USER_NAME = " + literal(user), who + " (sandbox stand-in; H2 users have no login): dropped"));
        }
        drops.addAll(users);
        return new Found(drops, blockedBy);
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String one(Connection connection, String sql, String parameter) throws SQLException {
        List<String> found = column(connection, sql, parameter, 1);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<String> column(Connection connection, String sql, String parameter, int column)
            throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(column));
                }
            }
        }
        return values;
    }
}
