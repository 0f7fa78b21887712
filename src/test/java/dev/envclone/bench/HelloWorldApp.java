package dev.envclone.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** A bare JavaFX window, one label, the wizard's default size: the floor the wizard's start is measured against. */
public final class HelloWorldApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("hello");
        stage.setScene(new Scene(new StackPane(new Label("Hello, world")), 1024, 700));
        stage.show();
    }
}
