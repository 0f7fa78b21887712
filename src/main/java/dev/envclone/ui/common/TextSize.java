package dev.envclone.ui.common;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * The larger-text setting where the operator sees it (Alt+Z), not only as Ctrl+Plus / Ctrl+Minus: over remote
 * desktop at 125–150 % scaling the default text can be too small to read.
 */
public final class TextSize {
    public static final List<Integer> PERCENTS = List.of(100, 125, 150);
    /** Alt+Z: the bottom bar is on every page, and Alt+T is the plan page's "Target environment". */
    public static final String LABEL = "Text si_ze:";

    /** The root font size at 100 %: every size in the stylesheet is in em, so this one value scales them all. */
    private static final double BASE_PX = 13.0;
    /** The setting the dialogs follow: the latest wizard's (tests start several in one JVM). */
    private static IntegerProperty dialogPercent;

    private TextSize() {
    }

    private static void keepButtonWords(javafx.scene.control.DialogPane pane, javafx.stage.Window window) {
        for (javafx.scene.control.ButtonType type : pane.getButtonTypes()) {
            if (pane.lookupButton(type) instanceof javafx.scene.layout.Region button) {
                button.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
                button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        pane.requestLayout();
        window.sizeToScene();
    }

    /** The style that sets a scene root's font to {@code percent} of the default. */
    public static String rootStyle(int percent) {
        return "-fx-font-size: " + (BASE_PX * percent / 100.0) + "px;";
    }

    /**
     * Every dialog shown from now on (confirmations, the typed-name question, the operator's name) takes the text
     * size as it opens: a dialog is a window of its own, which the main window's root style does not reach, and
     * at 150 % over remote desktop the question before Execute must be as readable as the page behind it. Once per
     * listener per application, following the latest wizard's setting; FX thread.
     */
    public static void onEveryDialog(IntegerProperty percent) {
        boolean first = dialogPercent == null;
        dialogPercent = percent;
        if (!first) {
            return;
        }
        NewWindows.each(window -> {
            if (window.getScene() != null
                    && window.getScene().getRoot() instanceof javafx.scene.control.DialogPane pane) {
                pane.setStyle(rootStyle(dialogPercent.get()));
                // The button bar sized its buttons before the larger font reached them (at 150 % they read
                // "Can…" and "Exe…"): once shown, each is sized again to its words and the dialog to its content.
                window.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, shown -> keepButtonWords(pane, window));
            }
        });
    }

    /**
     * A labelled choice of 100, 125 and 150 %, bound to the wizard's remembered setting; the window's
     * subscriptions hold its listener on that setting, which outlives the window.
     */
    public static Node control(String id, IntegerProperty percent, Subscriptions subscriptions) {
        ComboBox<Integer> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(PERCENTS);
        box.setValue(percent.get());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value + " %";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.replace("%", "").strip());
            }
        });
        box.valueProperty().addListener((o, before, now) -> {
            if (now != null && now != percent.get()) {
                percent.set(now);
            }
        });
        subscriptions.listen(percent, (o, before, now) -> box.setValue(now.intValue()));
        Label label = new Label(LABEL);
        label.setMnemonicParsing(true);
        label.setLabelFor(box);
        HBox row = new HBox(6, label, box);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }
}
