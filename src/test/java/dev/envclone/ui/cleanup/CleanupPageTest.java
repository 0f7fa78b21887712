package dev.envclone.ui.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The cleanup page as the operator uses it, on the SQL Server sandbox: preview, confirm, execute; skip. */
@ExtendWith(ApplicationExtension.class)
class CleanupPageTest {
    private static final String SECURITY = "cleanup-environment-security";

    @TempDir
    Path folder;

    private WizardFixture fixture;
    private CleanupPage page;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        page = new CleanupPage(new CleanupViewModel(fixture.wizard, fixture.item(SECURITY)));
        ScrollPane center = new ScrollPane(page.view());
        center.setFitToWidth(true);
        // The page scrolls its own body, as in the main window; its actions bar stays at the window's bottom.
        center.setFitToHeight(true);
        stage.setScene(new Scene(center, 1000, 800));
        stage.show();
        page.shown();
    }

    @Test
    void previewThenExecuteAfterConfirmingTheTargetDatabase(FxRobot robot) throws Exception {
        long before = fixture.count("ossys_parameter");

        robot.clickOn("#cleanup-preview");
        String previewed = label(robot, "#cleanup-result");
        String total = fixture.wizard.runProperty().get().state().lastEntry(SECURITY).get("total");
        assertTrue(previewed.startsWith("Preview: " + total + " rows in total would change"), previewed);
        assertEquals(before, fixture.count("ossys_parameter"));

        robot.clickOn("#cleanup-execute");
        DialogPane confirm = robot.lookup("#cleanup-confirm").queryAs(DialogPane.class);
        String catalog = fixture.wizard.planProperty().get().targetDatabaseName();
        assertTrue(confirm.getContentText().contains("against catalog " + catalog), confirm.getContentText());
        robot.clickOn(robot.lookup("#cleanup-confirm .button")
                .match(b -> "Execute".equals(((Button) b).getText())).queryButton());
        WaitForAsyncUtils.waitForFxEvents();

        String executed = label(robot, "#cleanup-result");
        assertTrue(executed.startsWith("Executed and committed: " + total + " rows changed in total."), executed);
        assertEquals(before - Long.parseLong(total), fixture.count("ossys_parameter"));
        assertEquals(StepState.DONE, fixture.wizard.runProperty().get().state().of(SECURITY));
        assertTrue(robot.lookup("#cleanup-execute").queryButton().isDisabled(), "a done step cannot run again");
    }

    @Test
    void skipAsksForTheReasonAndRecordsIt(FxRobot robot) {
        robot.clickOn("#cleanup-skip");
        robot.clickOn("#cleanup-skip-text").write("Rehearsal: security keys are kept on purpose");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> "OK".equals(((Button) b).getText()))
                .queryButton());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(StepState.SKIPPED, fixture.wizard.runProperty().get().state().of(SECURITY));
        assertEquals("Rehearsal: security keys are kept on purpose",
                fixture.wizard.runProperty().get().state().lastEntry(SECURITY).get("reason"));
        assertTrue(label(robot, "#cleanup-state").contains("Skipped by Ana Operator"));
        assertTrue(robot.lookup("#cleanup-preview").queryButton().isDisabled());
    }

    @Test
    void tabLeavesTheReadOnlySql(FxRobot robot) {
        TextArea sql = robot.lookup("#cleanup-sql").queryAs(TextArea.class);
        robot.clickOn(sql);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();

        Node focused = sql.getScene().getFocusOwner();
        assertSame(robot.lookup("#cleanup-preview").query(), focused);
        assertTrue(sql.getText().contains("delete from ossys_parameter"), "nothing was typed into the SQL");
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
