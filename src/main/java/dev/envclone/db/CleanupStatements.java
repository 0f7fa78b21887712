package dev.envclone.db;

import dev.envclone.sql.CleanupItem;
import dev.envclone.sql.Dialect;
import dev.envclone.sql.DiscoveredTable;
import dev.envclone.sql.RefusedTableException;
import dev.envclone.sql.RowChange;
import dev.envclone.sql.SecurityContext;
import dev.envclone.sql.TableDiscovery;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a cleanup step's items into the exact statements to execute on one connection, by asking the database what
 * the document leaves to the operator: which tables a discovery query names, and whether an optional table exists.
 *
 * <p>Everything is resolved before anything runs, so a table name read from the database that fails its checks
 * ({@link RefusedTableException}) stops the step with nothing executed and no pre-image written.
 */
public final class CleanupStatements {
    /** A base table's TABLE_TYPE: "TABLE" from the SQL Server and Oracle drivers, "BASE TABLE" from H2. */
    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE");

    private CleanupStatements() {
    }

    /**
     * The statements to run, in order: each {@link TableDiscovery} becomes one statement per row its query
     * returns (in the query's order, which the catalog uses to put child tables before parents), and a
     * {@link RowChange} that {@link RowChange#requiresTable() requires its table} is left out when the table is
     * not in the connection's current schema (the document's {@code if exists} and PL/SQL checks).
     *
     * <p>Every discovered row is checked before this returns, as a name typed by the operator would be: the entity
     * and module the step asked for, an application table (OSUSR_, never OSSYS_, never another schema's), and
     * exactly one table of that name, ignoring case, in the data dictionary of the schema the statement reaches;
     * the statement then names it as the dictionary spells it (on Oracle a name stored in lower case reaches the
     * upper-case table that an unquoted CREATE made).
     *
     * @throws RefusedTableException naming the entity, the value and the rule, when a discovered row fails
     */
    public static List<RowChange> resolve(Connection connection, Dialect dialect, List<CleanupItem> items)
            throws SQLException {
        List<RowChange> changes = new ArrayList<>();
        for (CleanupItem item : items) {
            if (item instanceof TableDiscovery discovery) {
                changes.addAll(discoveredChanges(connection, dialect, discovery));
            } else if (item instanceof SecurityContext context) {
                changes.addAll(SecurityContextForm.of(connection).discover(connection, context).changes());
            } else {
                RowChange change = (RowChange) item;
                if (!change.requiresTable() || tableExists(connection, dialect, change.table())) {
                    changes.add(change);
                }
            }
        }
        return changes;
    }

    /**
     * Why the items may not run now, as the catalog shows it (an object in a restored user's own schema), or null.
     */
    static String blockedBy(Connection connection, List<CleanupItem> items) throws SQLException {
        for (CleanupItem item : items) {
            if (item instanceof SecurityContext context) {
                String blocked = SecurityContextForm.of(connection).discover(connection, context).blockedBy();
                if (blocked != null) {
                    return blocked;
                }
            }
        }
        return null;
    }

    private static List<RowChange> discoveredChanges(Connection connection, Dialect dialect,
                                                     TableDiscovery discovery) throws SQLException {
        List<DiscoveredTable> rows = discoveredRows(connection, discovery);
        discovery.checkRows(rows);
        List<String> schemas = dialect.tableSchemas(connection.getSchema());
        List<RowChange> changes = new ArrayList<>();
        for (DiscoveredTable row : rows) {
            String name = discovery.applicationTable(row);
            List<String> found = dictionaryNames(connection, schemas, name, true);
            if (found.size() != 1) {
                String where = schemas.isEmpty() ? "the session's schema" : "schema " + schemas.get(0)
                        + (schemas.size() > 1 ? " or " + schemas.get(1) : "");
                throw discovery.refused(row, found.isEmpty()
                        ? "is not a table of " + where + " (the data dictionary was searched ignoring case)"
                        : "matches several tables of " + where + " that differ only in case (" + String.join(", ",
                                found) + ")");
            }
            changes.add(discovery.changeFor(dialect, found.get(0)));
        }
        return changes;
    }

    private static List<DiscoveredTable> discoveredRows(Connection connection, TableDiscovery discovery)
            throws SQLException {
        List<DiscoveredTable> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(discovery.namesQuery())) {
            while (result.next()) {
                rows.add(new DiscoveredTable(result.getString(1), result.getString(2), result.getString(3),
                        result.getLong(4), result.getString(5), result.getBoolean(6)));
            }
        }
        return rows;
    }

    /**
     * Whether a table is in the current schema. The name is tried as written, upper-cased (Oracle's dictionary)
     * and lower-cased, because the document writes one table in several spellings and metadata lookups compare
     * exactly on most drivers. On SQL Server, {@code dbo} is tried after the login's default schema, as SQL Server
     * itself resolves an unqualified name: the platform's tables are in {@code dbo} whatever the login's default.
     */
    public static boolean tableExists(Connection connection, Dialect dialect, String table) throws SQLException {
        return locate(connection, dialect, table) != null;
    }

    /** A table as the data dictionary has it: the schema it is in and its name spelled as stored. */
    public record StoredTable(String schema, String name) {
    }

    /**
     * Where the table {@code table} (as a statement writes it, quotes or brackets allowed) is, looked up as
     * {@link #tableExists} does; null when it is not there.
     */
    public static StoredTable locate(Connection connection, Dialect dialect, String table) throws SQLException {
        String bare = table.replaceAll("^[\\[\"]|[\\]\"]$", "");
        List<StoredTable> found = dictionaryTables(connection, dialect.tableSchemas(connection.getSchema()), bare,
                false);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The tables (with {@code tablesOnly}: base tables, not views or synonyms, which could lead elsewhere) whose
     * name equals {@code name} ignoring case, as the data dictionary spells them, in the first of {@code schemas}
     * that has any.
     */
    private static List<String> dictionaryNames(Connection connection, List<String> schemas, String name,
                                                boolean tablesOnly) throws SQLException {
        return dictionaryTables(connection, schemas, name, tablesOnly).stream().map(StoredTable::name).toList();
    }

    private static List<StoredTable> dictionaryTables(Connection connection, List<String> schemas, String name,
                                                      boolean tablesOnly) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String escape = meta.getSearchStringEscape();
        for (String schema : schemas) {
            Set<StoredTable> found = new LinkedHashSet<>();
            for (String spelling : new LinkedHashSet<>(List.of(name, name.toUpperCase(Locale.ROOT),
                    name.toLowerCase(Locale.ROOT)))) {
                try (ResultSet tables = meta.getTables(connection.getCatalog(), likePattern(schema, escape),
                        likePattern(spelling, escape), null)) {
                    while (tables.next()) {
                        String table = tables.getString("TABLE_NAME");
                        boolean kind = !tablesOnly || TABLE_TYPES.contains(tables.getString("TABLE_TYPE"));
                        if (kind && name.equalsIgnoreCase(table)
                                && schema.equalsIgnoreCase(tables.getString("TABLE_SCHEM"))) {
                            found.add(new StoredTable(tables.getString("TABLE_SCHEM"), table));
                        }
                    }
                }
            }
            if (!found.isEmpty()) {
                return List.copyOf(found);
            }
        }
        return List.of();
    }

    /** getTables takes LIKE patterns, in which the '_' of every platform table name is a wildcard. */
    private static String likePattern(String name, String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("%", escape + "%").replace("_", escape + "_");
    }
}
