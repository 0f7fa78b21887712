package dev.envclone.db;

import dev.envclone.sql.Dialect;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts back the rows one statement of a step changed, from its pre-image, on the caller's connection and in its
 * transaction: a DELETE's rows inserted again, an UPDATE's rows set back to their saved values by primary key. The
 * values are bound as parameters, never written into the SQL; the column names come from the target's own metadata
 * and are checked and quoted.
 */
public final class RowRestore {
    private static final Logger LOG = LoggerFactory.getLogger(RowRestore.class);
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$#]{0,127}");

    /** What a statement did, as its step's journal records it. */
    public enum Kind {
        DELETE, UPDATE, DDL
    }

    /**
     * One statement of an executed step.
     *
     * @param table the table as written in the statement
     * @param where its condition, or null
     * @param preImageSql the query its pre-image was read with
     * @param postRowSet for an UPDATE, the digest of its updated rows just before the commit; null if not recorded
     */
    public record Executed(String table, Kind kind, String where, String doneWhen, String preImageSql,
                           PreImage preImage, String postRowSet) {
        String postImageSql() {
            return "select * from " + table + " where " + doneWhen;
        }
    }

    /**
     * What a statement's restore did: the rows it put back, and the SQL it sent for them (each row's values bound to
     * its parameters), in order: the journal keeps it, the golden files pin it.
     */
    public record PutBack(int rows, List<String> sql) {
        public PutBack {
            sql = List.copyOf(sql);
        }
    }

    /** A statement whose rows cannot be put back: the sentence says why and what to do. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message) {
            super(message);
        }
    }

    private RowRestore() {
    }

    /**
     * Refuses when the rows are no longer as the step left them: a DELETE's condition selects rows again (the
     * deleted ones were put back, or new ones made, e.g. by the Configuration Tool), or an UPDATE's rows with its new
     * values differ from those it left. Restoring over such changes would undo work done after the step.
     */
    public static void requireUnchangedSince(Connection connection, Executed statement)
            throws SQLException, IOException, RefusedException {
        switch (statement.kind()) {
            case DDL -> throw new RefusedException("it changed the database's catalog (users, schema owners), not "
                    + "rows: that cannot be put back from rows. Re-create what it dropped by hand, or restore the "
                    + "database from its backup.");
            case DELETE -> {
                long now = count(connection, "select count(*) from " + statement.table()
                        + (statement.where() == null ? "" : " where " + statement.where()));
                if (now > 0) {
                    throw new RefusedException(statement.table() + " has " + now + " row" + (now == 1 ? "" : "s")
                            + " the step's delete would select again: the rows changed since the step (something "
                            + "put them back or made new ones). Nothing was restored.");
                }
            }
            case UPDATE -> {
                if (statement.postRowSet() == null) {
                    throw new RefusedException("the state it left " + statement.table() + " in was not recorded "
                            + "(the step was journaled before envclone recorded it, or recovered after an "
                            + "interruption), so a change since cannot be ruled out. Nothing was restored.");
                }
                String now = PreImages.rowSet(connection, statement.postImageSql(),
                        statement.preImage().file().getParent());
                if (!now.equals(statement.postRowSet())) {
                    throw new RefusedException("the rows of " + statement.table() + " with the step's new values "
                            + "are not those it left: they changed since the step. Nothing was restored.");
                }
            }
            default -> throw new IllegalStateException(statement.kind().name());
        }
    }

