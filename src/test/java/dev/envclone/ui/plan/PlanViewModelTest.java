package dev.envclone.ui.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.TargetInspection;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.PlanException;
import dev.envclone.procedure.PlanJson;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Remap;
import dev.envclone.procedure.Step;
import dev.envclone.run.RunFolder;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.InvalidNameException;
import dev.envclone.sql.NameRule;
import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The plan page's rules without a window, on a real sandbox: names at the field, the plan on Next, the run. */
class PlanViewModelTest {
    @TempDir
    Path folder;

    private WizardFixture fixture;
    private PlanViewModel model;

    private void open(Dbms dbms) throws Exception {
        fixture = WizardFixture.planned(dbms, folder, Background.direct());
        model = new PlanViewModel(fixture.wizard);
    }

    @Test
    void acceptingTheDefaultsStartsTheRunWithThePlansSteps() throws Exception {
        open(Dbms.SQLSERVER);
        assertTrue(model.validProperty().get());
        assertFalse(model.readOnly());

        assertTrue(model.accept(), model.problemsProperty().get());

        RunFolder run = fixture.wizard.runProperty().get();
        assertNotNull(run);
        assertTrue(Files.isRegularFile(folder.resolve("run").resolve("plan.json")));
        // The default backup name is made from the time the wizard made its plan.
        assertEquals(new PlanBuilder(Dbms.SQLSERVER)
                .sqlServerRestore(run.plan().sqlServer().restore().backupName(), null, null, null, null).build(),
                run.plan());
        List<String> listed = fixture.wizard.items().stream()
                .filter(i -> i.kind() == StepItem.Kind.STEP && i.applicable()).map(i -> i.step().id()).toList();
        assertEquals(ProcedureCatalog.stepsFor(run.plan()).stream().map(Step::id).toList(), listed);
        assertTrue(model.readOnly(), "the plan is fixed once the run started");
        assertTrue(model.accept(), "Next on a started run only moves on");
        assertEquals("", model.problemsProperty().get());
    }

    @Test
    void aQuoteInTheTargetCatalogGetsTheEnginesMessageAtTheFieldAndWritesNoRun() throws Exception {
        open(Dbms.SQLSERVER);
        model.textProperty(PlanField.CATALOG).set("OUT'SYSTEMS");

        String engine = assertThrows(InvalidNameException.class,
                () -> NameRule.SQLSERVER_IDENTIFIER.check("target catalog", "OUT'SYSTEMS")).getMessage();
        assertEquals(engine, model.messageProperty(PlanField.CATALOG).get());
        assertEquals(engine, model.problemOf(PlanField.CATALOG, "OUT'SYSTEMS"));
        PlanException planned = assertThrows(PlanException.class, () -> new PlanBuilder(Dbms.SQLSERVER)
                .sqlServerCatalogs(null, "OUT'SYSTEMS", null).build());
        assertTrue(planned.problems().contains(engine), "the validator says the same: " + planned.problems());
        assertFalse(model.validProperty().get());

        assertFalse(model.accept());
        assertTrue(model.problemsProperty().get().contains(engine), model.problemsProperty().get());
        assertNull(fixture.wizard.runProperty().get());
        assertFalse(Files.exists(folder.resolve("run")), "no run folder is written for an invalid plan");
    }

    @Test
    void aSemicolonInTheAdminUserIsRefusedAtTheField() throws Exception {
        open(Dbms.ORACLE);
        model.textProperty(PlanField.ADMIN_USER).set("OSADMIN;DROP");

        String message = model.messageProperty(PlanField.ADMIN_USER).get();
        assertTrue(message.startsWith("admin user 'OSADMIN;DROP' contains ';'"), message);
        assertFalse(model.accept());
        assertNull(fixture.wizard.runProperty().get());

        model.textProperty(PlanField.ADMIN_USER).set("OSADMIN");
        assertEquals("", model.messageProperty(PlanField.ADMIN_USER).get());
        assertEquals("", model.problemsProperty().get(), "an edit clears what the last Next found");
    }

    @Test
    void aRefusedNextSaysWhichFieldAndEveryRuleItBreaks() throws Exception {
        open(Dbms.SQLSERVER);
        assertEquals("", model.nextRefusedReasonProperty().get(), "the defaults are fine");

        model.textProperty(PlanField.ADMIN_USER).set("OS'ADMIN;DROP");
        model.textProperty(PlanField.CATALOG).set("CLONE]");
        String field = model.messageProperty(PlanField.ADMIN_USER).get();
        assertEquals("admin user 'OS'ADMIN;DROP' contains ';' and a quote: use letters, digits, _, @, $ or #, "
                + "starting with a letter or _.", field);
        assertEquals("Next is refused: " + field + " (1 more field is marked on the page)",
                model.nextRefusedReasonProperty().get());
        assertFalse(model.validProperty().get());

        model.textProperty(PlanField.ADMIN_USER).set("OSADMIN");
        assertTrue(model.nextRefusedReasonProperty().get().startsWith("Next is refused: target catalog 'CLONE]' "
                + "contains a bracket"), model.nextRefusedReasonProperty().get());
        model.textProperty(PlanField.CATALOG).set("OUTSYSTEMS_CLONE");
        assertEquals("", model.nextRefusedReasonProperty().get());
    }

