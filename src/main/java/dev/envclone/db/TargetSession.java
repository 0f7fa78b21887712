package dev.envclone.db;

import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import dev.envclone.sql.SessionSetup;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One session on a target database, opened and prepared the same way for every caller: a run (CLI and wizard), the
 * wizard's connection check, {@code envclone fingerprint} and the sandbox helpers. It applies the dialect's
 * {@link SessionSetup} (Oracle: the admin schema and the document's NLS settings), holds autocommit off so that
 * every step is one transaction, and on close rolls back what is still open and gives the connection back as it
 * found it (autocommit, read-only) before closing it.
 *
 * <p>The user interface and the CLI hold a session but never its {@link Connection}: they name no {@code java.sql}
 * type (ArchitectureTest).
 */
public final class TargetSession implements AutoCloseable {
    private final Connection connection;
    private final Dialect dialect;
    private final boolean autoCommitFound;
    private final Setup setup;
    private Boolean readOnlyFound;

    /**
     * What the setup did on this session.
     *
     * @param schema the current schema read back from the session after the setup (null where the driver has none)
     * @param ran the setup statements the DBMS ran, in order
     * @param leftOut the setup statements left out because the database is H2 standing in for the DBMS, which has
     *     no such settings (its URL's IGNORECASE imitates them, {@link H2Mode})
     */
    public record Setup(String schema, List<String> ran, List<String> leftOut) {
        public Setup {
            ran = List.copyOf(ran);
            leftOut = List.copyOf(leftOut);
        }

        /** One line for a log or a test's message. */
        public String describe() {
            return "schema " + schema + "; ran " + ran + "; left out on H2 " + leftOut;
        }
    }

    private TargetSession(Connection connection, Dialect dialect, String adminSchema, boolean autoCommit)
            throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.autoCommitFound = connection.getAutoCommit();
        connection.setAutoCommit(autoCommit);
        this.setup = prepare(connection, dialect, adminSchema);
    }

    /**
     * Connects to a target given as a JDBC URL ({@link JdbcUrlTarget}: the URL is used as given, an H2 URL reaches
     * the sandbox) and prepares the session for {@code dbms}.
     *
     * @param adminSchema the platform admin user (the Oracle schema of the platform's tables), checked by its name
     *     rule; null where none is known (the session then keeps the login's schema)
     * @throws SQLException a failure to connect in plain words where {@link DriverErrors} knows it; nothing is
     *     left open
     */
    public static TargetSession open(String url, String user, char[] password, Dbms dbms, String adminSchema)
            throws SQLException {
        Dialect dialect = Dialect.of(Objects.requireNonNull(dbms, "dbms"));
        return on(JdbcUrlTarget.connect(url, user, password), dialect, adminSchema);
    }

    /**
     * A session for server-level work on SQL Server, which cannot run inside a transaction (BACKUP, RESTORE, ALTER
     * DATABASE): the server the URL names, in its {@code master} database (the catalog the URL names may not exist
     * yet: the restore creates it), with autocommit on. mssql-jdbc takes the last of two equal properties, so
     * {@code ;databaseName=master} is appended to the URL as given. An H2 URL (the rehearsal and the tests) is
     * used as it is. Oracle has no such session: its clone runs as PL/SQL jobs in an ordinary session.
     *
     * @throws IllegalArgumentException for an Oracle URL, or a URL that breaks the rules of {@link TargetUrl}
     */
    public static TargetSession openServer(String url, String user, char[] password) throws SQLException {
        TargetUrl target = TargetUrl.parse("server URL", url, "give the password on its own, never in the URL");
        String serverUrl = switch (target.driver()) {
            case SQLSERVER -> url.replaceFirst(";+$", "") + ";databaseName=master";
            case H2 -> url;
            case ORACLE -> throw new IllegalArgumentException("server URL: a server-level session is for SQL "
                    + "Server; an Oracle clone runs in an ordinary session.");
        };
        return on(JdbcUrlTarget.connect(serverUrl, user, password), Dialect.of(Dbms.SQLSERVER), null, true);
    }

    /**
     * The sandbox clone's source: the H2 file database {@code mvDbFile} ({@code NAME.mv.db}), opened read-only
     * ({@code ACCESS_MODE_DATA=r}: H2 opens the file for reading only, so nothing of the source can change) without a
     * trace file ({@code TRACE_LEVEL_FILE=0}: nothing is written beside it either), and never created
     * ({@code IFEXISTS=TRUE}). Prepared for {@code dbms} as {@link #open} prepares a target, so that its fingerprint
     * reads as a target's would.
     */
    public static TargetSession openSandboxSource(Path mvDbFile, String user, char[] password, Dbms dbms,
                                                  String adminSchema) throws SQLException {
        Dialect dialect = Dialect.of(Objects.requireNonNull(dbms, "dbms"));
        String name = mvDbFile.toAbsolutePath().normalize().toString();
        if (!name.endsWith(".mv.db") || name.indexOf(';') >= 0) {
            throw new IllegalArgumentException("not an H2 database file: " + name);
        }
        String url = "jdbc:h2:file:" + name.substring(0, name.length() - ".mv.db".length())
                // The mode settings as the sandbox's own URL has them: H2 keeps the first connection's settings for
                // the database in this process, and a later connection to the same file must see the same names.
                + ";" + H2Mode.settings(dbms) + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0";
        Connection connection = DriverManager.getConnection(url, user == null ? "sa" : user,
                new String(password == null ? new char[0] : password));
        return on(connection, dialect, adminSchema);
    }

    /**
     * Takes over a connection opened elsewhere (a test's fixture) and prepares it as {@link #open} does; closing
     * the session closes it.
     */
    public static TargetSession on(Connection connection, Dialect dialect, String adminSchema) throws SQLException {
        return on(connection, dialect, adminSchema, false);
    }

    private static TargetSession on(Connection connection, Dialect dialect, String adminSchema, boolean autoCommit)
            throws SQLException {
        try {
            return new TargetSession(connection, dialect, adminSchema, autoCommit);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Applies the dialect's session setup to a connection: the statements first (only on the DBMS itself, see
     * {@link Dialect#isProduct}), then the schema, which {@link Connection#setSchema} sets on every driver envclone
     * uses (ojdbc issues {@code ALTER SESSION SET CURRENT_SCHEMA}, which H2 lacks).
     */
    static Setup prepare(Connection connection, Dialect dialect, String adminSchema) throws SQLException {
        SessionSetup wanted = dialect.sessionSetup(adminSchema);
        boolean dbmsItself = dialect.isProduct(connection.getMetaData().getDatabaseProductName());
        List<String> ran = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (String sql : wanted.statements()) {
            if (dbmsItself) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
                ran.add(sql);
            } else {
                leftOut.add(sql);
            }
        }
        if (wanted.schema() != null) {
            connection.setSchema(wanted.schema());
        }
        return new Setup(connection.getSchema(), ran, leftOut);
    }

    /**
     * Only the engine works on the connection itself; its autocommit is off and stays so until {@link #close}
     * (on from {@link #openServer}, for the statements that cannot run in a transaction).
     */
    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** What the session setup did. */
    public Setup setup() {
        return setup;
    }

    /** Ends the open transaction, keeping nothing of it. */
    public void rollback() throws SQLException {
        connection.rollback();
    }

    /** Tells the driver that this session only reads (fingerprint, connection check); {@link #close} undoes it. */
    public void readOnly() throws SQLException {
        if (readOnlyFound == null) {
            readOnlyFound = connection.isReadOnly();
        }
        connection.setReadOnly(true);
    }

    /**
     * Whether a failure came from the database or its driver: the connection may then be unusable, and the faces,
     * which name no {@code java.sql} type, say so in their own words.
     */
    public static boolean fromDatabase(Throwable failure) {
        return failure instanceof SQLException;
    }

    /**
     * Rolls back whatever is still open, restores autocommit (after the rollback: switching it on would commit)
     * and read-only as found, and closes the connection. Every step is attempted; the first failure is thrown.
     */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        try {
            if (!connection.isClosed()) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                if (readOnlyFound != null) {
                    connection.setReadOnly(readOnlyFound);
                }
                connection.setAutoCommit(autoCommitFound);
            }
        } catch (SQLException e) {
            failure = e;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
