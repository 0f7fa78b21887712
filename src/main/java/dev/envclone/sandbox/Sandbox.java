package dev.envclone.sandbox;

import dev.envclone.db.H2Mode;
import dev.envclone.files.FileWriteException;
import dev.envclone.files.OwnerOnly;
import dev.envclone.sql.Dbms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The rehearsal database: an H2 file shaped like a platform database freshly restored from production, with rows
 * for every cleanup step, so that the whole procedure can be rehearsed before the window. User {@code sa}, empty
 * password, so that any H2 client can open it too. On Oracle the platform tables belong to schema OSADMIN, as
 * after an import with the default names. On SQL Server it also holds stand-ins for the users a restore brings
 * (OSADMIN, OSRUNTIME, OSLOG, each owning an empty schema of its name: {@link StandInUsers}), which the
 * security-context step drops.
 */
public final class Sandbox {
    /** The Oracle schema that owns the sandbox's platform tables: the default admin user. */
    public static final String ORACLE_SCHEMA = "OSADMIN";

    private Sandbox() {
    }

    /**
     * The JDBC URL of a sandbox at {@code path} (the H2 file is {@code path}.mv.db). WRITE_DELAY=0: H2 otherwise
     * writes a commit to its file up to half a second later, and a killed process would lose a step the journal
     * already records as committed; a real DBMS's commit is durable, so the rehearsal's must be too.
     */
    public static String url(Dbms dbms, Path path) {
        checkPath("sandbox path", path);
        return "jdbc:h2:file:" + path.toAbsolutePath().normalize() + ";" + H2Mode.settings(dbms) + ";WRITE_DELAY=0";
    }

    /**
     * Creates a sandbox and returns its JDBC URL. Refuses a path where a database already is: a sandbox is never
     * created over anything.
     */
    public static String create(Dbms dbms, Path path, SandboxSize size) throws SQLException, IOException {
        checkPath("sandbox path", path);
        Path file = Path.of(path.toAbsolutePath().normalize() + ".mv.db");
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " already exists: give another --db path, or delete that "
                    + "file if it is an old sandbox");
        }
        Path trace = Path.of(path.toAbsolutePath().normalize() + ".trace.db");
        boolean traced = Files.exists(trace);
        // An empty file, owner-only from its creation (missing folders above it too): H2 starts a new database in
        // it and keeps its permissions. CREATE_NEW: never over a file that appeared meanwhile.
        try (FileChannel empty = OwnerOnly.createNew(file, "sandbox database")) {
            empty.force(true);
        }
        String url = url(dbms, path);
        // No trace file while it is made: a failure (disk full) would leave one behind, readable by others.
        try (Connection connection = DriverManager.getConnection(url + ";TRACE_LEVEL_FILE=0", "sa", "")) {
            connection.setAutoCommit(false);
            // Where a restore leaves the platform's tables: SQL Server dbo (H2's default schema stands in), Oracle
            // the admin user's own schema, which a session reaches only after its setup sets it.
            String platformSchema = switch (dbms) {
                case SQLSERVER -> null;
                case ORACLE -> ORACLE_SCHEMA;
            };
            if (platformSchema != null) {
                execute(connection, "CREATE SCHEMA " + platformSchema);
                connection.setSchema(platformSchema);
            }
            for (String ddl : schema(dbms)) {
                execute(connection, ddl);
            }
            new SandboxRows(connection, size).insertAll();
            StandInUsers.create(connection, dbms);
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            // Half a sandbox is no rehearsal: remove it (and H2's note of the failure), so that the same command
            // can run again.
            for (Path made : traced ? List.of(file) : List.of(file, trace)) {
                try {
                    Files.deleteIfExists(made);
                } catch (IOException removal) {
                    e.addSuppressed(removal);
                }
            }
            IOException cause = ioCause(e);
            if (e instanceof SQLException && cause != null) {
                // Disk full, say: H2's message names the file but not why.
                throw new FileWriteException(file, "write sandbox database", cause);
            }
            throw e;
        }
        // In case H2 wrote the file anew while closing it.
        OwnerOnly.tighten(file, "sandbox database");
        return url;
    }

    /**
     * A sandbox path is a plain path: it goes into the JDBC URL, where a {@code ;} would start H2 settings such as
     * {@code INIT=RUNSCRIPT FROM '...'}, which H2 runs when it opens the database.
     *
     * @param field the option or field named in the message, e.g. {@code --db}
     * @throws IllegalArgumentException naming the field and the rule; nothing is created
     */
    public static Path checkPath(String field, Path path) {
        String text = path == null ? "" : path.toString();
        if (text.isBlank()) {
            throw new IllegalArgumentException(field + " is empty: give the path of the database file, without "
                    + ".mv.db");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new IllegalArgumentException(field + " holds a line break or control character: give a plain "
                        + "path");
            }
        }
        if (text.indexOf(';') >= 0) {
            throw new IllegalArgumentException(field + " " + text.substring(0, text.indexOf(';')) + ";...: a sandbox "
                    + "path holds no ';' (H2 URL settings are not taken here): give a plain path such as "
                    + "runs/rehearsal");
        }
        return path;
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** The platform tables' DDL, one statement per ';'-terminated group of the resource file. */
    static List<String> schema(Dbms dbms) throws IOException {
        String resource = "platform-schema-" + dbms.cliName() + ".sql";
        try (InputStream in = Sandbox.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is missing from envclone's jar");
            }
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.strip().startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    String statement = current.toString().strip();
                    statements.add(statement.substring(0, statement.length() - 1));
                    current.setLength(0);
                }
            }
            return statements;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
