package dev.envclone.ui.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.run.RunState;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ManualStepPageTest {
    @TempDir
    Path folder;
    private WizardFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        ManualStepPage page = new ManualStepPage(new ManualStepViewModel(fixture.wizard,
                fixture.item(ManualStepViewModel.UNMAP_STEP)));
        ScrollPane center = new ScrollPane(page.view());
        center.setFitToWidth(true);
        Scene scene = new Scene(center, 900, 700);
        scene.getStylesheets().add(getClass().getResource("/dev/envclone/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        page.shown();
    }

    @Test
    void typedNoteIsInTheJournalAfterDone(FxRobot robot) {
        robot.clickOn("#manual-note").write("Sales and Warehouse unmapped; settings saved to connections.txt")
                .type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(StepState.PENDING, fixture.wizard.runProperty().get().state().of(ManualStepViewModel.UNMAP_STEP),
                "Enter in the note ticks nothing");
        robot.clickOn("#manual-tick");

        RunState state = fixture.wizard.runProperty().get().state();
        assertEquals(StepState.DONE, state.of(ManualStepViewModel.UNMAP_STEP));
        assertEquals("Sales and Warehouse unmapped; settings saved to connections.txt",
                state.lastEntry(ManualStepViewModel.UNMAP_STEP).get("note"));
        String shown = robot.lookup("#manual-state").queryAs(Label.class).getText();
        assertTrue(shown.startsWith("Done: ticked by Ana Operator at "), shown);
        assertTrue(robot.lookup("#manual-tick").queryButton().isDisabled());
        assertTrue(robot.lookup("#manual-skip").queryButton().isDisabled());
    }

    @Test
    void skipAsksForTheReasonAndRecordsIt(FxRobot robot) {
        robot.clickOn("#manual-skip");
        robot.clickOn("#manual-skip-dialog-text").write("no extension uses a database connection");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> "OK".equals(((Button) b).getText()))
                .queryButton());

        RunState state = fixture.wizard.runProperty().get().state();
        assertEquals(StepState.SKIPPED, state.of(ManualStepViewModel.UNMAP_STEP));
        assertEquals("no extension uses a database connection",
                state.lastEntry(ManualStepViewModel.UNMAP_STEP).get("reason"));
    }

    @Test
    void sandboxButtonUnmapsAndSaysHowMany(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#manual-service-center").queryAs(Label.class).getText()
                .contains("Service Center > Factory > Extensions"));

        robot.clickOn("#manual-sandbox-unmap");

        assertEquals(0, fixture.count("OSSYS_EXTENSION_DBCONNECTION"));
        String message = robot.lookup("#manual-sandbox-message").queryAs(Label.class).getText();
        assertTrue(message.startsWith("Removed 2 mappings"), message);
    }
}
