package dev.envclone.db;

import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a target database is, before envclone changes anything in it: is it an OutSystems platform database (its
 * ossys_ tables exist), and which database is it exactly (its fingerprint). The fingerprint is what keeps a run
 * from touching the source: a plan records the source's, and a target with the same one is refused.
 */
public final class TargetInspection {
    /** Tables every OutSystems 11 platform database has, and that the cleanup relies on. */
    private static final String[] PLATFORM_TABLES = {"ossys_Espace", "ossys_Parameter", "ossys_Entity"};

    private TargetInspection() {
    }

    /**
     * @param platformDatabase whether the platform tables exist in the admin schema (Oracle) or the catalog
     * @param fingerprint server, database and its creation date or identity, as one line
     */
    public record Facts(boolean platformDatabase, String fingerprint) {
    }

    /** Inspects a target session: what the run's guards, the wizard's check and {@code fingerprint} read. */
    public static Facts inspect(TargetSession session) throws SQLException {
        return inspect(session.connection(), session.dialect());
    }

    /** Inspects a connection already prepared for the dialect ({@link TargetSession} does that). */
    static Facts inspect(Connection connection, Dialect dialect) throws SQLException {
        boolean platform = true;
        for (String table : PLATFORM_TABLES) {
            platform &= CleanupStatements.tableExists(connection, dialect, table);
        }
        return new Facts(platform, fingerprint(connection));
    }

    /**
     * SQL Server: server, database and its creation date (a restore gives a new date). Oracle: the database's
     * unique name, container and schema (an import into the same database differs by schema). H2 (rehearsal):
     * the database file.
     */
    public static String fingerprint(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        // By the product the driver reports, not by the plan: a fingerprint names the database it was read from.
        for (Dbms dbms : Dbms.values()) {
            Dialect dialect = Dialect.of(dbms);
            if (dialect.isProduct(product)) {
                return dbms.cliName() + ":" + row(connection, dialect.fingerprintSql());
            }
        }
        String url = meta.getURL();
        int settings = url.indexOf(';');
        return product.toLowerCase(java.util.Locale.ROOT) + ":" + (settings < 0 ? url : url.substring(0, settings))
                + "/" + connection.getSchema();
    }

    /**
     * The fingerprint as read with {@code schema} as the current schema (Oracle's fingerprint names it), the
     * session's own schema set back after; {@code schema} null: as the session stands. A clone route logs in as
     * a Data Pump user, not as the admin user the guards read the target as, and would otherwise record a
     * fingerprint the guards never see again.
     */
    public static String fingerprintIn(Connection connection, String schema) throws SQLException {
        if (schema == null) {
            return fingerprint(connection);
        }
        String before = connection.getSchema();
        connection.setSchema(schema);
        try {
            return fingerprint(connection);
        } finally {
            connection.setSchema(before);
        }
    }

    private static String row(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            StringBuilder out = new StringBuilder();
            for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                out.append(c > 1 ? "/" : "").append(result.getString(c));
            }
            return out.toString();
        }
    }
}
