package dev.envclone.ui.main;

import dev.envclone.ui.WizardViewModel;
import java.util.Optional;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * "Who runs this migration?": the operator's name, asked once each time a run is created or opened, the last name
 * given filled in. Every journal entry of the run and the signed report carry it.
 *
 * <p>Unlike the dialogs before Execute, Skip or a tick (which default to Cancel), Enter here means "use this name":
 * giving one's name records no step and executes nothing, and the run it starts was asked for by Next already.
 * Enter does nothing else: the dialog is a window of its own, the key reaches no page. A blank or multi-line name
 * is refused in the dialog, with the reason at the field (docs/decisions/0021-operator-name-once-per-run.md).
 */
public final class OperatorPrompt implements WizardViewModel.OperatorQuestion {
    static final String ID = "operator-name";
    private final Node owner;

    /** {@code owner}: a node of the window the dialog belongs to (it may be shown before the main window is). */
    public OperatorPrompt(Node owner) {
        this.owner = owner;
    }

    @Override
    public Optional<String> ask(String offered) {
        Dialog<String> dialog = new Dialog<>();
        if (owner.getScene() != null && owner.getScene().getWindow() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        dialog.setTitle("Who runs this migration?");
        dialog.setHeaderText("Who runs this migration?");
        dialog.getDialogPane().setId(ID);
        dialog.getDialogPane().setMinWidth(520);
        ButtonType use = new ButtonType("Use this name", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(use, ButtonType.CANCEL);
        TextField name = new TextField(offered == null ? "" : offered);
        name.setId(ID + "-field");
        name.setPrefColumnCount(24);
        Label label = new Label("Your _name, as the journal and the signed report will show it for every step you "
                + "record in this run (not a login or account name):");
        label.setMnemonicParsing(true);
        label.setLabelFor(name);
        label.setWrapText(true);
        Label problem = new Label();
        problem.setId(ID + "-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        name.textProperty().addListener((o, before, now) -> problem.setText(""));
        VBox content = new VBox(8, label, name, problem);
        content.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(content);
        Button useButton = (Button) dialog.getDialogPane().lookupButton(use);
        useButton.setId(ID + "-use");
        useButton.setDefaultButton(true);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(false);
        // A refused name keeps the dialog open and says why, at the field.
        useButton.addEventFilter(ActionEvent.ACTION, e -> {
            String why = WizardViewModel.operatorProblem(name.getText());
            if (why != null) {
                problem.setText(why);
                name.requestFocus();
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == use ? name.getText().strip() : null);
        Platform.runLater(() -> {
            name.requestFocus();
            name.selectAll();
        });
        return dialog.showAndWait();
    }
}