    @Test
    void aProblemBetweenFieldsIsShownUnderTheFormOnNext() throws Exception {
        open(Dbms.SQLSERVER);
        model.textProperty(PlanField.CATALOG).set("OUTSYSTEMS");
        assertTrue(model.validProperty().get(), "each name on its own is fine");

        assertFalse(model.accept());
        assertTrue(model.problemsProperty().get().contains("target catalog 'OUTSYSTEMS' is the source catalog"),
                model.problemsProperty().get());
        assertNull(fixture.wizard.runProperty().get());
        String beside = model.nextRefusedReasonProperty().get();
        assertTrue(beside.startsWith("Next was refused: target catalog 'OUTSYSTEMS' is the source catalog"), beside);
    }

    @Test
    void changingTheDbmsResetsItsOwnNamesAndKeepsTheEnvironments() throws Exception {
        open(Dbms.SQLSERVER);
        model.textProperty(PlanField.SOURCE_ENVIRONMENT).set("Prod EU");
        model.textProperty(PlanField.LOG_ADMIN_USER).set("OSLOG_EU");

        model.dbmsProperty().set(Dbms.ORACLE);

        assertEquals("OSADMIN_LOG", model.textProperty(PlanField.LOG_ADMIN_USER).get());
        assertEquals("OSSYS", model.textProperty(PlanField.SYSTEM_TABLESPACE).get());
        assertEquals("Prod EU", model.textProperty(PlanField.SOURCE_ENVIRONMENT).get());
        MigrationPlan plan = model.buildPlan();
        assertEquals(Dbms.ORACLE, plan.dbms());
        assertEquals("Prod EU", plan.sourceEnvironment());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void testConnectionFindsThePlatformDatabaseOfTheSandboxAndItsFingerprint(Dbms dbms) throws Exception {
        open(dbms);
        String fingerprint;
        try (Connection connection = fixture.connect()) {
            fingerprint = TargetInspection.fingerprint(connection);
        }

        model.testConnection();

        assertEquals("Connected: " + fingerprint + "; an OutSystems platform database",
                model.connectionResultProperty().get());
        assertTrue(model.connectionOkProperty().get());
        assertFalse(model.testingProperty().get());
    }

    @Test
    void testConnectionToAnEmptyDatabaseSaysItIsNoPlatformDatabase() throws Exception {
        open(Dbms.SQLSERVER);
        // A memory database lives while a connection holds it; the check opens only a database that exists.
        try (Connection empty = java.sql.DriverManager.getConnection("jdbc:h2:mem:nothing", "sa", "")) {
            fixture.wizard.targetUrlProperty().set("jdbc:h2:mem:nothing");

            model.testConnection();

            String result = model.connectionResultProperty().get();
            assertTrue(result.startsWith("Connected: h2:jdbc:h2:mem:nothing"), result);
            assertTrue(result.contains("; not an OutSystems platform database"), result);
            assertFalse(model.connectionOkProperty().get());
        }
    }

    @Test
    void aPasswordInTheTargetUrlMarksTheFieldBlocksNextAndIsShownNowhere() throws Exception {
        open(Dbms.SQLSERVER);
        String canary = "Canary-Pw-7f3";
        fixture.wizard.targetUrlProperty().set(fixture.url + ";PASSWORD=" + canary);

        String expected = "JDBC URL: the URL holds a password; type it in the Password field instead.";
        assertEquals(expected, model.targetUrlMessageProperty().get());
        assertFalse(model.validProperty().get());
        model.testConnection();
        assertEquals(expected, model.connectionResultProperty().get());
        assertFalse(model.accept());
        assertTrue(model.problemsProperty().get().contains(expected), model.problemsProperty().get());
        assertFalse(Files.exists(folder.resolve("run")), "no run was written");
        assertFalse(model.problemsProperty().get().contains(canary));
    }

    @Test
    void testConnectionToAMissingH2FileSaysSoAndCreatesNothing() throws Exception {
        open(Dbms.SQLSERVER);
        Path absent = folder.resolve("absent");
        fixture.wizard.targetUrlProperty().set("jdbc:h2:file:" + absent + ";MODE=MSSQLServer");

        model.testConnection();

        assertTrue(model.connectionResultProperty().get().contains(": no H2 database at " + absent),
                model.connectionResultProperty().get());
        assertFalse(model.connectionOkProperty().get());
        assertFalse(Files.exists(folder.resolve("absent.mv.db")));
    }

    @Test
    void testConnectionWithAWrongPasswordSaysSoInPlainWords() throws Exception {
        open(Dbms.SQLSERVER);
        fixture.wizard.targetPasswordProperty().set("not-the-password");

        model.testConnection();

        String result = model.connectionResultProperty().get();
        assertTrue(result.contains("the user name or password is wrong"), result);
        assertFalse(result.contains("not-the-password"), result);
        assertFalse(model.connectionOkProperty().get());
    }

    @Test
    void theRestoreSettingsOfThePlanSurviveAnEditOnThePage() throws Exception {
        fixture = WizardFixture.planned(Dbms.SQLSERVER, folder, Background.direct());
        fixture.wizard.planProperty().set(new PlanBuilder(Dbms.SQLSERVER).sqlServerRestore("wizard-1",
                dev.envclone.procedure.RecoveryModel.FULL, "OWNER_X", "1GB", "64MB").build());
        model = new PlanViewModel(fixture.wizard);
        model.textProperty(PlanField.CATALOG).set("OS_PP");

        assertTrue(model.accept(), model.problemsProperty().get());

        MigrationPlan written = PlanJson.read(folder.resolve("run").resolve("plan.json"));
        assertEquals("OS_PP", written.sqlServer().platform().catalog());
        assertEquals(new dev.envclone.procedure.RestoreSettings("wizard-1", dev.envclone.procedure.RecoveryModel.FULL,
                "OWNER_X", "1GB", "64MB"), written.sqlServer().restore());
    }

    @Test
    void theTemporaryTablespaceOfAnOraclePlanSurvivesAnEditOnThePage() throws Exception {
        fixture = WizardFixture.planned(Dbms.ORACLE, folder, Background.direct());
        fixture.wizard.planProperty().set(new PlanBuilder(Dbms.ORACLE).oracleTemporaryTablespace("TEMP_PP").build());
        model = new PlanViewModel(fixture.wizard);
        model.textProperty(PlanField.SYSTEM_TABLESPACE).set("ossys_pp");

        assertTrue(model.accept(), model.problemsProperty().get());

        assertEquals("TEMP_PP", PlanJson.read(folder.resolve("run").resolve("plan.json")).oracle()
                .temporaryTablespace());
    }

    @Test
    void aTablespaceRenamedOnAnOraclePlanIsInTheRunsPlan() throws Exception {
        open(Dbms.ORACLE);
        model.textProperty(PlanField.SYSTEM_TABLESPACE).set("ossys_pp");

        assertTrue(model.accept(), model.problemsProperty().get());

        MigrationPlan written = PlanJson.read(folder.resolve("run").resolve("plan.json"));
        assertEquals("OSSYS_PP", written.oracle().tablespaces().system());
        assertTrue(written.oracle().tablespaceRemaps().contains(new Remap("OSSYS", "OSSYS_PP")),
                written.oracle().tablespaceRemaps().toString());
        assertEquals(written, fixture.wizard.runProperty().get().plan());
    }

    @Test
    void aFolderThatAlreadyHoldsARunIsRefusedAndLeftAsItWas() throws Exception {
        open(Dbms.SQLSERVER);
        Path journal = Files.createDirectories(folder.resolve("run")).resolve("journal.jsonl");
        Files.writeString(journal, "kept\n");

        assertFalse(model.accept());

        assertTrue(model.problemsProperty().get().contains("already holds a run"), model.problemsProperty().get());
        assertEquals("kept\n", Files.readString(journal));
        assertNull(fixture.wizard.runProperty().get());
    }

    @Test
    void aFolderWhoseRunNeverStartedIsStartedOver() throws Exception {
        open(Dbms.SQLSERVER);
        // A crash while the first entry was written: an empty journal, no journal.head.
        Files.write(Files.createDirectories(folder.resolve("run")).resolve("journal.jsonl"), new byte[0]);

        assertTrue(model.accept(), model.problemsProperty().get());

        assertEquals(1, fixture.wizard.runProperty().get().journal().entries().size());
    }

    @Test
    void theRunFolderTypedBecomesTheWizardsAndAnEmptyOneIsRefused() throws Exception {
        open(Dbms.SQLSERVER);
        model.runFolderProperty().set(folder.resolve("elsewhere").toString());
        assertEquals(folder.resolve("elsewhere"), fixture.wizard.runFolderProperty().get());

        model.runFolderProperty().set("");
        assertTrue(model.runFolderMessageProperty().get().startsWith("run folder is empty"));
        assertFalse(model.accept());
        assertFalse(Files.exists(folder.resolve("elsewhere")));
    }

    @Test
    void anOpenedRunShowsItsPlanReadOnly() throws Exception {
        fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        model = new PlanViewModel(fixture.wizard);

        assertTrue(model.readOnly());
        assertEquals("OUTSYSTEMS_CLONE", model.textProperty(PlanField.CATALOG).get());
        assertTrue(model.fixedPlanHint().contains(folder.resolve("run").toString()), model.fixedPlanHint());
        assertTrue(model.accept());
    }
}
