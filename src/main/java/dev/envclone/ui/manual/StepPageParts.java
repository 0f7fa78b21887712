package dev.envclone.ui.manual;

import dev.envclone.ui.common.ActionIcons.Action;
import dev.envclone.ui.common.ActionIcons;
import dev.envclone.ui.common.Prompts;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The pieces the step pages (prerequisites, clone, Configuration Tool, manual, final) build the same way, kept in
 * one place so a step's record, its note and its buttons look and behave alike on every page. Each takes the page's
 * id prefix ("clone", "manual", …) so the ids stay those the end-to-end test looks for.
 */
public final class StepPageParts {
    private StepPageParts() {
    }

    /** A wrapping label, with an id and a style class where given. */
    public static Label text(String id, String value, String styleClass) {
        Label label = new Label(value);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        if (id != null) {
            label.setId(id);
        }
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }

    /** The document's points, one "•  " line each. */
    public static VBox bullets(String id, List<String> points) {
        VBox box = new VBox(4);
        if (id != null) {
            box.setId(id);
        }
        for (String point : points) {
            box.getChildren().add(text(null, "•  " + point, null));
        }
        return box;
    }

    /** The step's record in words ({@code prefix-state}). */
    public static Label state(String prefix, StepMarks marks) {
        Label state = text(prefix + "-state", "", null);
        state.textProperty().bind(marks.recordProperty());
        return state;
    }

    /** Why the last mark was not recorded ({@code prefix-error}), shown only when there is something to say. */
    public static Label error(String prefix, StepMarks marks) {
        Label error = text(prefix + "-error", "", "error-text");
        error.textProperty().bind(marks.errorProperty());
        // An empty error line would leave a gap; it takes space only when there is something to say.
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    /** The record block: state, then the error line. */
    public static VBox record(String prefix, StepMarks marks) {
        return new VBox(4, state(prefix, marks), error(prefix, marks));
    }

    /**
     * "N_ote:" (Alt+O: Alt+N is the window's Next) and its field ({@code prefix-note}). Enter in the field does
     * nothing: a tick goes into the signed report with no undo, so only the page's Done button records it, and
     * Enter does not press Next either, which would leave the typed note behind unrecorded.
     */
    public static HBox noteRow(String prefix, String prompt, StringProperty note, BooleanBinding canMark) {
        TextField field = new TextField();
        field.setId(prefix + "-note");
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(note);
        field.disableProperty().bind(canMark.not());
        field.setOnAction(javafx.event.Event::consume);
        // Room for a few words even on a narrow page; the buttons that share its row keep theirs.
        field.setPrefColumnCount(12);
        field.setMinWidth(80);
        Label noteLabel = new Label("N_ote:");
        noteLabel.setMnemonicParsing(true);
        noteLabel.setLabelFor(field);
        noteLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox row = new HBox(8, noteLabel, field);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A mark button (Done, Mark done, Done by DBA), offered only while {@code canMark} holds. */
    public static Button markButton(String text, String id, BooleanBinding canMark, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        // Its words whole at any text size: the note field beside it gives way instead.
        button.setMinWidth(Button.USE_PREF_SIZE);
        button.disableProperty().bind(canMark.not());
        button.setOnAction(e -> action.run());
        return button;
    }

    /** "_Skip…" ({@code prefix-skip}): asks why, then records the skip with that reason. */
    public static Button skipButton(Node owner, String prefix, StepMarks marks, BooleanBinding canMark) {
        return ActionIcons.on(markButton("_Skip…", prefix + "-skip", canMark, () -> Prompts.requiredText(owner,
                prefix + "-skip-dialog", "Skip: " + marks.title(),
                "Why is this step skipped? The reason goes into the journal and the report.")
                .ifPresent(marks::skip)), Action.SKIP);
    }

    /**
     * The step's unattended command, as OutSystems documents it, to copy; configuration-tool.cmd in the run folder runs
     * it and asks for each value.
     */
    public static VBox unattended(String prefix, dev.envclone.procedure.UnattendedCommands.Command command) {
        Label line = text(prefix + "-unattended-command", command.display(), "sql");
        Label hint = text(prefix + "-unattended-hint", "configuration-tool.cmd in the run folder runs it on the "
                + "server (elevated prompt) and asks for each value, passwords hidden; the tool takes them on its "
                + "command line, where the server's administrators can see them while it runs. Syntax: "
                + command.source() + ".", "hint");
        Button copy = new Button("Cop_y the command");
        copy.setId(prefix + "-unattended-copy");
        copy.setOnAction(e -> dev.envclone.ui.common.Prompts.copy(command.display()));
        VBox box = new VBox(6, dev.envclone.ui.common.PageLayout.section("Unattended command"), line, hint, copy);
        return box;
    }
}
