package dev.envclone.ui;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The wizard's window. Until the wizard lands (issue "The wizard"), it is a placeholder that says so and points
 * to the command line, which already writes the plan, the checklist and every script.
 */
public final class WizardApp extends Application {
    @Override
    public void start(Stage stage) {
        Label title = new Label("envclone");
        title.setId("placeholder-title");
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label text = new Label("The wizard is not built yet. The command line already writes the plan, the "
                + "checklist and every script:\n\n    envclone plan --dbms sqlserver --out plan-folder\n"
                + "    envclone plan --dbms oracle --out plan-folder\n\nRun envclone --help for every option.");
        text.setId("placeholder-text");
        text.setWrapText(true);
        VBox root = new VBox(16, title, text);
        root.setPadding(new Insets(24));
        stage.setTitle("envclone");
        stage.setScene(new Scene(root, 720, 360));
        stage.show();
    }
}
