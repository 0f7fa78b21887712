package dev.envclone.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every action's icon has its outline, grows with the button's text and takes its colour. */
@ExtendWith(ApplicationExtension.class)
class ActionIconsTest {
    private final FxRobot robot = new FxRobot();
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 300, 200));
        stage.show();
    }

    @Test
    void everyActionHasItsIconSizedAndColouredWithTheButtonsText() {
        for (ActionIcons.Action action : ActionIcons.Action.values()) {
            Button button = new Button("_Go");
            robot.interact(() -> {
                // An icon without an outline would throw here, on the page that first shows it.
                ActionIcons.on(button, action);
                button.setStyle("-fx-font-size: 19.5px; -fx-text-fill: #123456;");
                root.getChildren().setAll(button);
            });
            WaitForAsyncUtils.waitForFxEvents();
            PathIcon icon = assertInstanceOf(PathIcon.class, button.getGraphic(), action.name());
            assertEquals(action.literal(), icon.name(), action.name());
            assertEquals(Math.round(19.5 * 1.2), icon.getWidth(), action.name());
            assertEquals(Math.round(19.5 * 1.2), icon.getHeight(), action.name());
            assertEquals(Color.web("#123456"), icon.getBackground().getFills().get(0).getFill(), action.name());
            assertEquals("Go", button.getText().replace("_", ""), "the words stay: " + action.name());
        }
    }
}
