package dev.envclone.ui.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.DatabaseFile;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.PlanJson;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Remap;
import dev.envclone.procedure.SshSettings;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The clone's settings on the plan page (issue 12): each a field with the engine's rule, each in the run's plan. */
class PlanCloneFieldsTest {
    /** The page's own mnemonics besides the fields': Next, Back, Continue later, Test connection, URL, password... */
    private static final List<String> PAGE_LABELS = List.of("_Next", "_Back", "Continue _later", "Test c_onnection",
            "JDBC _URL", "Pass_word", "Run _folder", "_DBMS", "Install _path", "Source _JDBC URL (optional)",
            dev.envclone.ui.common.TextSize.LABEL);

    @TempDir
    Path folder;

    private WizardFixture fixture;
    private PlanViewModel model;

    private void open(Dbms dbms) throws Exception {
        fixture = WizardFixture.planned(dbms, folder, Background.direct());
        model = new PlanViewModel(fixture.wizard);
    }

    private MigrationPlan written() throws Exception {
        return PlanJson.read(folder.resolve("run").resolve("plan.json"));
    }

    @Test
    void theSqlServerFoldersFilesAndLogCatalogTypedAreTheRunsPlanAndItsStepText() throws Exception {
        open(Dbms.SQLSERVER);
        model.textProperty(PlanField.BACKUP_FOLDER).set("\\\\backup01\\sql");
        model.textProperty(PlanField.DATA_FOLDER).set("E:\\Data");
        model.textProperty(PlanField.LOG_FOLDER).set("F:\\Log");
        model.textProperty(PlanField.FILES).set("OUTSYSTEMS_Data:D, OUTSYSTEMS_Data2:D, OUTSYSTEMS_Log:L");
        model.textProperty(PlanField.SOURCE_LOG_CATALOG).set("OS_LOG");
        model.textProperty(PlanField.LOG_CATALOG).set("OS_LOG_QA");

        assertTrue(model.accept(), model.problemsProperty().get());

        MigrationPlan plan = written();
        assertEquals("\\\\backup01\\sql", plan.sqlServer().backupFolder());
        assertEquals(List.of(new DatabaseFile("OUTSYSTEMS_Data", false), new DatabaseFile("OUTSYSTEMS_Data2", false),
                new DatabaseFile("OUTSYSTEMS_Log", true)), plan.sqlServer().platform().files());
        assertEquals(new CatalogClone("OS_LOG", "OS_LOG_QA", CatalogClone.defaultFiles("OS_LOG")),
                plan.sqlServer().log());
        // The prerequisites page asks the operator to confirm the folders of this plan, not fixed ones.
        List<String> prerequisites = ProcedureCatalog.stepsFor(plan).get(0).details();
        assertTrue(prerequisites.contains("The restored files get new physical names: data in E:\\Data, log in "
                + "F:\\Log."), prerequisites.toString());
        assertFalse(String.join("\n", prerequisites).contains("D:\\SQLData"), prerequisites.toString());
    }

    @Test
    void aRelativeFolderAndAFileListWithoutALogFileAreRefusedAtTheirFields() throws Exception {
        open(Dbms.SQLSERVER);
        model.textProperty(PlanField.DATA_FOLDER).set("Data");
        model.textProperty(PlanField.FILES).set("OUTSYSTEMS:D");

        assertEquals("data folder 'Data' is not allowed: give an absolute Windows folder such as D:\\Data or "
                + "\\\\server\\share\\Data, with letters, digits, spaces, '.', '_', '-', '$' or parentheses in each "
                + "part.", model.messageProperty(PlanField.DATA_FOLDER).get());
        assertTrue(model.messageProperty(PlanField.FILES).get().startsWith("logical file names need at least one "
                + "data file (:D) and one log file (:L)"), model.messageProperty(PlanField.FILES).get());
        model.textProperty(PlanField.FILES).set("OUTSYSTEMS:D,OUT]SYSTEMS_log:L");
        assertTrue(model.messageProperty(PlanField.FILES).get().startsWith("logical file name 'OUT]SYSTEMS_log' "
                + "contains a bracket"), model.messageProperty(PlanField.FILES).get());
        assertFalse(model.validProperty().get());
        assertFalse(model.accept());
        assertNull(fixture.wizard.runProperty().get());
    }

    @Test
    void theLogicalFilesFollowARenamedSourceCatalogUntilTheyAreTyped() throws Exception {
        open(Dbms.SQLSERVER);
        model.textProperty(PlanField.SOURCE_CATALOG).set("OS_PROD");
        assertEquals("OS_PROD:D,OS_PROD_log:L", model.textProperty(PlanField.FILES).get());

        model.textProperty(PlanField.FILES).set("PROD_Data:D,PROD_Log:L");
        model.textProperty(PlanField.SOURCE_CATALOG).set("OS_PROD2");
        assertEquals("PROD_Data:D,PROD_Log:L", model.textProperty(PlanField.FILES).get());
    }

