package dev.envclone.clone;

import dev.envclone.db.H2Mode;
import dev.envclone.sql.Dbms;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

/**
 * Real result sets with SQL Server's documented column names, made by H2 in its SQL Server mode from literal rows
 * (a query of VALUES with a column list): the readers then read a real driver's ResultSet by name, with the
 * columns in another order than SQL Server's and with columns they do not know.
 */
final class H2Rows {
    private H2Rows() {
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rows) throws Exception;
    }

    static <T> T query(String sql, Reader<T> reader) throws Exception {
        String url = H2Mode.memoryUrl(Dbms.SQLSERVER, "rows_" + UUID.randomUUID().toString().replace("-", ""));
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return reader.read(rows);
        }
    }

    /** {@code SELECT * FROM (VALUES rows) AS t(columns)}. */
    static String values(String columns, String... rows) {
        return "SELECT * FROM (VALUES " + String.join(", ", rows) + ") AS t(" + columns + ")";
    }

    /** Rows of no result: the same columns, a condition nothing meets. */
    static String none(String columns, String row) {
        return values(columns, row) + " WHERE 1 = 0";
    }

}
