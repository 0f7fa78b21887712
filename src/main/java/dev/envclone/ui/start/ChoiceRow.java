package dev.envclone.ui.start;

import dev.envclone.ui.common.Subscriptions;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

/**
 * One of the start page's choices (DBMS, text size, theme) as a labelled row of radio buttons bound to a property.
 * Radio buttons, not combo boxes: every value is in view (two or three each), and a combo box brings its list, list
 * cell, virtual flow and scroll bars with their skins into the first frame (about a third of a second of the
 * window's start, measured). Keyboard: the label's Alt+letter reaches the chosen button, an arrow key chooses the
 * next one, Tab leaves the row.
 */
final class ChoiceRow {
    private static final KeyCombination ENTER = new KeyCodeCombination(KeyCode.ENTER);

    private ChoiceRow() {
    }

    /**
     * The row {@code id} ({@code start-dbms}); each button {@code id-key} ({@code start-dbms-sqlserver}), its words
     * {@code name}'s. The property's listener is the page's subscription: the property outlives the page.
     */
    static <T> Node of(String id, String label, List<T> values, Function<T, String> key, Function<T, String> name,
            Property<T> property, Subscriptions subscriptions) {
        ToggleGroup group = new ToggleGroup();
        HBox buttons = new HBox(12);
        buttons.setId(id);
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (T value : values) {
            RadioButton button = new RadioButton(name.apply(value));
            button.setId(id + "-" + key.apply(value).toLowerCase(Locale.ROOT));
            // A name is words, not a mnemonic: the row's label has the Alt+letter.
            button.setMnemonicParsing(false);
            button.setUserData(value);
            button.setToggleGroup(group);
            button.setSelected(value.equals(property.getValue()));
            button.addEventFilter(KeyEvent.KEY_PRESSED, ChoiceRow::enterIsTheDefault);
            buttons.getChildren().add(button);
        }
        Label caption = new Label(label);
        caption.setMnemonicParsing(true);
        caption.setLabelFor(selectedOr(group));
        group.selectedToggleProperty().addListener((o, before, now) -> {
            // Keeps one button chosen (a click on the chosen one would clear it) and the Alt+letter on it.
            if (now == null) {
                before.setSelected(true);
                return;
            }
            caption.setLabelFor((Node) now);
            @SuppressWarnings("unchecked")
            T value = (T) now.getUserData();
            if (!value.equals(property.getValue())) {
                property.setValue(value);
            }
        });
        subscriptions.listen(property, (o, before, now) -> {
            for (Toggle toggle : group.getToggles()) {
                if (toggle.getUserData().equals(now)) {
                    toggle.setSelected(true);
                }
            }
        });
        HBox row = new HBox(8, caption, buttons);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /**
     * Enter on a choice is the page's default action (Rehearse), as in a dialog: a radio button would take Enter for
     * itself, and the start page opens with the first choice focused.
     */
    private static void enterIsTheDefault(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER && event.getTarget() instanceof Node node && node.getScene() != null) {
            Runnable action = node.getScene().getAccelerators().get(ENTER);
            if (action != null) {
                event.consume();
                action.run();
            }
        }
    }

    private static Node selectedOr(ToggleGroup group) {
        return (Node) (group.getSelectedToggle() != null ? group.getSelectedToggle() : group.getToggles().get(0));
    }
}
