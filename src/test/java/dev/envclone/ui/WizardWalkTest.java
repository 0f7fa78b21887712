package dev.envclone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunFolder;
import dev.envclone.run.StepState;
import dev.envclone.run.SandboxRunFixture;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The whole wizard on the rehearsal sandbox, as the operator walks it: plan, prerequisites, the clone done by a DBA,
 * every cleanup step previewed and executed, the Configuration Tool forms, every manual step ticked. Then the
 * sandbox must be clean, table by table, and the journal complete. And a window
 * closed in the middle of the cleanup: reopened, the run resumes at the right step.
 */
class WizardWalkTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private WizardApp app;

    private WizardDriver launch() throws Exception {
        System.setProperty("envclone.home", home.toString());
        FxToolkit.registerPrimaryStage();
        app = (WizardApp) FxToolkit.setupApplication(WizardApp::new);
        return new WizardDriver(robot, app);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        System.clearProperty("envclone.home");
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void walksTheWholeProcedureOnTheSandbox(Dbms dbms) throws Exception {
        WizardDriver driver = launch();
        driver.rehearse(dbms);
        assertTrue(robot.lookup("#main-summary").queryLabeled().getText().contains(dbms.displayName()));
        driver.acceptPlan();
        while (driver.current().kind() != StepItem.Kind.FINAL) {
            driver.complete();
            driver.next();
        }
        RunFolder run = RunFolder.open(driver.wizard().runProperty().get().folder(), Clock.systemUTC());
        MigrationPlan plan = run.plan();
        for (Step step : ProcedureCatalog.stepsFor(plan)) {
            assertTrue(run.state().of(step.id()).finished() && run.state().of(step.id()) != StepState.SKIPPED,
                    step.id() + " is " + run.state().of(step.id()).label());
        }
        List<JournalEntry> entries = run.journal().entries();
        for (Step step : ProcedureCatalog.cleanupSteps(plan)) {
            assertEquals(1, entries.stream().filter(e -> step.id().equals(e.step())
                    && e.event() == JournalEvent.STEP_EXECUTED).count(), step.id() + " executed once");
        }
        // The clone made the target from the "production" source, which it only read.
        for (Step step : ProcedureCatalog.stepsFor(plan)) {
            if (step.kind() == dev.envclone.procedure.StepKind.CLONE) {
                assertEquals(1, entries.stream().filter(e -> step.id().equals(e.step())
                        && e.event() == JournalEvent.STEP_EXECUTED).count(), step.id() + " cloned by envclone");
            }
        }
        assertTrue(run.sourceFingerprint().contains("production"), run.sourceFingerprint());
        // The wizard holds the source open read-only (H2 shares one open database per file in a process): let go.
        driver.wizard().closeContext();
        SandboxRunFixture source = SandboxRunFixture.existing(dbms, driver.wizard().sourceUrlProperty().get());
        assertEquals(List.of("$OS_LOG_DB_7e3e8ce0", "SalesDB", "Warehouse"),
                source.rows("select NAME from ossys_dbconnection order by ID"), "the source keeps what the target lost");
        SandboxRunFixture sandbox = SandboxRunFixture.existing(dbms, driver.wizard().targetUrlProperty().get());
        sandbox.assertCleaned();
        assertEquals(List.of("$OS_LOG_DB_7e3e8ce0"), sandbox.rows("select NAME from ossys_dbconnection"));
    }

    @Test
    void enterAloneRehearsesThenAcceptsThePlan() throws Exception {
        WizardDriver driver = launch();
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WizardDriver.waitFor(() -> app.mainWindow() != null);
        driver.waitIdle();
        robot.type(javafx.scene.input.KeyCode.ENTER);
        driver.waitIdle();
        // The run asks who runs it: the name typed, Enter uses it.
        WizardDriver.waitFor(() -> robot.lookup("#operator-name-field").tryQuery().isPresent());
        robot.clickOn("#operator-name-field").write("Cy Operator");
        assertEquals("Cy Operator", robot.lookup("#operator-name-field")
                .queryAs(javafx.scene.control.TextField.class).getText());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        driver.waitIdle();
        assertTrue(driver.wizard().runProperty().get() != null, "Enter on the plan page accepted it");
        assertEquals("Cy Operator", driver.wizard().operatorProperty().get());
        assertEquals("prerequisites", driver.current().step().id());
    }

    @Test
    void closedMidCleanupAndReopenedItResumesAtTheRightStep() throws Exception {
        WizardDriver driver = launch();
        driver.rehearse(Dbms.SQLSERVER);
        driver.acceptPlan();
        List<Step> cleanup = ProcedureCatalog.cleanupSteps(driver.wizard().planProperty().get());
        Step third = cleanup.get(2);
        while (driver.current().step() == null || !driver.current().step().id().equals(third.id())) {
            driver.complete();
            driver.next();
        }
        Path runFolder = driver.wizard().runProperty().get().folder();
        Stage stage = (Stage) robot.lookup("#main-summary").query().getScene().getWindow();
        robot.interact(() -> {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            stage.close();
        });
        FxToolkit.cleanupApplication(app);

        WizardDriver again = launch();
        robot.clickOn("#start-resume");
        assertEquals(WizardDriver.OPERATOR, again.giveName(null), "the name given last time is offered");
        WizardDriver.waitFor(() -> app.mainWindow() != null);
        assertEquals(runFolder, again.wizard().runProperty().get().folder());
        assertEquals(third.id(), again.current().step().id(), "resumes at the first step not done");
        assertEquals(third.id(), robot.lookup("#main-steps").queryListView().getSelectionModel().getSelectedItem()
                instanceof StepItem item ? item.step().id() : null);
        again.complete();
        RunFolder run = RunFolder.open(runFolder, Clock.systemUTC());
        assertTrue(run.state().of(cleanup.get(1).id()).finished());
        assertEquals(1, run.journal().entries().stream().filter(e -> cleanup.get(1).id().equals(e.step())
                && e.event() == JournalEvent.STEP_EXECUTED).count(), "the step before ran once, not again");
    }
}