    @Test
    void theOracleSchemasDataPumpAndSshTypedAreTheRunsPlan() throws Exception {
        open(Dbms.ORACLE);
        model.textProperty(PlanField.EXPORTED_ADMIN_USER).set("prod_osadmin");
        model.textProperty(PlanField.APPLICATION_SCHEMAS).set("APPDATA:QA_APPDATA, REPORTS");
        model.textProperty(PlanField.DIRECTORY).set("envclone_dir");
        model.textProperty(PlanField.DUMP_FILE).set("qa_%U.dmp");
        model.textProperty(PlanField.PARALLEL).set("4");
        model.textProperty(PlanField.SSH_TARGET).set("oracle@oraqa01.example.com:2222");
        model.textProperty(PlanField.SSH_KEY).set("/home/dba/.ssh/id_ed25519");

        assertTrue(model.accept(), model.problemsProperty().get());

        MigrationPlan plan = written();
        assertEquals(List.of("PROD_OSADMIN", "OSRUNTIME", "OSADMIN_LOG", "OSRUNTIME_LOG", "APPDATA", "REPORTS"),
                plan.oracle().exportedSchemas());
        assertTrue(plan.oracle().schemaRemaps().containsAll(List.of(new Remap("PROD_OSADMIN", "OSADMIN"),
                new Remap("APPDATA", "QA_APPDATA"))), plan.oracle().schemaRemaps().toString());
        assertEquals("ENVCLONE_DIR", plan.oracle().dataPump().directory());
        assertEquals(4, plan.oracle().dataPump().parallel());
        assertEquals(new SshSettings("oraqa01.example.com", 2222, "oracle", "/home/dba/.ssh/id_ed25519", null),
                plan.oracle().ssh());
    }

    @Test
    void anOraclePlanShowsItsCloneSettingsInTheFields() throws Exception {
        fixture = WizardFixture.planned(Dbms.ORACLE, folder, Background.direct());
        fixture.wizard.planProperty().set(new PlanBuilder(Dbms.ORACLE)
                .oracleSourceUsers("PROD_ADMIN", null, null, null)
                .oracleApplicationSchema(new Remap("APPDATA", "QA_APPDATA"))
                .oracleSsh(new SshSettings("db01", 22, "oracle", null, "/etc/ssh/known_hosts")).build());
        model = new PlanViewModel(fixture.wizard);

        assertEquals("PROD_ADMIN", model.textProperty(PlanField.EXPORTED_ADMIN_USER).get());
        assertEquals("APPDATA:QA_APPDATA", model.textProperty(PlanField.APPLICATION_SCHEMAS).get());
        assertEquals("oracle@db01:22", model.textProperty(PlanField.SSH_TARGET).get());
        assertEquals("/etc/ssh/known_hosts", model.textProperty(PlanField.SSH_KNOWN_HOSTS).get());
        assertEquals("1", model.textProperty(PlanField.PARALLEL).get());
        assertTrue(model.accept(), model.problemsProperty().get());
        assertEquals(fixture.wizard.planProperty().get().oracle().ssh(), written().oracle().ssh());
    }

    @Test
    void badOracleCloneSettingsGetTheEnginesMessageAtTheirFields() throws Exception {
        open(Dbms.ORACLE);
        Map<PlanField, String> typed = Map.of(PlanField.PARALLEL, "0", PlanField.SSH_TARGET, "oracle@db host",
                PlanField.APPLICATION_SCHEMAS, "APP DATA", PlanField.DIRECTORY, "DATA_PUMP_DIR;",
                PlanField.SSH_KEY, "id_rsa");
        Map<PlanField, String> expected = Map.of(PlanField.PARALLEL, "parallel 0 is out of range: give 1 to 64",
                PlanField.SSH_TARGET, "SSH host 'db host' is not allowed: give the host's name or IPv4 address, "
                        + "such as dbhost.example.com or 10.0.0.5.",
                PlanField.APPLICATION_SCHEMAS, "application schema 'APP DATA' is not allowed",
                PlanField.DIRECTORY, "Data Pump directory 'DATA_PUMP_DIR;' contains ';'",
                PlanField.SSH_KEY, "SSH key file 'id_rsa' is not allowed: give the file's absolute path");
        typed.forEach((field, text) -> model.textProperty(field).set(text));

        expected.forEach((field, message) -> assertTrue(model.messageProperty(field).get().startsWith(message),
                field + ": " + model.messageProperty(field).get()));
        assertFalse(model.accept());
        assertNull(fixture.wizard.runProperty().get());
    }

    @Test
    void anSshKeyWithoutAnSshTargetStopsNextWithWhatToDo() throws Exception {
        open(Dbms.ORACLE);
        model.textProperty(PlanField.SSH_KEY).set("/home/dba/.ssh/id_ed25519");

        assertFalse(model.accept());

        assertTrue(model.problemsProperty().get().startsWith("SSH key file and known_hosts file belong to the SSH "
                + "route"), model.problemsProperty().get());
    }

    /** Alt+letter reaches one control only: the fields of one DBMS's forms and the page's own buttons differ. */
    @ParameterizedTest
    @EnumSource(Dbms.class)
    void noTwoLabelsShownTogetherShareAMnemonic(Dbms dbms) {
        Map<Character, String> seen = new HashMap<>();
        List<String> labels = new java.util.ArrayList<>(PAGE_LABELS);
        if (PlanField.FILES.appliesTo(dbms)) {
            labels.add(PlanForms.READ_FILES);
        }
        Arrays.stream(PlanField.values()).filter(f -> f.appliesTo(dbms)).map(PlanField::label).forEach(labels::add);
        for (String label : labels) {
            // "__" is an underscore shown, not a mnemonic (known__hosts).
            int underscore = label.replace("__", "  ").indexOf('_');
            if (underscore < 0 || underscore == label.length() - 1) {
                continue;
            }
            char key = Character.toLowerCase(label.charAt(underscore + 1));
            String before = seen.put(key, label);
            assertNull(before, "Alt+" + Character.toString(key).toUpperCase(Locale.ROOT) + " is both '" + before
                    + "' and '" + label + "'");
        }
    }
}
