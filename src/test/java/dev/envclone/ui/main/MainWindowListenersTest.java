package dev.envclone.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.envclone.sql.Dbms;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.common.Settings;
import dev.envclone.ui.common.Background;
import dev.envclone.ui.common.FxBackground;
import dev.envclone.ui.common.WizardPage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Windows opened and closed on one wizard, as Continue later does again and again: a closed window holds no
 * listener on the wizard or the scene, builds no page when the wizard's state changes, follows no setting.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowListenersTest {
    @TempDir
    Path folder;
    private final FxBackground background = new FxBackground();
    private final StackPane root = new StackPane();
    private WizardViewModel wizard;

    @Start
    void start(Stage stage) throws Exception {
        // A plan and no run: enough for the plan page and the prerequisites page, without a database.
        wizard = new WizardViewModel(Background.direct(), Settings.load(folder.resolve("wizard.properties")));
        wizard.planProperty().set(new PlanBuilder(Dbms.SQLSERVER).build());
        stage.setScene(new Scene(root, 1000, 700));
        stage.show();
    }

    @AfterEach
    void shutdown() {
        background.shutdown();
    }

    @Test
    void aClosedWindowNoLongerFollowsTheWizard(FxRobot robot) {
        List<MainWindow> closed = new ArrayList<>();
        List<WizardPage> theirPages = new ArrayList<>();
        MainWindow[] open = new MainWindow[1];
        robot.interact(() -> {
            for (int i = 0; i < 4; i++) {
                MainWindow window = new MainWindow(wizard, background, () -> { });
                root.getChildren().setAll(window.view());
                window.close();
                closed.add(window);
                theirPages.add(window.page());
            }
            open[0] = new MainWindow(wizard, background, () -> { });
            root.getChildren().setAll(open[0].view());
        });
        WizardPage before = open[0].page();

        robot.interact(() -> {
            wizard.selectedProperty().set(wizard.selectedProperty().get() == 0 ? 1 : 0);
            wizard.textScaleProperty().set(150);
        });

        for (int i = 0; i < closed.size(); i++) {
            assertEquals(0, closed.get(i).subscriptions(), "window " + i + " left listeners behind");
            assertSame(theirPages.get(i), closed.get(i).page(), "window " + i + " built a page after it closed");
            assertEquals(100, textSize(closed.get(i)).getValue(), "window " + i + " followed the text size");
        }
        assertNotSame(before, open[0].page(), "the open window shows the newly selected step");
        assertEquals(150, textSize(open[0]).getValue());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Integer> textSize(MainWindow window) {
        return (ComboBox<Integer>) window.view().lookup("#main-text-size");
    }
}
