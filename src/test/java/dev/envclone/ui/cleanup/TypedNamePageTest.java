package dev.envclone.ui.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.run.RunFolder;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Execute question on a real (non-sandbox) target: Execute stays disabled until the target database's name is
 * typed exactly, and Enter in that field cancels, recording nothing.
 */
@ExtendWith(ApplicationExtension.class)
class TypedNamePageTest {
    private static final String SECURITY = "cleanup-environment-security";

    @TempDir
    Path folder;

    private RunFolder run;
    private String name;
    private CleanupViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        run = RealTargetRun.open(fixture, Dbms.SQLSERVER, folder.resolve("real"));
        name = fixture.wizard.planProperty().get().targetDatabaseName();
        model = new CleanupViewModel(fixture.wizard, fixture.item(SECURITY));
        CleanupPage page = new CleanupPage(model);
        // As the main window holds a page: at the window's height, so that the page's actions bar is in view
        // whatever the theme (the suite's earlier tests may have set AtlantaFX's, with its larger controls).
        ScrollPane center = new ScrollPane(page.view());
        center.setFitToWidth(true);
        center.setFitToHeight(true);
        stage.setScene(new Scene(center, 1000, 800));
        stage.show();
        page.shown();
    }

    @Test
    void executeWaitsForTheNameAndEnterInTheFieldRecordsNothing(FxRobot robot) throws Exception {
        int entries = run.journal().entries().size();

        robot.clickOn("#cleanup-execute");
        Label prompt = robot.lookup("#cleanup-confirm-prompt").queryAs(Label.class);
        assertTrue(prompt.getText().startsWith("Type the target database's name to execute: " + name),
                prompt.getText());
        assertTrue(execute(robot).isDisabled(), "Execute before the name is typed");
        robot.clickOn("#cleanup-confirm-typed").write(name.toLowerCase(java.util.Locale.ROOT));
        assertTrue(execute(robot).isDisabled(), "the name in another case is not the name as shown");
        robot.eraseText(name.length()).write(name);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(execute(robot).isDisabled(), "the name typed exactly");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#cleanup-confirm").tryQuery().isEmpty(), "Enter answered Cancel");
        assertEquals(entries, run.journal().entries().size(), "nothing recorded");
        // Nothing was even tried: an attempt on the unreachable server would say so here.
        assertEquals("", model.errorTextProperty().get());
        assertEquals("", model.resultTextProperty().get());
    }

    private static Button execute(FxRobot robot) {
        return robot.lookup("#cleanup-confirm .button").match(b -> "Execute".equals(((Button) b).getText()))
                .queryButton();
    }
}
