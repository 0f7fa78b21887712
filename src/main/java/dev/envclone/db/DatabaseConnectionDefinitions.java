package dev.envclone.db;

import dev.envclone.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The database connections the cleanup will delete, read before it does (every column of {@code ossys_dbconnection},
 * whatever the platform version names them, but the log's own connection), with the extensions and logical
 * databases mapped to each: what the operator needs to define them again in the new environment. Every value is
 * masked where it holds a password ({@link UrlSecrets#mask}), and a column named like a password is not shown at all.
 */
public final class DatabaseConnectionDefinitions {
    /** The platform's own log connection, which the cleanup keeps (the document's WHERE). */
    static final String LOG_CONNECTION = "$OS_LOG_DB_7e3e8ce0";
    private static final Pattern SECRET_COLUMN = Pattern.compile("(?i).*(password|passwd|pwd|secret).*");

    /**
     * One connection.
     *
     * @param name its NAME
     * @param fields its other columns, in the table's order, masked (a password-like column as "(not shown)")
     * @param mappings "extension NAME (ID n): logical database L", one for each mapping
     */
    public record Definition(String name, Map<String, String> fields, List<String> mappings) {
        public Definition {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            mappings = List.copyOf(mappings);
        }
    }

    private DatabaseConnectionDefinitions() {
    }

    /** The connections, by name; none when the platform has no such table. */
    public static List<Definition> read(Connection connection, Dialect dialect) throws SQLException {
        if (!CleanupStatements.tableExists(connection, dialect, "ossys_dbconnection")) {
            return List.of();
        }
        Map<String, String> extensions = CleanupStatements.tableExists(connection, dialect, "ossys_extension")
                ? extensionNames(connection) : Map.of();
        Map<String, List<String>> mappings = CleanupStatements.tableExists(connection, dialect,
                "ossys_extension_dbconnection")
                ? mappings(connection, extensions) : Map.of();
        List<Definition> definitions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from ossys_dbconnection")) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                String name = null;
                String id = null;
                Map<String, String> fields = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    String column = meta.getColumnLabel(c);
                    String value = rows.getString(c);
                    if (column.equalsIgnoreCase("NAME")) {
                        name = value;
                    } else if (column.equalsIgnoreCase("ID")) {
                        id = value;
                    } else {
                        fields.put(column, SECRET_COLUMN.matcher(column).matches() ? "(not shown)"
                                : value == null ? "(none)" : UrlSecrets.mask(value));
                    }
                }
                if (!LOG_CONNECTION.equals(name)) {
                    definitions.add(new Definition(name == null ? "(no name)" : name, fields,
                            mappings.getOrDefault(id, List.of())));
                }
            }
        } finally {
            connection.rollback();
        }
        definitions.sort(java.util.Comparator.comparing(Definition::name));
        return definitions;
    }

    private static Map<String, String> extensionNames(Connection connection) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select ID, NAME from ossys_extension")) {
            while (rows.next()) {
                names.put(rows.getString(1), rows.getString(2));
            }
        }
        return names;
    }

    private static Map<String, List<String>> mappings(Connection connection, Map<String, String> extensions)
            throws SQLException {
        Map<String, List<String>> mapped = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select EXTENSION_ID, LOGICAL_DATABASE, DBCONNECTION_ID from "
                     + "ossys_extension_dbconnection order by EXTENSION_ID, LOGICAL_DATABASE")) {
            while (rows.next()) {
                String extension = rows.getString(1);
                String name = extensions.get(extension);
                mapped.computeIfAbsent(rows.getString(3), k -> new ArrayList<>()).add("extension "
                        + (name == null ? "ID " + extension : name + " (ID " + extension + ")")
                        + ": logical database " + rows.getString(2));
            }
        }
        return mapped;
    }
}
