package dev.envclone.db;

import dev.envclone.sql.CleanupItem;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import dev.envclone.sql.RowChange;
import dev.envclone.sql.TableDiscovery;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a cleanup step's items into the exact statements to execute on one connection, by asking the database what
 * the document leaves to the operator: which tables a discovery query names, and whether an optional table exists.
 *
 * <p>Everything is resolved before anything runs, so a bad table name read from the database (rejected by
 * {@link dev.envclone.sql.NameRule#PHYSICAL_TABLE}) stops the step with nothing executed.
 */
public final class CleanupStatements {

    private CleanupStatements() {
    }

    /**
     * Prepares a session so that the statements' unqualified table names reach the platform's tables.
     *
     * <p>Oracle: the platform tables belong to the admin user, while the login may be another user; the document
     * runs {@code ALTER SESSION SET CURRENT_SCHEMA}, which H2 lacks and {@link Connection#setSchema} does on both.
     * On a real Oracle server the session also gets the document's {@code NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI},
     * so that name comparisons ignore case as the document expects (H2 imitates it by collation, see
     * {@link H2Mode}). SQL Server: the catalog is chosen by the connection, and comparisons follow its collation.
     *
     * @param adminUser the platform admin user (Oracle schema), already checked by its name rule
     */
    public static void prepareSession(Connection connection, Dialect dialect, String adminUser) throws SQLException {
        if (dialect.dbms() != Dbms.ORACLE) {
            return;
        }
        if ("Oracle".equals(connection.getMetaData().getDatabaseProductName())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI");
            }
        }
        connection.setSchema(adminUser);
    }

    /**
     * The statements to run, in order: each {@link TableDiscovery} becomes one statement per name its query
     * returns (in the query's order, which the catalog uses to put child tables before parents), and a
     * {@link RowChange} that {@link RowChange#requiresTable() requires its table} is left out when the table is
     * not in the connection's current schema (the document's {@code if exists} and PL/SQL checks).
     *
     * @throws dev.envclone.sql.InvalidNameException when a discovered table name is not a plain physical name
     */
    public static List<RowChange> resolve(Connection connection, Dialect dialect, List<CleanupItem> items)
            throws SQLException {
        List<RowChange> changes = new ArrayList<>();
        for (CleanupItem item : items) {
            if (item instanceof TableDiscovery discovery) {
                for (String name : discoveredNames(connection, discovery)) {
                    changes.add(discovery.changeFor(dialect, name));
                }
            } else {
                RowChange change = (RowChange) item;
                if (!change.requiresTable() || tableExists(connection, dialect, change.table())) {
                    changes.add(change);
                }
            }
        }
        return changes;
    }

    private static List<String> discoveredNames(Connection connection, TableDiscovery discovery)
            throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(discovery.namesQuery())) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /**
     * Whether a table is in the current schema. The name is tried as written, upper-cased (Oracle's dictionary)
     * and lower-cased, because the document writes one table in several spellings and metadata lookups compare
     * exactly on most drivers. On SQL Server, {@code dbo} is tried after the login's default schema, as SQL Server
     * itself resolves an unqualified name: the platform's tables are in {@code dbo} whatever the login's default.
     */
    static boolean tableExists(Connection connection, Dialect dialect, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String escape = meta.getSearchStringEscape();
        List<String> schemas = new ArrayList<>();
        schemas.add(connection.getSchema());
        if (dialect.dbms() == Dbms.SQLSERVER && !"dbo".equalsIgnoreCase(connection.getSchema())) {
            schemas.add("dbo");
        }
        for (String schema : schemas) {
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
                if (hasTable(meta, connection.getCatalog(), likePattern(schema, escape), likePattern(name, escape))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** getTables takes LIKE patterns, in which the '_' of every platform table name is a wildcard. */
    private static String likePattern(String name, String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("%", escape + "%").replace("_", escape + "_");
    }

    private static boolean hasTable(DatabaseMetaData meta, String catalog, String schema, String pattern)
            throws SQLException {
        // Any type: H2 calls tables "BASE TABLE", the others "TABLE"; a view or synonym would do as well.
        try (ResultSet tables = meta.getTables(catalog, schema, pattern, null)) {
            return tables.next();
        }
    }
}