    /** Puts the rows back. The caller commits, after checking the pre-image query again. */
    public static PutBack putBack(Connection connection, Dialect dialect, Executed statement)
            throws SQLException, IOException, RefusedException {
        PreImageRows saved = PreImageRows.read(statement.preImage().file());
        Columns columns = Columns.of(connection, statement.table());
        if (!columns.labels.equals(saved.columns())) {
            throw new RefusedException(statement.table() + " has the columns " + columns.labels + " now, its "
                    + "pre-image " + saved.columns() + ": the table changed since the step. Nothing was restored.");
        }
        for (int c = 0; c < columns.types.size(); c++) {
            if (!Converter.handles(columns.types.get(c))) {
                throw new RefusedException(statement.table() + "." + columns.labels.get(c) + " is of a type ("
                        + columns.typeNames.get(c) + ") envclone cannot put back from a pre-image. Nothing was "
                        + "restored.");
            }
        }
        return switch (statement.kind()) {
            case DELETE -> insert(connection, dialect, statement.table(), columns, saved);
            case UPDATE -> update(connection, dialect, statement.table(), columns, saved);
            case DDL -> throw new IllegalStateException("checked by requireUnchangedSince");
        };
    }

    private static PutBack insert(Connection connection, Dialect dialect, String table, Columns columns,
                                  PreImageRows saved) throws SQLException, RefusedException {
        if (saved.rows().isEmpty()) {
            return new PutBack(0, List.of());
        }
        String identityOn = columns.identity ? dialect.identityInsert(table, true) : null;
        if (columns.identity && identityOn == null) {
            throw new RefusedException(table + " has an identity column, which " + dialect.dbms().displayName()
                    + " does not let envclone set. Nothing was restored.");
        }
        List<String> names = columns.quoted(dialect);
        String sql = "insert into " + table + " (" + String.join(", ", names) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
        LOG.debug("Restore into {}: {} rows with {}", table, saved.rows().size(), sql);
        try (Statement plain = connection.createStatement()) {
            if (identityOn != null) {
                plain.execute(identityOn);
            }
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (List<String> row : saved.rows()) {
                    for (int c = 0; c < row.size(); c++) {
                        Converter.bind(insert, c + 1, columns.types.get(c), row.get(c), table, columns.labels.get(c));
                    }
                    insert.executeUpdate();
                }
            } finally {
                // The switch belongs to the session, not the transaction: a rollback leaves it on, and SQL Server
                // allows it on one table per session only.
                if (identityOn != null) {
                    plain.execute(dialect.identityInsert(table, false));
                }
            }
        }
        return new PutBack(saved.rows().size(), identityOn == null ? List.of(sql)
                : List.of(identityOn, sql, dialect.identityInsert(table, false)));
    }

    private static PutBack update(Connection connection, Dialect dialect, String table, Columns columns,
                                  PreImageRows saved) throws SQLException, RefusedException {
        List<Integer> key = columns.primaryKey(connection, dialect, table);
        if (key.isEmpty()) {
            throw new RefusedException(table + " has no primary key: envclone cannot tell which row to set back. "
                    + "Nothing was restored.");
        }
        List<String> names = columns.quoted(dialect);
        List<Integer> set = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (!key.contains(c)) {
                set.add(c);
            }
        }
        String sql = "update " + table + " set " + String.join(", ", set.stream().map(c -> names.get(c) + " = ?")
                .toList()) + " where " + String.join(" and ", key.stream().map(c -> names.get(c) + " = ?").toList());
        LOG.debug("Restore in {}: {} rows with {}", table, saved.rows().size(), sql);
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (List<String> row : saved.rows()) {
                int parameter = 1;
                for (int c : set) {
                    Converter.bind(update, parameter++, columns.types.get(c), row.get(c), table, columns.labels.get(c));
                }
                for (int c : key) {
                    Converter.bind(update, parameter++, columns.types.get(c), row.get(c), table, columns.labels.get(c));
                }
                int changed = update.executeUpdate();
                if (changed != 1) {
                    throw new RefusedException(table + ": the row with " + describeKey(columns, key, row)
                            + (changed == 0 ? " is no longer there" : " is not one row (" + changed + " rows)")
                            + ". Nothing was restored.");
                }
            }
        }
        return new PutBack(saved.rows().size(), List.of(sql));
    }

    private static String describeKey(Columns columns, List<Integer> key, List<String> row) {
        return String.join(", ", key.stream().map(c -> columns.labels.get(c) + " " + row.get(c)).toList());
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The table's columns as the target describes them now, in the order {@code select *} returns them. */
    private static final class Columns {
        final List<String> labels = new ArrayList<>();
        final List<Integer> types = new ArrayList<>();
        final List<String> typeNames = new ArrayList<>();
        boolean identity;

        static Columns of(Connection connection, String table) throws SQLException, RefusedException {
            Columns columns = new Columns();
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select * from " + table + " where 1 = 0")) {
                ResultSetMetaData meta = result.getMetaData();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    String label = meta.getColumnLabel(c);
                    // A name read from the target goes into SQL: only what a platform column is ever called.
                    if (!COLUMN.matcher(label).matches()) {
                        throw new RefusedException(table + " has a column named '" + label + "', which is not a "
                                + "name envclone writes into SQL. Nothing was restored.");
                    }
                    columns.labels.add(label);
                    columns.types.add(meta.getColumnType(c));
                    columns.typeNames.add(meta.getColumnTypeName(c));
                    columns.identity |= meta.isAutoIncrement(c);
                }
            }
            return columns;
        }

        List<String> quoted(Dialect dialect) {
            return labels.stream().map(dialect::quote).toList();
        }

        /** The primary key's columns, as positions, from the table as the data dictionary stores it. */
        List<Integer> primaryKey(Connection connection, Dialect dialect, String table) throws SQLException {
            CleanupStatements.StoredTable stored = CleanupStatements.locate(connection, dialect, table);
            if (stored == null) {
                return List.of();
            }
            List<Integer> key = new ArrayList<>();
            try (ResultSet keys = connection.getMetaData().getPrimaryKeys(connection.getCatalog(), stored.schema(),
                    stored.name())) {
                while (keys.next()) {
                    int position = indexIgnoringCase(keys.getString("COLUMN_NAME"));
                    if (position >= 0) {
                        key.add(position);
                    }
                }
            }
            return key;
        }

        private int indexIgnoringCase(String name) {
            for (int i = 0; i < labels.size(); i++) {
                if (labels.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** A pre-image's text (what {@code ResultSet.getString} gave) bound back as its column's type. */
    private static final class Converter {
        static boolean handles(int type) {
            return switch (type) {
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                     Types.CLOB, Types.NCLOB, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
                     Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE, Types.BIT, Types.BOOLEAN,
                     Types.DATE, Types.TIME, Types.TIMESTAMP, Types.BINARY, Types.VARBINARY,
                     Types.LONGVARBINARY -> true;
                default -> false;
            };
        }

        static void bind(PreparedStatement statement, int parameter, int type, String text, String table,
                         String column) throws SQLException, RefusedException {
            if (text == null) {
                statement.setNull(parameter, type);
                return;
            }
            try {
                switch (type) {
                    case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC,
                         Types.REAL, Types.FLOAT, Types.DOUBLE ->
                            statement.setBigDecimal(parameter, new BigDecimal(text));
                    case Types.BIT, Types.BOOLEAN -> statement.setBoolean(parameter, bool(text));
                    case Types.DATE -> statement.setDate(parameter, java.sql.Date.valueOf(text.length() > 10
                            ? text.substring(0, 10) : text));
                    case Types.TIME -> statement.setTime(parameter, java.sql.Time.valueOf(text));
                    case Types.TIMESTAMP -> statement.setTimestamp(parameter, java.sql.Timestamp.valueOf(text));
                    case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY ->
                            statement.setBytes(parameter, HexFormat.of().parseHex(text));
                    default -> statement.setString(parameter, text);
                }
            } catch (IllegalArgumentException e) {
                // The value itself stays out of the message: a pre-image holds the source's secrets.
                throw new RefusedException(table + "." + column + ": a saved value is not one the column's type "
                        + "reads back. Nothing was restored.");
            }
        }

        private static boolean bool(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "1", "true" -> true;
                case "0", "false" -> false;
                default -> throw new IllegalArgumentException("'" + text + "' is not a boolean");
            };
        }
    }
}
