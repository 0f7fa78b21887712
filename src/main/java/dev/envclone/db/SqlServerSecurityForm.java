package dev.envclone.db;

import static dev.envclone.sql.NameRule.printable;

import dev.envclone.sql.RowChange;
import dev.envclone.sql.SecurityContext;
import dev.envclone.sql.SqlServerSecurityContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The security-context step on a real SQL Server: reads sys.database_principals, sys.schemas, sys.objects and
 * sys.server_principals of each restored catalog ({@link SqlServerSecurityContext} holds the text), and plans the
 * actions there. Every name read from the catalog reaches a statement only bracket-quoted.
 */
final class SqlServerSecurityForm implements SecurityContextForm {
    static final SqlServerSecurityForm INSTANCE = new SqlServerSecurityForm();

    private SqlServerSecurityForm() {
    }

    @Override
    public Found discover(Connection connection, SecurityContext context) throws SQLException {
        List<RowChange> objects = new ArrayList<>();
        List<RowChange> schemas = new ArrayList<>();
        List<RowChange> roles = new ArrayList<>();
        List<RowChange> drops = new ArrayList<>();
        String blockedBy = null;
        for (String catalog : context.catalogs()) {
            List<String> users = context.users();
            List<List<String>> blockers = rows(connection,
                    SqlServerSecurityContext.ownSchemaObjectsQuery(catalog, users), 4);
            if (blockedBy == null && !blockers.isEmpty()) {
                List<String> first = blockers.get(0);
                blockedBy = "In catalog " + catalog + ", the own schema of user " + printable(first.get(0))
                        + " holds " + printable(first.get(1)) + "." + printable(first.get(2)) + " ("
                        + printable(first.get(3)) + ")" + (blockers.size() > 1 ? " and " + (blockers.size() - 1)
                        + " more objects" : "") + ": DROP USER needs that schema gone. " + NOTHING_RAN;
            }
            Map<String, String> logins = new LinkedHashMap<>();
            for (List<String> user : rows(connection, SqlServerSecurityContext.usersQuery(catalog, users), 3)) {
                logins.put(user.get(0), printable(user.get(1)) + "; " + (user.get(2) == null
                        // sys.server_principals shows other logins only with VIEW ANY DEFINITION.
                        ? "its SID maps to no login this session can see (orphaned, or hidden from this login)"
                        : "its SID maps to login " + printable(user.get(2)) + " on this server"));
            }
            for (List<String> row : rows(connection, SqlServerSecurityContext.ownedObjectsQuery(catalog, users),
                    4)) {
                objects.add(SqlServerSecurityContext.objectToSchemaOwner(catalog, row.get(0), row.get(1),
                        row.get(2), who(row.get(0), catalog) + " owns " + printable(row.get(1)) + "."
                                + printable(row.get(2)) + " (" + printable(row.get(3)) + ") explicitly: given "
                                + "back to the owner of schema " + printable(row.get(1))));
            }
            List<RowChange> ownSchemas = new ArrayList<>();
            for (List<String> row : rows(connection, SqlServerSecurityContext.ownedSchemasQuery(catalog, users),
                    3)) {
                if (row.get(1).equalsIgnoreCase(row.get(0))) {
                    ownSchemas.add(SqlServerSecurityContext.dropOwnSchema(catalog, row.get(0), "schema "
                            + printable(row.get(1)) + ", the own schema of " + who(row.get(0), catalog) + " ("
                            + row.get(2) + " objects): dropped"));
                } else {
                    schemas.add(SqlServerSecurityContext.schemaToDbo(catalog, row.get(0), row.get(1),
                            who(row.get(0), catalog) + " owns schema " + printable(row.get(1)) + " (" + row.get(2)
                                    + " objects): given to dbo"));
                }
            }
            for (List<String> row : rows(connection, SqlServerSecurityContext.ownedRolesQuery(catalog, users), 2)) {
                roles.add(SqlServerSecurityContext.roleToDbo(catalog, row.get(0), row.get(1),
                        who(row.get(0), catalog) + " owns role " + printable(row.get(1)) + ": given to dbo"));
            }
            drops.addAll(ownSchemas);
            for (Map.Entry<String, String> user : logins.entrySet()) {
                drops.add(SqlServerSecurityContext.dropUser(catalog, user.getKey(), who(user.getKey(), catalog)
                        + " (" + user.getValue() + "): dropped"));
            }
        }
        // Every ownership moves before anything is dropped, in every catalog.
        List<RowChange> changes = new ArrayList<>(objects);
        changes.addAll(schemas);
        changes.addAll(roles);
        changes.addAll(drops);
        return new Found(changes, blockedBy);
    }

    private static String who(String user, String catalog) {
        return "user " + printable(user) + " in " + catalog;
    }

    private static List<List<String>> rows(Connection connection, String sql, int columns) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getString(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
