package dev.envclone.ui.configtool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Path;
import javafx.print.Printer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ConfigToolPageTest {
    @TempDir
    Path folder;
    private WizardFixture fixture;
    private ConfigToolViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        model = new ConfigToolViewModel(fixture.wizard, fixture.item("config-tool-log"));
        ConfigToolPage page = new ConfigToolPage(model);
        // As the main window holds a page: its body scrolls, its action bar stays at the bottom.
        Scene scene = new Scene((javafx.scene.Parent) page.view(), 1000, 800);
        scene.getStylesheets().add(getClass().getResource("/dev/envclone/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheStepsTabWithThePlansValuesAndNoPasswordInput(FxRobot robot) {
        TabPane tabs = robot.lookup("#configtool-tabs").queryAs(TabPane.class);

        assertEquals("Log", tabs.getSelectionModel().getSelectedItem().getText());
        assertTrue(robot.lookup(n -> n instanceof PasswordField).queryAll().isEmpty());
        assertTrue(robot.from(robot.lookup("#configtool-form-log").queryParent()).lookup(".label")
                .queryAll().stream().anyMatch(n -> "OUTSYSTEMS_CLONE".equals(((Label) n).getText())),
                "the log catalog, read-only");
    }

    @Test
    void typedServerReachesTheSheetOnlyWhenTheRuleAcceptsIt(FxRobot robot) {
        TextField server = robot.from(robot.lookup("#configtool-log-0").queryParent()).lookup(".text-field")
                .queryAs(TextField.class);
        SheetField field = model.tabs().get(1).fields().get(0);

        robot.clickOn(server).write("db01;x");
        assertEquals("db01;x", field.valueProperty().get());
        assertTrue(model.sheetText().contains("| Server (host\\instance) | (fill in: "),
                "an invalid server stays off the sheet");

        robot.eraseText(6).write("db01\\OS");
        assertEquals("db01\\OS", field.valueProperty().get());
        assertTrue(model.sheetText().contains("| Server (host\\instance) | db01\\OS |"));
    }

    @Test
    void printWithoutAPrinterPointsToSave(FxRobot robot) {
        Assumptions.assumeTrue(Printer.getDefaultPrinter() == null, "this machine has a printer");

        robot.clickOn("#configtool-print");

        assertEquals("No printer is set up on this machine; use Save sheet.",
                robot.lookup("#configtool-message").queryAs(Label.class).getText());
    }

    @Test
    void markDoneTicksTheStepWithTheNote(FxRobot robot) {
        robot.clickOn("#configtool-note").write("Test Connection OK").type(KeyCode.ENTER);
        assertEquals(StepState.PENDING, fixture.wizard.runProperty().get().state().of("config-tool-log"),
                "Enter in the note ticks nothing");

        robot.clickOn("#configtool-tick");

        assertEquals(StepState.DONE, fixture.wizard.runProperty().get().state().of("config-tool-log"));
        assertEquals("Test Connection OK",
                fixture.wizard.runProperty().get().state().lastEntry("config-tool-log").get("note"));
        assertTrue(robot.lookup("#configtool-tick").queryButton().isDisabled());
    }
}
