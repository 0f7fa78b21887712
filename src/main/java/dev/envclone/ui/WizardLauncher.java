package dev.envclone.ui;

import javafx.application.Application;

/**
 * Starts the JavaFX application from a class that is not itself an {@link Application}: launched from the class
 * path, JavaFX refuses a main class that extends Application ("JavaFX runtime components are missing").
 */
public final class WizardLauncher {
    private WizardLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(WizardApp.class, args);
    }
}
