package dev.envclone.ui.prerequisites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.run.RunFolder;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Source database panel by keyboard alone: Alt+U, Alt+I, Alt+W to the fields, Alt+T tests, Alt+R records. */
@ExtendWith(ApplicationExtension.class)
class PrerequisitesPageTest {
    @TempDir
    Path folder;
    private WizardFixture fixture;
    private String source;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        source = Sandbox.create(Dbms.SQLSERVER, folder.resolve("production"), SandboxSize.SMALL);
        PrerequisitesPage page = new PrerequisitesPage(new PrerequisitesViewModel(fixture.wizard,
                fixture.item("prerequisites")));
        ScrollPane center = new ScrollPane(page.view());
        center.setFitToWidth(true);
        Scene scene = new Scene(center, 1024, 768);
        scene.getStylesheets().add(getClass().getResource("/dev/envclone/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        page.shown();
    }

    private static void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT).type(key).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void testAndRecordByKeyboardAndEnterInTheFieldsRecordsNothing(FxRobot robot) throws Exception {
        Path journal = fixture.wizard.runProperty().get().folder().resolve(RunFolder.JOURNAL);
        alt(robot, KeyCode.U);
        TextInputControl url = robot.lookup("#prerequisites-source-url").queryAs(TextInputControl.class);
        assertTrue(url.isFocused(), "Alt+U reaches the source URL");
        // The URL typed in one go (the robot's key by key would take long); the keys below are the operator's.
        robot.interact(() -> url.setText(source));
        alt(robot, KeyCode.I);
        assertTrue(robot.lookup("#prerequisites-source-user").queryAs(TextInputControl.class).isFocused());
        robot.write("sa");
        List<String> before = Files.readAllLines(journal);
        robot.type(KeyCode.ENTER);
        alt(robot, KeyCode.W);
        assertTrue(robot.lookup("#prerequisites-source-password").queryAs(TextInputControl.class).isFocused());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#prerequisites-source-result").queryAs(Label.class).getText(),
                "Enter tested nothing");

        alt(robot, KeyCode.T);
        String result = robot.lookup("#prerequisites-source-result").queryAs(Label.class).getText();
        assertTrue(result.startsWith("Read h2:jdbc:h2:file:" + folder.resolve("production")), result);
        assertFalse(robot.lookup("#prerequisites-source-record").queryButton().isDisabled());
        robot.interact(() -> robot.lookup("#prerequisites-source-password").queryAs(TextInputControl.class)
                .requestFocus());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, Files.readAllLines(journal), "Enter in a field recorded nothing");

        alt(robot, KeyCode.R);

        String read = fixture.wizard.runProperty().get().sourceFingerprint();
        assertTrue(result.startsWith("Read " + read + ": "), result);
        String state = robot.lookup("#prerequisites-source-state").queryAs(Label.class).getText();
        assertTrue(state.startsWith("Recorded in this run: " + read + " (by Ana Operator at "), state);
        assertTrue(robot.lookup("#prerequisites-source-record").queryButton().isDisabled(), "recorded once");
        assertEquals(before.size() + 1, Files.readAllLines(journal).size(), "Alt+R wrote one entry");
    }
}
