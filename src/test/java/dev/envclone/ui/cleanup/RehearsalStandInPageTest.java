package dev.envclone.ui.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.run.JournalEvent;
import dev.envclone.sandbox.ServiceCenterStandIn;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The database-connections page with its stand-in button on the rehearsal sandbox, and without it on a real
 * target (the wizard's rehearsal flag off), side by side in one window.
 */
@ExtendWith(ApplicationExtension.class)
class RehearsalStandInPageTest {
    private static final String CONNECTIONS = "cleanup-database-connections";

    @TempDir
    Path folder;

    private WizardFixture rehearsal;
    private CleanupPage rehearsalPage;
    private CleanupPage realPage;

    @Start
    void start(Stage stage) throws Exception {
        rehearsal = WizardFixture.started(Dbms.SQLSERVER, folder.resolve("rehearsal"), Background.direct());
        rehearsalPage = new CleanupPage(new CleanupViewModel(rehearsal.wizard, rehearsal.item(CONNECTIONS)));
        WizardFixture real = WizardFixture.started(Dbms.SQLSERVER, folder.resolve("real"), Background.direct());
        real.wizard.rehearsalProperty().set(false);
        realPage = new CleanupPage(new CleanupViewModel(real.wizard, real.item(CONNECTIONS)));
        stage.setScene(new Scene(new HBox(10, rehearsalPage.view(), realPage.view()), 1200, 800));
        stage.show();
    }

    @Test
    void onlyTheSandboxOffersTheStandInAndItClearsTheStep(FxRobot robot) throws Exception {
        assertNull(realPage.view().lookup("#cleanup-stand-in"), "a real target never shows the button");
        Button standIn = (Button) rehearsalPage.view().lookup("#cleanup-stand-in");
        assertEquals("Unmap the connections as Service Center would (rehearsal)", standIn.getText());

        robot.clickOn(standIn);

        assertEquals(0, rehearsal.count("OSSYS_EXTENSION_DBCONNECTION"));
        assertEquals(JournalEvent.REHEARSAL_STAND_IN, rehearsal.wizard.runProperty().get().state()
                .lastEntry(ServiceCenterStandIn.UNMAP_STEP).event());
        String result = ((Labeled) rehearsalPage.view().lookup("#cleanup-result")).getText();
        assertTrue(result.startsWith("Rehearsal stand-in: removed "), result);
        robot.clickOn(rehearsalPage.view().lookup("#cleanup-preview"));
        assertEquals("", ((Labeled) rehearsalPage.view().lookup("#cleanup-blocked")).getText());
        assertFalse(standIn.isDisabled(), "the stand-in may run again until the step is done");
    }
}
