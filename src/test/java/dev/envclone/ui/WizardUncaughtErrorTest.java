package dev.envclone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.log.LogFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** An error nobody caught on the wizard's FX thread: an alert naming the log file, the stack trace in the log. */
class WizardUncaughtErrorTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private final Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    private WizardApp app;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        System.clearProperty("envclone.home");
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void anErrorOnTheFxThreadShowsAnAlertNamingTheLogFileAndIsLogged() throws Exception {
        System.setProperty("envclone.home", home.toString());
        FxToolkit.registerPrimaryStage();
        app = (WizardApp) FxToolkit.setupApplication(WizardApp::new);
        String marker = "a bug in a page " + System.nanoTime();

        Platform.runLater(() -> {
            throw new IllegalStateException(marker);
        });
        WizardDriver.waitFor(() -> robot.lookup("#uncaught-error").tryQuery().isPresent());

        Path log = LogFile.current();
        assertNotNull(log);
        DialogPane alert = robot.lookup("#uncaught-error").queryAs(DialogPane.class);
        assertEquals("envclone stopped what it was doing on an unexpected error (IllegalStateException: " + marker
                + "); details are in " + log + ".", alert.getContentText());
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("Unexpected error in thread JavaFX Application Thread\njava.lang."
                + "IllegalStateException: " + marker + "\n\tat dev.envclone.ui.WizardUncaughtErrorTest"),
                text.substring(Math.max(0, text.length() - 3000)));
    }
}
