package dev.envclone.clone;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A result set's columns read by name, never by position: RESTORE FILELISTONLY and HEADERONLY gain columns with
 * every version of SQL Server, and a column a later version adds or moves must not shift what is read. Names are
 * matched without regard to case, as SQL Server's default collation compares them.
 */
final class ResultColumns {
    private final Map<String, Integer> index = new HashMap<>();
    private final ResultSet rows;

    private ResultColumns(ResultSet rows) throws SQLException {
        this.rows = rows;
        ResultSetMetaData meta = rows.getMetaData();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            index.putIfAbsent(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), c);
        }
    }

    /**
     * @param what the statement, for the message: "RESTORE FILELISTONLY"
     * @throws CloneFailedException naming the columns missing, nothing done
     */
    static ResultColumns require(ResultSet rows, String what, String... names)
            throws SQLException, CloneFailedException {
        ResultColumns columns = new ResultColumns(rows);
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!columns.index.containsKey(name.toLowerCase(Locale.ROOT))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new CloneFailedException(what + " returned no column " + String.join(", ", missing)
                    + ": this SQL Server answers in a form envclone does not know. Run the clone scripts by hand "
                    + "(backup-on-source.sql, restore-on-target.sql).", "nothing was changed");
        }
        return columns;
    }

    boolean next() throws SQLException {
        return rows.next();
    }

    String text(String name) throws SQLException {
        return rows.getString(at(name));
    }

    /** A whole number, or null when the column is NULL (a password-protected backup set shows NULLs). */
    Long number(String name) throws SQLException {
        long value = rows.getLong(at(name));
        return rows.wasNull() ? null : value;
    }

    /** A bit, or null when NULL. */
    Boolean flag(String name) throws SQLException {
        boolean value = rows.getBoolean(at(name));
        return rows.wasNull() ? null : value;
    }

    java.sql.Timestamp time(String name) throws SQLException {
        return rows.getTimestamp(at(name));
    }

    private int at(String name) {
        Integer c = index.get(name.toLowerCase(Locale.ROOT));
        if (c == null) {
            throw new IllegalStateException("column " + name + " was not required");
        }
        return c;
    }
}
