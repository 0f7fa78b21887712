package dev.envclone.sandbox;

import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A sandbox as envclone made it before IGNORECASE replaced the collation (db.H2Mode): the same tables and rows,
 * in a database created with {@code COLLATION=ENGLISH STRENGTH SECONDARY} in its URL, which H2 keeps in the file,
 * and that URL, as {@code sandbox create} printed it and run folders recorded it.
 */
public final class EarlierSandbox {
    private EarlierSandbox() {
    }

    public static String url(Dbms dbms, Path path) {
        String settings = switch (dbms) {
            case SQLSERVER -> "MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                    + "COLLATION=ENGLISH STRENGTH SECONDARY";
            case ORACLE -> "MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;COLLATION=ENGLISH STRENGTH SECONDARY";
        };
        return "jdbc:h2:file:" + path.toAbsolutePath().normalize() + ";" + settings + ";WRITE_DELAY=0";
    }

    /** Makes it as Sandbox.create did, and returns its URL. */
    public static String create(Dbms dbms, Path path, SandboxSize size) throws Exception {
        String url = url(dbms, path);
        try (Connection connection = DriverManager.getConnection(url + ";TRACE_LEVEL_FILE=0", "sa", "")) {
            connection.setAutoCommit(false);
            if (dbms == Dbms.ORACLE) {
                execute(connection, "CREATE SCHEMA " + Sandbox.ORACLE_SCHEMA);
                connection.setSchema(Sandbox.ORACLE_SCHEMA);
            }
            for (String ddl : Sandbox.schema(dbms)) {
                execute(connection, ddl);
            }
            new SandboxRows(connection, size).insertAll();
            StandInUsers.create(connection, dbms);
            connection.commit();
        }
        return url;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
