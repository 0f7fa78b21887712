package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import dev.envclone.db.CancelToken.CancelledException;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.DatabaseFile;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import dev.envclone.sql.InvalidNameException;
import dev.envclone.sql.NameRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The logical files of a source catalog, read from the catalog itself for the plan (the wizard's "Read files from
 * the source"): before the backup exists, RESTORE FILELISTONLY has nothing to list, but a full backup holds
 * exactly the files the database has, under the same logical names. The restore action still compares
 * FILELISTONLY with the plan once the backup exists ({@link BackupFileList#check}), so the names read here and the
 * backup's agree by construction, and a file added between the two is refused there, before any RESTORE.
 *
 * <p>The statement ({@link #sql}) was checked against Microsoft Learn, "sys.database_files (Transact-SQL)": a row
 * per file of a database as stored in the database itself; {@code name} is the logical name (sysname),
 * {@code type_desc} is ROWS (also full-text catalogs created since SQL Server 2008), LOG, FILESTREAM or FULLTEXT
 * (older full-text catalogs); {@code file_id} orders them as FILELISTONLY's FileId does. Its rows are visible to
 * every user of the database (the public role; "Metadata Visibility Configuration": files and filegroups have no
 * permissions of their own), which the backup login is anyway (db_owner, db_backupoperator or sysadmin);
 * {@code sys.master_files WHERE database_id = DB_ID(?)} was not chosen because its rows need CREATE DATABASE, ALTER
 * ANY DATABASE or VIEW ANY DEFINITION, more than a backup operator has. A login that is no user of the catalog
 * gets the server's error (the statement fails), and one that sees no rows gets "lists no files".
 * The catalog, which has passed its name rule, is bracket-quoted into a three-part name, so the session may stay
 * in master (the server session of {@link SqlServerLogin#server()}).
 */
public final class SourceDatabaseFiles {
    static final String WHAT = "sys.database_files";
    private static final Dialect SQL = Dialect.of(Dbms.SQLSERVER);

    /** Opens the server session the files are read on: {@link #ROUTE}, or a test's stand-in for a SQL Server. */
    @FunctionalInterface
    public interface Server {
        TargetSession open(CloneRoutes.Source source) throws SQLException;
    }

    /** The route's own session: the source server in master, the password given apart from the URL. */
    public static final Server ROUTE = source -> TargetSession.openServer(source.url(), source.user(),
            source.password());

    /** The files of the source catalog and of the separate log catalog (null without one). */
    public record Catalogs(List<DatabaseFile> platform, List<DatabaseFile> log) {
    }

    private SourceDatabaseFiles() {
    }

    /**
     * Both catalogs' files on one session; either refused, neither is returned (the plan gets both or none).
     *
     * @param logCatalog null when the log lives in the platform catalog
     */
    public static Catalogs read(Server server, CloneRoutes.Source source, String catalog, String logCatalog,
                                CancelToken cancel) throws SQLException, CloneFailedException, CancelledException {
        cancel.check();
        try (TargetSession session = server.open(source)) {
            List<DatabaseFile> platform = read(session, catalog, "logical file name", cancel);
            return new Catalogs(platform, logCatalog == null ? null
                    : read(session, logCatalog, "log logical file name", cancel));
        }
    }

    /** The statement for one catalog; the catalog must pass the SQL Server identifier rule. */
    static String sql(String catalog) {
        String checked = NameRule.SQLSERVER_IDENTIFIER.check("source catalog", catalog);
        return "SELECT name, type_desc FROM " + SQL.quote(checked) + ".sys.database_files ORDER BY file_id";
    }

    /**
     * Reads the catalog's files as the plan names them: ROWS as {@code NAME:D}, LOG as {@code NAME:L}.
     *
     * @param field the plan's field for the message: "logical file name" or "log logical file name"
     * @throws CloneFailedException a file the plan cannot move (FILESTREAM, FULLTEXT), a name the plan's rule
     *     refuses, no data or no log file, or a result without the documented columns; nothing is used
     */
    public static List<DatabaseFile> read(TargetSession session, String catalog, String field, CancelToken cancel)
            throws SQLException, CloneFailedException, CancelledException {
        String sql = sql(catalog);
        cancel.check();
        try (Statement statement = session.connection().createStatement()) {
            // A source catalog being recovered or locked can hold the read: Cancel reaches the statement.
            cancel.running(statement);
            try (ResultSet rows = statement.executeQuery(sql)) {
                return read(rows, catalog, field);
            } catch (SQLException e) {
                cancel.check();
                throw e;
            } finally {
                cancel.running(null);
            }
        }
    }

    static List<DatabaseFile> read(ResultSet rows, String catalog, String field)
            throws SQLException, CloneFailedException {
        ResultColumns columns = ResultColumns.require(rows, WHAT, "name", "type_desc");
        List<DatabaseFile> files = new ArrayList<>();
        List<String> unmovable = new ArrayList<>();
        List<String> badNames = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (columns.next()) {
            String name = columns.text("name");
            String type = columns.text("type_desc") == null ? "?"
                    : columns.text("type_desc").strip().toUpperCase(Locale.ROOT);
            try {
                // The plan's own rule for a typed logical name (PlanValidator): a name read is used only if it could
                // have been typed.
                NameRule.SQLSERVER_IDENTIFIER.check(field, name);
            } catch (InvalidNameException e) {
                badNames.add(e.getMessage());
                continue;
            }
            switch (type) {
                case "ROWS" -> files.add(new DatabaseFile(name, false));
                case "LOG" -> files.add(new DatabaseFile(name, true));
                default -> unmovable.add(name + " (" + type + ")");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                badNames.add(field + " '" + name + "' is listed twice");
            }
        }
        if (!unmovable.isEmpty()) {
            throw new CloneFailedException("The source catalog " + catalog + " holds " + String.join(", ", unmovable)
                    + " (full-text or FILESTREAM files), which the plan cannot move: restore it by hand with "
                    + "restore-on-target.sql edited for them. No file names were read into the plan.",
                    "nothing was changed");
        }
        if (!badNames.isEmpty()) {
            throw new CloneFailedException("The source catalog " + catalog + " has logical file names the plan "
                    + "cannot use: " + String.join("; ", badNames) + ". Restore it by hand with "
                    + "restore-on-target.sql edited for them. No file names were read into the plan.",
                    "nothing was changed");
        }
        if (files.stream().noneMatch(f -> !f.log()) || files.stream().noneMatch(DatabaseFile::log)) {
            throw new CloneFailedException("The source catalog " + catalog + " lists "
                    + (files.isEmpty() ? "no files" : "only " + String.join(",", files.stream()
                    .map(DatabaseFile::toString).toList())) + " in " + WHAT + ": the plan needs a data file and a "
                    + "log file. Check that the source URL's login may read " + catalog + " (a user of it). No file "
                    + "names were read into the plan.", "nothing was changed");
        }
        return files;
    }
}
