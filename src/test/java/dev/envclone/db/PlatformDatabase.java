package dev.envclone.db;

import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A fresh in-memory H2 database holding the platform schema of {@code platform-schema-<dbms>.sql}, for one test.
 *
 * <p>On Oracle the tables belong to schema OSADMIN while new sessions start in PUBLIC, as a login user other than
 * the admin user would on Oracle, so a statement reaches the tables only after {@link
 * TargetSession#prepare}. The fixture's own connection (seeding and reading rows) works in the admin
 * schema and stays open, which keeps the in-memory database alive.
 */
final class PlatformDatabase implements AutoCloseable {
    static final String ADMIN_USER = "OSADMIN";

    private final Dbms dbms;
    private final String url;
    private final Connection admin;

    private PlatformDatabase(Dbms dbms) throws SQLException {
        this.dbms = dbms;
        this.url = H2Mode.memoryUrl(dbms, "platform_" + UUID.randomUUID().toString().replace("-", ""));
        this.admin = DriverManager.getConnection(url, "sa", "");
        if (dbms == Dbms.ORACLE) {
            execute("CREATE SCHEMA " + ADMIN_USER);
            admin.setSchema(ADMIN_USER);
        }
        for (String ddl : schemaStatements(dbms)) {
            execute(ddl);
        }
    }

    static PlatformDatabase create(Dbms dbms) throws SQLException {
        return new PlatformDatabase(dbms);
    }

    Dbms dbms() {
        return dbms;
    }

    Dialect dialect() {
        return Dialect.of(dbms);
    }

    /** A new session as envclone gets one: default schema, autocommit on. */
    Connection openSession() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    /** The statements of the main resource, split as its header promises: on ';' at the end of a line. */
    static List<String> schemaStatements(Dbms dbms) {
        String resource = "/dev/envclone/sandbox/platform-schema-" + dbms.cliName() + ".sql";
        try (InputStream in = PlatformDatabase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"));
            List<String> statements = new ArrayList<>();
            for (String part : text.split(";\\s*(\n|$)")) {
                if (!part.isBlank()) {
                    statements.add(part.strip());
                }
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs statements in the admin schema, committed at once. */
    void execute(String... sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            for (String one : sql) {
                statement.execute(one);
            }
        }
    }

    /** Inserts one row; {@code tableAndColumns} is e.g. {@code "ossys_Parameter (ID, NAME, VAL)"}. */
    void insert(String tableAndColumns, Object... values) throws SQLException {
        execute("insert into " + tableAndColumns + " values ("
                + java.util.Arrays.stream(values).map(PlatformDatabase::literal).collect(Collectors.joining(", "))
                + ")");
    }

    /** The rows of a table in the admin schema, each rendered by {@link #render}, ordered by its first column. */
    List<String> rows(String table, String columns) throws SQLException {
        return query(admin, "select " + columns + " from " + table + " order by 1");
    }

    long count(String table) throws SQLException {
        try (Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every row of a query, one string per row: {@code 1, 'text', NULL}. */
    static List<String> query(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    cells.add(render(rs.getObject(i)));
                }
                rows.add(String.join(", ", cells));
            }
        }
        return rows;
    }

    /**
     * One value as it reads in an assertion. Strings are quoted so that '' and ' ' and NULL differ; BIT (H2's
     * BOOLEAN in SQL Server mode) and NUMBER (BigDecimal in Oracle mode) both read as plain integers, so one
     * expectation serves both modes.
     */
    static String render(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean flag) {
            return flag ? "1" : "0";
        }
        if (value instanceof Number number) {
            return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return "'" + value + "'";
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    @Override
    public void close() throws SQLException {
        admin.close();
    }
}
