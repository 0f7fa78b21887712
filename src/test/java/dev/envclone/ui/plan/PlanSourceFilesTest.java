package dev.envclone.ui.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.clone.SourceDatabaseFiles;
import dev.envclone.db.H2Mode;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.common.Background;
import dev.envclone.ui.common.Settings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Read files from the source" on the plan page, without a window: the SQL Server source's logical files read into
 * the file fields through the engine's reader and its statement, on H2 standing in for the source (a database named
 * as the source catalog holding a {@code sys.database_files} shaped as SQL Server's, read through a server session
 * as the route opens one), and every refusal: the fields keep what they had and the page says why.
 */
class PlanSourceFilesTest {
    @TempDir
    Path folder;

    private WizardViewModel wizard;
    private PlanViewModel model;
    private final String catalog = "OS_PROD_" + UUID.randomUUID().toString().replace("-", "");

    private void open(Dbms dbms) throws Exception {
        wizard = new WizardViewModel(Background.direct(), Settings.load(folder.resolve("wizard.properties")));
        wizard.planProperty().set(new PlanBuilder(dbms).build());
        model = new PlanViewModel(wizard);
    }

    /** The stand-in: a memory database named as the catalog, kept alive by the returned connection. */
    private Connection standIn(String... rows) throws Exception {
        Connection holder = DriverManager.getConnection(H2Mode.memoryUrl(Dbms.SQLSERVER, catalog), "sa", "");
        try (Statement s = holder.createStatement()) {
            s.execute("CREATE SCHEMA sys");
            s.execute("CREATE TABLE sys.database_files (type_desc NVARCHAR(60), physical_name NVARCHAR(260), "
                    + "name NVARCHAR(128), file_id INT, type TINYINT)");
            for (String row : rows) {
                s.execute("INSERT INTO sys.database_files (file_id, name, type_desc, physical_name, type) VALUES "
                        + row);
            }
        }
        return holder;
    }

    private SourceDatabaseFiles.Server standInServer() {
        return source -> TargetSession.openServer(H2Mode.memoryUrl(Dbms.SQLSERVER, catalog), "sa", new char[0]);
    }

    private static final String ROWS = "(1, 'PROD_Data', 'ROWS', 'D:\\PROD.mdf', 0), "
            + "(3, 'PROD_Data2', 'ROWS', 'E:\\PROD2.ndf', 0), (2, 'PROD_Log', 'LOG', 'L:\\PROD.ldf', 1)";

    private void sqlServerSource() {
        model.sourceUrlProperty().set("jdbc:sqlserver://prod01:1433;databaseName=" + catalog);
        model.sourceUserProperty().set("envclone");
    }

    @Test
    void theFilesReadFromTheSourceFillTheFieldAndAreThePlans() throws Exception {
        open(Dbms.SQLSERVER);
        sqlServerSource();
        model.textProperty(PlanField.SOURCE_CATALOG).set(catalog);
        assertTrue(model.canReadFilesProperty().get());
        try (Connection holder = standIn(ROWS)) {
            model.readFilesFromSource(standInServer());
        }
        assertTrue(model.sourceFilesOkProperty().get(), model.sourceFilesResultProperty().get());
        assertEquals("PROD_Data:D,PROD_Log:L,PROD_Data2:D", model.textProperty(PlanField.FILES).get());
        assertEquals("Read from the source: " + catalog + " PROD_Data:D,PROD_Log:L,PROD_Data2:D.",
                model.sourceFilesResultProperty().get());
        assertEquals("", model.messageProperty(PlanField.FILES).get());
        assertEquals(3, model.buildPlan().sqlServer().platform().files().size());
    }

    @Test
    void aLogCatalogGetsItsOwnFilesRead() throws Exception {
        open(Dbms.SQLSERVER);
        sqlServerSource();
        model.textProperty(PlanField.SOURCE_CATALOG).set(catalog);
        // H2 reads only its own catalog in a three-part name: the log catalog here is the same stand-in, which is
        // enough to show the log field is filled from its own read (the plan's rules would refuse the pair).
        model.textProperty(PlanField.SOURCE_LOG_CATALOG).set(catalog);
        try (Connection holder = standIn(ROWS)) {
            model.readFilesFromSource(standInServer());
        }
        assertEquals("PROD_Data:D,PROD_Log:L,PROD_Data2:D", model.textProperty(PlanField.LOG_FILES).get());
        assertTrue(model.sourceFilesResultProperty().get().contains("; " + catalog + " PROD_Data:D"));
    }

    @Test
    void aFilestreamCatalogIsRefusedAndTheFieldKeepsItsFiles() throws Exception {
        open(Dbms.SQLSERVER);
        sqlServerSource();
        model.textProperty(PlanField.SOURCE_CATALOG).set(catalog);
        String before = model.textProperty(PlanField.FILES).get();
        try (Connection holder = standIn(ROWS, "(65537, 'PROD_fs', 'FILESTREAM', 'D:\\fs', 2)")) {
            model.readFilesFromSource(standInServer());
        }
        assertFalse(model.sourceFilesOkProperty().get());
        assertEquals(before, model.textProperty(PlanField.FILES).get());
        assertTrue(model.sourceFilesResultProperty().get().startsWith("The source catalog " + catalog + " holds "
                + "PROD_fs (FILESTREAM)"), model.sourceFilesResultProperty().get());
        assertTrue(model.canReadFilesProperty().get(), "the button is usable again");
    }

