package dev.envclone.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.application.Platform;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dialog is a window of its own, out of reach of the main window's root font: at 150 % text the question before
 * a Skip (or an Execute) must be as large as the page behind it, and follow the setting when it changes.
 */
@ExtendWith(ApplicationExtension.class)
class DialogTextSizeTest {
    private final FxRobot robot = new FxRobot();
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane(new Label("page"));
        stage.setScene(new Scene(root, 400, 300));
        stage.show();
    }

    @Test
    void aDialogOpensAtTheWizardsTextSize() {
        SimpleIntegerProperty percent = new SimpleIntegerProperty(150);
        robot.interact(() -> TextSize.onEveryDialog(percent));
        assertEquals(13.0 * 1.5, openSkipDialogAndReadItsFont(), 0.01);
        percent.set(100);
        assertEquals(13.0, openSkipDialogAndReadItsFont(), 0.01);
    }

    private double openSkipDialogAndReadItsFont() {
        Platform.runLater(() -> Prompts.requiredText(root, "size-dialog", "Skip", "Why is this step skipped?"));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup("#size-dialog").queryAs(DialogPane.class);
        Label question = (Label) pane.lookupAll(".label").stream()
                .filter(n -> n instanceof Label l && "Why is this step skipped?".equals(l.getText()))
                .findFirst().orElseThrow();
        double size = question.getFont().getSize();
        for (javafx.scene.control.ButtonType type : pane.getButtonTypes()) {
            javafx.scene.control.Button button = (javafx.scene.control.Button) pane.lookupButton(type);
            javafx.scene.text.Text shown = (javafx.scene.text.Text) button.lookup(".text");
            assertEquals(button.getText().replace("_", ""), shown.getText(), "the button keeps its words");
        }
        robot.interact(() -> pane.getScene().getWindow().hide());
        WaitForAsyncUtils.waitForFxEvents();
        return size;
    }
}
