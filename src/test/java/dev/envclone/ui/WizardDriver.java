package dev.envclone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envclone.procedure.StepKind;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the wizard the way the operator does, with the keyboard and mouse through TestFX: the start page, the plan,
 * then every step's page with the actions that complete it, waiting for each job to end.
 */
final class WizardDriver {
    final FxRobot robot;
    final WizardApp app;

    WizardDriver(FxRobot robot, WizardApp app) {
        this.robot = robot;
        this.app = app;
    }

    WizardViewModel wizard() {
        return app.wizard();
    }

    void rehearse(Dbms dbms) {
        robot.interact(() -> ((RadioButton) robot.lookup("#start-dbms-" + dbms.cliName()).query()).setSelected(true));
        robot.clickOn("#start-rehearse");
        waitFor(() -> app.mainWindow() != null);
        waitIdle();
    }

    /** The operator's name the drivers give when the run is created or opened. */
    static final String OPERATOR = "Ana Operator";

    /** Next on the plan page: checks the plan, answers the operator's name, and starts the run. */
    void acceptPlan() {
        next();
        giveName(OPERATOR);
        waitFor(() -> wizard().runProperty().get() != null);
    }

    /**
     * Answers "Who runs this migration?" (asked when a run is created or opened) with {@code name}, or with the
     * name it offers when {@code name} is null; returns the name it offered.
     */
    String giveName(String name) {
        waitFor(() -> robot.lookup("#operator-name").tryQuery().isPresent());
        TextInputControl field = robot.lookup("#operator-name-field").queryAs(TextInputControl.class);
        String offered = field.getText();
        if (name != null) {
            robot.interact(() -> field.setText(name));
        }
        Button use = robot.lookup("#operator-name .button").match(n -> "Use this name".equals(((Button) n).getText()))
                .queryButton();
        robot.clickOn(use);
        WaitForAsyncUtils.waitForFxEvents();
        waitIdle();
        return offered;
    }

    StepItem current() {
        return wizard().items().get(wizard().selectedProperty().get());
    }

    void next() {
        click("#main-next");
        waitIdle();
    }

    /**
     * Operates a control the way a keyboard user does: focus on it (the page scrolls it into view), then Space for a
     * button or check box; a text field is clicked into, to be typed in.
     */
    org.testfx.api.FxRobotInterface click(String query) {
        Node node = robot.lookup(query).query();
        robot.interact(node::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        if (node instanceof javafx.scene.control.ButtonBase) {
            return robot.type(javafx.scene.input.KeyCode.SPACE);
        }
        return robot.clickOn(node);
    }

    /** Does what the current step's page needs to finish the step, then asserts it is finished. */
    void complete() {
        StepItem item = current();
        if (item.kind() != StepItem.Kind.STEP || !item.applicable()) {
            return;
        }
        String id = item.step().id();
        if ("prerequisites".equals(id)) {
            for (int i = 0; robot.lookup("#prerequisites-item-" + i).tryQuery().isPresent(); i++) {
                click("#prerequisites-item-" + i);
            }
            click("#prerequisites-check");
            waitIdle();
            click("#prerequisites-tick");
        } else if (item.step().kind() == StepKind.CLONE && wizard().hasSource()) {
            // The rehearsal clones its "production" source: the first clone page runs every clone step.
            waitIdle();
            Button run = robot.lookup("#clone-run").queryButton();
            if (!run.isDisabled()) {
                click("#clone-run");
                waitIdle();
            }
        } else if (item.step().kind() == StepKind.CLONE) {
            click("#clone-dba");
            robot.clickOn(dialogField("-name")).write("Bea DBA");
            okDialog();
        } else if (item.step().kind() == StepKind.CLEANUP) {
            click("#cleanup-preview");
            waitIdle();
            click("#cleanup-execute");
            okDialog();
            waitIdle();
        } else if (item.step().kind() == StepKind.CONFIGURATION_TOOL) {
            click("#configtool-tick");
        } else {
            if ("remove-extension-db-connections".equals(id)) {
                click("#manual-sandbox-unmap");
                waitIdle();
            }
            click("#manual-note").write("ok");
            click("#manual-tick");
        }
        waitIdle();
        StepState state = wizard().runProperty().get().state().of(id);
        assertEquals(true, state.finished(), id + " is " + state.label());
    }

    /** The text field of the dialog now open whose id ends with {@code suffix}. */
    Node dialogField(String suffix) {
        return robot.lookup(n -> n instanceof TextInputControl && n.getId() != null && n.getId().endsWith(suffix))
                .query();
    }

    /** Presses the dialog's action (OK, Execute …): not its default, which is Cancel. */
    void okDialog() {
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        Button ok = robot.lookup(".dialog-pane .button").match(n -> !((Button) n).isCancelButton()).queryButton();
        robot.clickOn(ok);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void tickBox(String id) {
        CheckBox box = robot.lookup(id).queryAs(CheckBox.class);
        if (!box.isSelected()) {
            robot.clickOn(box);
        }
    }

    void waitIdle() {
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> !app.background().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitFor(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting", e);
        }
    }
}
