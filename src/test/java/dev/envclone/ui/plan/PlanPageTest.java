package dev.envclone.ui.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The plan page as the operator sees it, on the SQL Server sandbox with no run yet. */
@ExtendWith(ApplicationExtension.class)
class PlanPageTest {
    @TempDir
    Path folder;

    private WizardFixture fixture;
    private PlanPage page;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WizardFixture.planned(Dbms.SQLSERVER, folder, Background.direct());
        page = new PlanPage(new PlanViewModel(fixture.wizard));
        ScrollPane center = new ScrollPane(page.view());
        center.setFitToWidth(true);
        stage.setScene(new Scene(center, 1000, 800));
        stage.show();
        page.shown();
    }

    @Test
    void showsThePlanDefaultsAndOnlyTheNamesOfItsDbms(FxRobot robot) {
        assertEquals("Production", text(robot, "#plan-source-env"));
        assertEquals("Pre-Production", text(robot, "#plan-target-env"));
        assertEquals(Dbms.SQLSERVER, robot.lookup("#plan-dbms").queryAs(ComboBox.class).getValue());
        assertEquals("OSADMIN", text(robot, "#plan-admin-user"));
        assertEquals("OUTSYSTEMS_CLONE", text(robot, "#plan-catalog"));
        assertEquals(fixture.url, text(robot, "#plan-target-url"));
        assertEquals(folder.resolve("run").toString(), text(robot, "#plan-run-folder"));
        assertEquals("", robot.lookup("#plan-target-password").queryAs(PasswordField.class).getText());
        assertTrue(robot.lookup("#plan-part-saml").tryQuery().isPresent());
        assertFalse(robot.lookup("#plan-tablespace-system").tryQuery().isPresent(), "no Oracle names on SQL Server");
        assertFalse(robot.lookup("#plan-catalog-message").queryAs(Label.class).isVisible());
        assertFalse(robot.lookup("#plan-problems").queryAs(Label.class).isVisible());
    }

    @Test
    void anInvalidTargetCatalogIsExplainedAtTheFieldAndNextStays(FxRobot robot) {
        robot.clickOn("#plan-catalog");
        robot.push(KeyCode.CONTROL, KeyCode.A).write("OUT'SYSTEMS");

        Label message = robot.lookup("#plan-catalog-message").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertEquals(PlanField.CATALOG.problem(Dbms.SQLSERVER, "OUT'SYSTEMS"), message.getText());
        assertTrue(message.getText().startsWith("target catalog 'OUT'SYSTEMS' contains a quote"), message.getText());

        boolean[] moved = new boolean[1];
        robot.interact(() -> moved[0] = page.next());
        assertFalse(moved[0]);
        assertNull(fixture.wizard.runProperty().get());
        Label problems = robot.lookup("#plan-problems").queryAs(Label.class);
        assertTrue(problems.isVisible());
        assertTrue(problems.getText().contains(message.getText()), problems.getText());
    }

    @Test
    void choosingOracleShowsItsTablespacesInsteadOfTheCatalogs(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Dbms> dbms = robot.lookup("#plan-dbms").queryAs(ComboBox.class);
        robot.interact(() -> dbms.setValue(Dbms.ORACLE));

        assertEquals("OSSYS", text(robot, "#plan-tablespace-system"));
        assertEquals("OSADMIN_LOG", text(robot, "#plan-log-admin-user"));
        assertFalse(robot.lookup("#plan-catalog").tryQuery().isPresent());
    }

    @Test
    void testConnectionShowsWhatTheTargetIs(FxRobot robot) {
        Button test = robot.lookup("#plan-test-connection").queryButton();
        // The button sits low on the page: reach it as a keyboard user does, by focus, then Space.
        robot.interact(test::requestFocus);
        robot.type(KeyCode.SPACE);

        String result = robot.lookup("#plan-connection-result").queryAs(Label.class).getText();
        assertTrue(result.startsWith("Connected: "), result);
        assertTrue(result.endsWith("; an OutSystems platform database"), result);
        assertTrue(robot.lookup("#plan-connection-result").queryAs(Label.class).getStyleClass().contains("ok-text"));
    }

    @Test
    void readFilesFromTheSourceWaitsForASourceAndSaysAnH2SandboxNeedsNoNames(FxRobot robot) {
        Button read = robot.lookup("#plan-read-files").queryButton();
        assertEquals(PlanForms.READ_FILES, read.getText());
        assertTrue(read.isDisabled(), "no source yet");
        String files = text(robot, "#plan-files");

        robot.interact(() -> fixture.wizard.sourceUrlProperty().set(fixture.url));
        assertFalse(read.isDisabled());
        robot.interact(read::requestFocus);
        robot.type(KeyCode.SPACE);

        Label said = robot.lookup("#plan-read-files-result").queryAs(Label.class);
        assertTrue(said.getText().startsWith("The source is an H2 sandbox"), said.getText());
        assertTrue(said.getStyleClass().contains("error-text"));
        assertEquals(files, text(robot, "#plan-files"));
    }

    private static String text(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return ((TextField) node).getText();
    }
}
