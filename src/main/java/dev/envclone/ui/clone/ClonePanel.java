package dev.envclone.ui.clone;

import static dev.envclone.ui.manual.StepPageParts.text;

import dev.envclone.ui.common.ActionIcons.Action;
import dev.envclone.ui.common.ActionIcons;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The clone as envclone runs it, on a clone step's page: a progress bar per action with what it is doing and its
 * elapsed and estimated time, Run and Cancel, the live log (the last lines, read-only), and after a failure the
 * engine's message, what the target is left in and what to do. Shown only when the run has a source. No
 * animation: the bars move when the engine reports, the times once a second.
 */
final class ClonePanel {
    private final CloneViewModel model;
    private final VBox view = new VBox(8);
    private final VBox actions = new VBox(6);
    private final Button run = ActionIcons.on(new Button("_Run the clone"), Action.RUN_CLONE);
    private final Button cancel = ActionIcons.on(new Button("Cancel (Esc)"), Action.CANCEL);
    // The elapsed time is counted here, once a second while a clone runs; the view model computes it.
    private final Timeline clock;

    ClonePanel(CloneViewModel model) {
        this.model = model;
        this.clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        build();
    }

    Node view() {
        return view;
    }

    /** Run and Cancel, for the page's actions bar; shown while envclone runs the clone (a source is given). */
    List<Button> buttons() {
        return List.of(run, cancel);
    }

    private void build() {
        view.setId("clone-panel");
        view.visibleProperty().bind(model.automaticProperty().or(model.readingProperty())
                .or(model.cloneMessageProperty().isNotEmpty()));
        view.managedProperty().bind(view.visibleProperty());
        Label status = text("clone-status", "", null);
        status.textProperty().bind(model.cloneMessageProperty());
        actions.setId("clone-actions");
        model.rows().addListener((ListChangeListener<CloneActionRow>) c -> {
            if (rowsReplaced(c)) {
                rows();
            }
        });
        rows();
        run.setId("clone-run");
        run.setOnAction(e -> model.start());
        run.disableProperty().bind(model.canRunProperty().not());
        run.setDefaultButton(false);
        cancel.setId("clone-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        for (Button button : buttons()) {
            button.visibleProperty().bind(model.automaticProperty());
            button.managedProperty().bind(button.visibleProperty());
        }

        VBox failed = new VBox(4, text("clone-failure", "", "error-text"), text("clone-left", "", null),
                text("clone-advice", "", "hint"));
        failed.setId("clone-failed");
        ((Label) failed.getChildren().get(0)).textProperty().bind(model.failureProperty());
        ((Label) failed.getChildren().get(1)).textProperty().bind(Bindings.concat("Left: ", model.leftProperty()));
        ((Label) failed.getChildren().get(2)).textProperty().bind(Bindings.concat("What to do: ",
                model.adviceProperty()));
        failed.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failed.managedProperty().bind(failed.visibleProperty());

        Label logHeading = text(null, "Lo_g", "section-title");
        logHeading.setMnemonicParsing(true);
        ListView<String> log = new ListView<>(model.log());
        log.setId("clone-log");
        log.setPrefHeight(170);
        log.setMinHeight(100);
        log.setFocusTraversable(true);
        logHeading.setLabelFor(log);
        // The newest line in view as it arrives; a line the operator selected keeps the list where it is.
        model.log().addListener((ListChangeListener<String>) c -> {
            if (log.getSelectionModel().isEmpty() && !model.log().isEmpty()) {
                log.scrollTo(model.log().size() - 1);
            }
        });
        VBox logBox = new VBox(4, logHeading, log);
        logBox.visibleProperty().bind(model.automaticProperty());
        logBox.managedProperty().bind(logBox.visibleProperty());

        model.runningProperty().addListener((o, was, now) -> {
            if (now) {
                clock.play();
            } else {
                clock.stop();
            }
        });
        view.getChildren().addAll(text(null, "Clone from the source", "section-title"), status, actions, failed,
                logBox);
    }

    private static boolean rowsReplaced(ListChangeListener.Change<? extends CloneActionRow> c) {
        while (c.next()) {
            if (c.wasAdded() || c.wasRemoved()) {
                return true;
            }
        }
        return false;
    }

    /** One block per action: its step on a line of its own, then its bar, what it is doing and its time. */
    private void rows() {
        actions.getChildren().clear();
        for (CloneActionRow row : model.rows()) {
            Label title = new Label(row.title());
            title.setWrapText(true);
            ProgressBar bar = new ProgressBar();
            bar.setId("clone-progress-" + row.stepId());
            bar.progressProperty().bind(row.progressProperty());
            bar.setPrefWidth(220);
            bar.setMinWidth(120);
            bar.setFocusTraversable(false);
            Label state = new Label();
            state.setId("clone-state-" + row.stepId());
            state.textProperty().bind(row.statusProperty());
            state.setWrapText(true);
            Label time = new Label();
            time.setId("clone-time-" + row.stepId());
            time.textProperty().bind(row.timingProperty());
            time.getStyleClass().add("hint");
            VBox words = new VBox(2, state, time);
            HBox.setHgrow(words, Priority.ALWAYS);
            HBox line = new HBox(10, bar, words);
            line.setAlignment(Pos.TOP_LEFT);
            actions.getChildren().add(new VBox(2, title, line));
        }
    }
}
