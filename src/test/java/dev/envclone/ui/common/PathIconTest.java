package dev.envclone.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The icons drawn from their outlines: every one the wizard names exists, in its own grid, at the size asked. */
@ExtendWith(ApplicationExtension.class)
class PathIconTest {
    private final FxRobot robot = new FxRobot();
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        root.setStyle("-fx-background-color: white;");
        stage.setScene(new Scene(root, 200, 200));
        stage.show();
    }

    @Test
    void everyStateAndActionHasAnOutline() {
        for (StateIcons.Look look : StateIcons.Look.values()) {
            assertEquals(look.literal(), new PathIcon(look.literal()).name(), look.name());
        }
        for (ActionIcons.Action action : ActionIcons.Action.values()) {
            assertEquals(action.literal(), new PathIcon(action.literal()).name(), action.name());
        }
    }

    @Test
    void anIconWithoutAnOutlineIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PathIcon("no-such"));
        assertEquals("no icon named no-such in icon-paths.properties", e.getMessage());
    }

    /**
     * The outline keeps its place in the 24 x 24 grid: a narrow arrow (x 4.2 to 20.0, y 4.1 to 19.9 of 24) is drawn
     * there, not stretched to the icon's square, and the size follows the font.
     */
    @Test
    void aNarrowIconIsDrawnInItsGridAtTheFontsSize() {
        PathIcon icon = new PathIcon("arrow-left");
        robot.interact(() -> {
            icon.sizedAs(new SimpleObjectProperty<>(Font.font(40)), 1.2);
            icon.filledWith(new SimpleObjectProperty<>(Color.BLACK));
            root.getChildren().setAll(icon);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(48, icon.getWidth());
        assertEquals(48, icon.getHeight());
        int[] ink = new int[] {48, 48, -1, -1};
        robot.interact(() -> {
            SnapshotParameters parameters = new SnapshotParameters();
            parameters.setFill(Color.WHITE);
            WritableImage image = icon.snapshot(parameters, null);
            PixelReader pixels = image.getPixelReader();
            for (int y = 0; y < (int) image.getHeight(); y++) {
                for (int x = 0; x < (int) image.getWidth(); x++) {
                    if (pixels.getColor(x, y).getBrightness() < 0.5) {
                        ink[0] = Math.min(ink[0], x);
                        ink[1] = Math.min(ink[1], y);
                        ink[2] = Math.max(ink[2], x);
                        ink[3] = Math.max(ink[3], y);
                    }
                }
            }
        });
        // 48 / 24 = 2 pixels a unit: x from about 8.3 to 40, y from about 8.2 to 39.8; stretched, x would be 0 to 47.
        assertTrue(Math.abs(ink[0] - 8) <= 1 && Math.abs(ink[2] - 39) <= 1, "x " + ink[0] + " to " + ink[2]);
        assertTrue(Math.abs(ink[1] - 8) <= 1 && Math.abs(ink[3] - 39) <= 1, "y " + ink[1] + " to " + ink[3]);
    }
}
