package dev.envclone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.run.RunFolderLock;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.main.MainWindow;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One session, three runs after one another, as the operator who rehearses, stops, starts a real migration and
 * then goes back to the rehearsal: each window shows only its own run (the plan in its header, its steps' states,
 * its target), never the one before it.
 */
class WizardRunIsolationTest {
    @org.junit.jupiter.api.io.TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private WizardApp app;

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
    void rehearsalThenNewMigrationThenTheRehearsalAgainEachShowOnlyTheirOwnRun(Dbms dbms) throws Exception {
        System.setProperty("envclone.home", home.toString());
        FxToolkit.registerPrimaryStage();
        app = (WizardApp) FxToolkit.setupApplication(WizardApp::new);
        WizardDriver driver = new WizardDriver(robot, app);
        driver.rehearse(dbms);
        driver.acceptPlan();
        WizardViewModel wizard = driver.wizard();
        // A state the next run must not show (ticked in the journal, as the page's Tick does; read by the window).
        robot.interact(() -> {
            try {
                wizard.runProperty().get().tick("prerequisites", "checked", "Ana Operator");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            wizard.refresh();
        });
        String summary = header();
        String target = wizard.targetUrlProperty().get();
        Path first = wizard.runProperty().get().folder();
        Map<String, StepState> states = states(wizard);
        assertTrue(summary.contains(dbms.displayName()), summary);

        // Enter on the question keeps the run: Cancel is the default.
        MainWindow window = app.mainWindow();
        driver.click("#main-continue-later");
        WizardDriver.waitFor(() -> robot.lookup("#continue-later-confirm").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(window, app.mainWindow());
        assertEquals(first, wizard.runProperty().get().folder());
        continueLater(driver);
        // The run is closed: its folder can be taken by another process at once.
        RunFolderLock.forRun(first, "a test").close();

        Dbms other = dbms == Dbms.SQLSERVER ? Dbms.ORACLE : Dbms.SQLSERVER;
        robot.interact(() -> ((RadioButton) robot.lookup("#start-dbms-" + other.cliName()).query()).setSelected(true));
        driver.click("#start-new");
        WizardDriver.waitFor(() -> app.mainWindow() != null);
        driver.waitIdle();
        String fresh = header();
        assertTrue(fresh.contains(other.displayName()) && !fresh.contains(dbms.displayName()), fresh);
        assertNull(wizard.runProperty().get(), "no run yet: the plan page is open for a new plan");
        assertEquals(0, wizard.selectedProperty().get());
        assertTrue(states(wizard).values().stream().allMatch(s -> s == StepState.PENDING), states(wizard)::toString);
        assertEquals("", text("#plan-target-url"), "no target of the rehearsal");
        assertFalse(wizard.rehearsalProperty().get());
        assertFalse(wizard.hasSource(), "no source of the rehearsal");
        assertNotEquals(first, wizard.runFolderProperty().get());
        // The plan page's Next waits for every field to pass its rules.
        Button next = robot.lookup("#main-next").queryButton();
        assertFalse(next.isDisabled());
        driver.click("#plan-admin-user");
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("OS'ADMIN");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(next.isDisabled(), "Next is disabled while the admin user is invalid");
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("OSADMIN");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(next.isDisabled());
        continueLater(driver);

        driver.click("#start-resume");
        driver.giveName(null);
        WizardDriver.waitFor(() -> app.mainWindow() != null);
        driver.waitIdle();
        assertEquals(summary, header(), "the first run's plan again");
        assertEquals(first, wizard.runProperty().get().folder());
        assertEquals(states, states(wizard), "the first run's steps' states");
        assertEquals(StepState.DONE, states.get("prerequisites"));
        assertEquals(target, wizard.targetUrlProperty().get(), "the first run's target");
        assertNotEquals("prerequisites", driver.current().step().id(), "resumed after the ticked step");
    }

    /** Continue later, answered: the run is closed and the start page is shown. */
    private void continueLater(WizardDriver driver) {
        driver.click("#main-continue-later");
        WizardDriver.waitFor(() -> robot.lookup("#continue-later-confirm").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#continue-later-confirm .button")
                .match(b -> "Close the run".equals(((Button) b).getText())).queryButton());
        WizardDriver.waitFor(() -> app.mainWindow() == null && robot.lookup("#start-new").tryQuery().isPresent());
        assertNull(driver.wizard().runProperty().get());
    }

    private String header() {
        return robot.lookup("#main-summary").queryLabeled().getText();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(TextInputControl.class).getText();
    }

    private static Map<String, StepState> states(WizardViewModel wizard) {
        return wizard.items().stream().filter(i -> i.step() != null && i.applicable())
                .collect(Collectors.toMap(i -> i.step().id(), i -> i.stateProperty().get()));
    }
}