    @Test
    void aBadNameReadIsRefusedAndNothingIsFilled() throws Exception {
        open(Dbms.SQLSERVER);
        sqlServerSource();
        model.textProperty(PlanField.SOURCE_CATALOG).set(catalog);
        String before = model.textProperty(PlanField.FILES).get();
        try (Connection holder = standIn(ROWS, "(4, 'PROD]Data3', 'ROWS', 'E:\\3.ndf', 0)")) {
            model.readFilesFromSource(standInServer());
        }
        assertEquals(before, model.textProperty(PlanField.FILES).get());
        assertTrue(model.sourceFilesResultProperty().get().contains("logical file name 'PROD]Data3' contains a "
                + "bracket"), model.sourceFilesResultProperty().get());
    }

    @Test
    void aSecondCatalogThatCannotBeReadLeavesBothFieldsAsTheyWere() throws Exception {
        open(Dbms.SQLSERVER);
        sqlServerSource();
        model.textProperty(PlanField.SOURCE_CATALOG).set(catalog);
        model.textProperty(PlanField.SOURCE_LOG_CATALOG).set("OS_LOG");
        String files = model.textProperty(PlanField.FILES).get();
        String logFiles = model.textProperty(PlanField.LOG_FILES).get();
        try (Connection holder = standIn(ROWS)) {
            model.readFilesFromSource(standInServer());
        }
        assertEquals(files, model.textProperty(PlanField.FILES).get(), "the first catalog's read is not used alone");
        assertEquals(logFiles, model.textProperty(PlanField.LOG_FILES).get());
        assertTrue(model.sourceFilesResultProperty().get().startsWith("The source could not be read: "),
                model.sourceFilesResultProperty().get());
    }

    @Test
    void anH2SandboxSourceNeedsNoLogicalNamesAndNothingIsRead() throws Exception {
        open(Dbms.SQLSERVER);
        String before = model.textProperty(PlanField.FILES).get();
        try (Connection holder = standIn(ROWS)) {
            model.sourceUrlProperty().set(H2Mode.memoryUrl(Dbms.SQLSERVER, catalog));
            assertEquals("", model.sourceUrlMessageProperty().get());
            model.readFilesFromSource();
        }
        assertTrue(model.sourceFilesResultProperty().get().startsWith("The source is an H2 sandbox: the "
                + "rehearsal's copy takes its database file whole and needs no logical file names."),
                model.sourceFilesResultProperty().get());
        assertEquals(before, model.textProperty(PlanField.FILES).get());
    }

    @Test
    void anUnreachableSqlServerSourceSaysSoWithoutThePassword() throws Exception {
        open(Dbms.SQLSERVER);
        model.sourceUrlProperty().set("jdbc:sqlserver://127.0.0.1:1;databaseName=OUTSYSTEMS;loginTimeout=2");
        model.sourceUserProperty().set("envclone");
        model.sourcePasswordProperty().set("s3cret-Pw");
        String before = model.textProperty(PlanField.FILES).get();
        model.readFilesFromSource();
        String said = model.sourceFilesResultProperty().get();
        assertTrue(said.startsWith("The source could not be read: "), said);
        assertTrue(said.endsWith("Check the source's URL, user and password, or type the files."), said);
        assertFalse(said.contains("s3cret"), said);
        assertFalse(said.contains(".."), said);
        assertEquals(before, model.textProperty(PlanField.FILES).get());
    }

    @Test
    void theButtonAppliesOnlyToASqlServerPlanWithASource() throws Exception {
        open(Dbms.SQLSERVER);
        assertFalse(model.canReadFilesProperty().get(), "no source yet");
        model.readFilesFromSource();
        assertEquals("Give the source's JDBC URL first (Source connection, below), or type the files.",
                model.sourceFilesResultProperty().get());
        sqlServerSource();
        assertTrue(model.canReadFilesProperty().get());
        model.dbmsProperty().set(Dbms.ORACLE);
        assertFalse(model.canReadFilesProperty().get(), "an Oracle plan has no logical files");
    }

    @Test
    void aBadSourceCatalogIsNamedBeforeAnythingIsRead() throws Exception {
        open(Dbms.SQLSERVER);
        sqlServerSource();
        model.textProperty(PlanField.SOURCE_CATALOG).set("OS]PROD");
        model.readFilesFromSource(source -> {
            throw new AssertionError("nothing may be opened");
        });
        assertTrue(model.sourceFilesResultProperty().get().startsWith("Correct the source catalog first: source "
                + "catalog 'OS]PROD'"), model.sourceFilesResultProperty().get());
    }
}
