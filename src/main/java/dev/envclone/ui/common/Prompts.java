package dev.envclone.ui.common;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The small dialogs every page needs, in one place and one wording: confirm, a required reason, a DBA's name and
 * note, copy and save. Every dialog is answered with the keyboard, and every one that records or executes
 * something defaults to Cancel: Enter and Escape both cancel, the action needs its button (Tab to it and Space, or a
 * click). A habit of Enter ("Enter means Next") must never execute a step or put a mark into the signed report.
 */
public final class Prompts {
    private Prompts() {
    }

    /** A DBA's name (required) and note. */
    public record DbaNote(String name, String note) {
    }

    /** Asks before something that changes the database or the journal; Cancel is the default. */
    public static boolean confirm(Node owner, String id, String title, String text, String action) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, act, ButtonType.CANCEL);
        alert.initOwner(window(owner));
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId(id);
        alert.getDialogPane().setMinWidth(560);
        cancelByDefault(alert.getDialogPane(), act, true);
        return alert.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    /**
     * Asks as {@link #confirm} does, and also for a text to be typed (the target database's name on a real
     * environment): the action's button stays disabled until {@code matches} accepts the text. Cancel is still the
     * default, so Enter in the field cancels rather than executes; the keyboard starts in the field.
     */
    public static boolean confirmTyped(Node owner, String id, String title, String text, String action,
                                       String prompt, Predicate<String> matches) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", act, ButtonType.CANCEL);
        alert.initOwner(window(owner));
        alert.setTitle(title);
        alert.setHeaderText(title);
        DialogPane pane = alert.getDialogPane();
        pane.setId(id);
        pane.setMinWidth(560);
        Label question = new Label(text);
        question.setId(id + "-text");
        question.setWrapText(true);
        Label hint = new Label(prompt);
        hint.setId(id + "-prompt");
        hint.setWrapText(true);
        TextField typed = new TextField();
        typed.setId(id + "-typed");
        hint.setLabelFor(typed);
        GridPane grid = grid();
        grid.addRow(0, question);
        grid.addRow(1, hint);
        grid.addRow(2, typed);
        pane.setContent(grid);
        pane.lookupButton(act).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !matches.test(typed.getText()), typed.textProperty()));
        cancelByDefault(pane, act, false);
        Platform.runLater(typed::requestFocus);
        return alert.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE
                && matches.test(typed.getText())).orElse(false);
    }

    /** A text the operator must give (a skip's reason): OK stays disabled while it is blank. */
    public static Optional<String> requiredText(Node owner, String id, String title, String label) {
        Dialog<String> dialog = dialog(owner, id, title);
        TextArea text = new TextArea();
        text.setId(id + "-text");
        text.setPrefRowCount(3);
        text.setWrapText(true);
        GridPane grid = grid();
        grid.addRow(0, new Label(label));
        grid.addRow(1, text);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(text.textProperty().isEmpty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> text.getText().isBlank(), text.textProperty())));
        dialog.setResultConverter(b -> b == ButtonType.OK ? text.getText().strip() : null);
        cancelByDefault(dialog.getDialogPane(), ButtonType.OK, false);
        Platform.runLater(text::requestFocus);
        return dialog.showAndWait();
    }

    /** Done by a DBA: the DBA's name (required) and a note. */
    public static Optional<DbaNote> dba(Node owner, String id) {
        Dialog<DbaNote> dialog = dialog(owner, id, "Done by a DBA");
        TextField name = new TextField();
        name.setId(id + "-name");
        TextField note = new TextField();
        note.setId(id + "-note");
        GridPane grid = grid();
        Label nameLabel = new Label("_DBA's name:");
        nameLabel.setMnemonicParsing(true);
        nameLabel.setLabelFor(name);
        Label noteLabel = new Label("N_ote:");
        noteLabel.setMnemonicParsing(true);
        noteLabel.setLabelFor(note);
        grid.addRow(0, nameLabel, name);
        grid.addRow(1, noteLabel, note);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> name.getText().isBlank(),
                        name.textProperty()));
        dialog.setResultConverter(b -> b == ButtonType.OK ? new DbaNote(name.getText().strip(),
                note.getText().strip()) : null);
        cancelByDefault(dialog.getDialogPane(), ButtonType.OK, false);
        Platform.runLater(name::requestFocus);
        return dialog.showAndWait();
    }

    /** Shows a failure: what went wrong, in the engine's words, and that nothing was kept. */
    public static void error(Node owner, String id, String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(window(owner));
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId(id);
        alert.getDialogPane().setMinWidth(560);
        alert.showAndWait();
    }

    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * Save As for a generated text (SQL, parameter file): the file the operator chose, or null when cancelled. The
     * page hands it to its view model, which writes it (owner-only, through the engine).
     */
    public static Path saveAs(Node owner, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggestedName);
        java.io.File file = chooser.showSaveDialog(window(owner));
        return file == null ? null : file.toPath();
    }

    private static <T> Dialog<T> dialog(Node owner, String id, String title) {
        Dialog<T> dialog = new Dialog<>();
        dialog.initOwner(window(owner));
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setMinWidth(520);
        return dialog;
    }

    /**
     * Cancel is the dialog's default button (Enter) as well as its cancel button (Escape); the action is not a
     * default. With {@code focusCancel} the keyboard starts on Cancel too (a dialog with a field starts there).
     */
    private static void cancelByDefault(DialogPane pane, ButtonType action, boolean focusCancel) {
        Button act = (Button) pane.lookupButton(action);
        Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        act.setDefaultButton(false);
        cancel.setDefaultButton(true);
        if (focusCancel) {
            Platform.runLater(cancel::requestFocus);
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        return grid;
    }

    private static Window window(Node owner) {
        return owner == null || owner.getScene() == null ? null : owner.getScene().getWindow();
    }
}
