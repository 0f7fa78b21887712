package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.CancelToken;
import dev.envclone.db.H2Mode;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.DatabaseFile;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.InvalidNameException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A source catalog's logical files read with the very statement sent to SQL Server (pinned in
 * {@code golden/clone-sqlserver/source-database-files.sql}), run on H2 in its SQL Server mode against a
 * {@code sys.database_files} of the catalog's own name, shaped as Microsoft Learn documents it (the columns in
 * another order, columns the reader does not use), through a server session opened as the route opens one.
 */
class SourceDatabaseFilesTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "clone-sqlserver",
            "source-database-files.sql");

    /**
     * A database named as the source catalog, holding sys.database_files with these rows, made on a connection
     * of its own (the route's sessions never create a database) that keeps it alive until closed.
     */
    static Connection source(String catalog, String... rows) throws Exception {
        // H2 names a memory database's catalog by its name, so the three-part name reaches it.
        Connection holder = DriverManager.getConnection(H2Mode.memoryUrl(Dbms.SQLSERVER, catalog), "sa", "");
        try (Statement s = holder.createStatement()) {
            s.execute("CREATE SCHEMA sys");
            s.execute("CREATE TABLE sys.database_files (physical_name NVARCHAR(260), type_desc NVARCHAR(60), "
                    + "file_id INT, state_desc NVARCHAR(60), name NVARCHAR(128), type TINYINT, size INT)");
            for (String row : rows) {
                s.execute("INSERT INTO sys.database_files (file_id, name, type_desc, type, physical_name, "
                        + "state_desc, size) VALUES " + row);
            }
        }
        return holder;
    }

    static final String DATA = "(1, 'OUTSYSTEMS', 'ROWS', 0, 'D:\\Data\\OUTSYSTEMS.mdf', 'ONLINE', 1024)";
    static final String LOG = "(2, 'OUTSYSTEMS_log', 'LOG', 1, 'L:\\Log\\OUTSYSTEMS_log.ldf', 'ONLINE', 128)";

    /** Unique per test: another test class of this JVM may open a memory database too. */
    private final String catalog = "OUTSYSTEMS_" + UUID.randomUUID().toString().replace("-", "");

    private List<DatabaseFile> read(String... rows) throws Exception {
        try (Connection holder = source(catalog, rows);
                TargetSession session = TargetSession.openServer(H2Mode.memoryUrl(Dbms.SQLSERVER, catalog), "sa",
                        new char[0])) {
            return SourceDatabaseFiles.read(session, catalog, "logical file name", new CancelToken());
        }
    }

    private CloneFailedException refusal(String... rows) {
        CloneFailedException refused = assertThrows(CloneFailedException.class, () -> read(rows));
        assertEquals("nothing was changed", refused.left());
        assertTrue(refused.getMessage().endsWith("No file names were read into the plan."), refused.getMessage());
        return refused;
    }

    @Test
    void theStatementIsTheGoldenOne() throws Exception {
        String text = "-- the wizard's Read files from the source, per source catalog (server session, master)\n"
                + SourceDatabaseFiles.sql("OUTSYSTEMS") + ";\n" + SourceDatabaseFiles.sql("OS_PROD_LOG") + ";\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, text, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), text);
    }

    @Test
    void rowsAndLogAreReadByFileIdAsThePlanNamesThem() throws Exception {
        assertEquals(List.of(new DatabaseFile("OUTSYSTEMS", false), new DatabaseFile("OUTSYSTEMS_log", true),
                new DatabaseFile("OS_Data2", false)), read(LOG, DATA,
                "(3, 'OS_Data2', 'rows', 0, 'E:\\x.ndf', 'ONLINE', 8)"));
    }

    @Test
    void aFilestreamContainerIsRefusedAsUnmovable() {
        String message = refusal(DATA, LOG, "(65537, 'OUTSYSTEMS_fs', 'FILESTREAM', 2, 'D:\\fs', 'ONLINE', 0)")
                .getMessage();
        assertTrue(message.contains("holds OUTSYSTEMS_fs (FILESTREAM)"), message);
        assertTrue(message.contains("the plan cannot move"), message);
    }

    @Test
    void anOldFullTextCatalogIsRefusedToo() {
        assertTrue(refusal(DATA, LOG, "(3, 'ftcat', 'FULLTEXT', 4, 'D:\\ft', 'ONLINE', 0)").getMessage()
                .contains("ftcat (FULLTEXT)"));
    }

    @Test
    void aNameThePlanCouldNotTypeIsRefusedNamingIt() {
        String message = refusal(DATA, LOG, "(3, 'OS Data;2', 'ROWS', 0, 'E:\\x.ndf', 'ONLINE', 8)").getMessage();
        assertTrue(message.contains("logical file name 'OS Data;2'"), message);
    }

    @Test
    void aCatalogWithoutALogFileIsRefused() {
        assertTrue(refusal(DATA).getMessage().contains("lists only OUTSYSTEMS:D"));
        assertTrue(refusal().getMessage().contains("lists no files"));
    }

    @Test
    void aResultWithoutTheDocumentedColumnsIsRefusedNamingThem() {
        CloneFailedException refused = assertThrows(CloneFailedException.class, () -> H2Rows.query(
                H2Rows.values("name, type", "('OUTSYSTEMS', 0)"),
                rows -> SourceDatabaseFiles.read(rows, "OUTSYSTEMS", "logical file name")));
        assertTrue(refused.getMessage().startsWith("sys.database_files returned no column type_desc"),
                refused.getMessage());
    }

    @Test
    void aCancelledReadOpensNothing() {
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        assertThrows(CancelToken.CancelledException.class, () -> SourceDatabaseFiles.read(source -> {
            throw new AssertionError("nothing may be opened");
        }, new CloneRoutes.Source("jdbc:sqlserver://prod01", "envclone", new char[0]), catalog, null, cancel));
    }

    @Test
    void aBadCatalogNameIsNeverSpliced() {
        assertThrows(InvalidNameException.class, () -> SourceDatabaseFiles.sql("OUTSYSTEMS]; DROP TABLE x; --"));
    }
}
