package dev.envclone.ui.main;

import dev.envclone.run.RunFolder;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * Asks before Continue later closes the run: Cancel is the default, so that Enter (meant for Next) on the button
 * never leaves the run by accident. Nothing is lost either way; leaving only closes the connection and returns to
 * the start page, from which the run is resumed.
 */
final class ContinueLater {
    static final String ID = "continue-later-confirm";
    static final ButtonType LEAVE = new ButtonType("Close the run", ButtonBar.ButtonData.OK_DONE);

    private ContinueLater() {
    }

    static boolean confirmed(Node owner, RunFolder run) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text(run), LEAVE, ButtonType.CANCEL);
        if (owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        alert.setTitle("Continue later");
        alert.setHeaderText("Continue later?");
        alert.getDialogPane().setId(ID);
        alert.getDialogPane().setMinWidth(520);
        ((Button) alert.getDialogPane().lookupButton(LEAVE)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().map(LEAVE::equals).orElse(false);
    }

    static String text(RunFolder run) {
        if (run == null) {
            return "No run has started yet: the plan typed here is forgotten, and the start page is shown again.";
        }
        return "Every step's state is in the run's journal already. This closes the connection to the target, "
                + "releases the run folder and goes back to the start page; resume the run from there"
                + " (Resume, or Open a run folder: " + run.folder() + ").";
    }
}
