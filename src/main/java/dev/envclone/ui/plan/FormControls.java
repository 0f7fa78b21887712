package dev.envclone.ui.plan;

import com.dlsc.formsfx.view.controls.SimpleBooleanControl;
import com.dlsc.formsfx.view.controls.SimpleComboBoxControl;
import com.dlsc.formsfx.view.controls.SimplePasswordControl;
import com.dlsc.formsfx.view.controls.SimpleTextControl;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * FormsFX's controls with what the wizard needs on top: the id on the input itself (FormsFX puts a field's id on
 * the surrounding grid), a label that wraps and names its input (mnemonic, screen readers), read-only text that is
 * not clipped at a larger text size, and choices shown in the operator's words.
 */
final class FormControls {
    private FormControls() {
    }

    private static void name(Label label, Node input) {
        label.setMnemonicParsing(true);
        label.setLabelFor(input);
        label.setWrapText(true);
    }

    /**
     * The label over its input, both the field's whole width, the message under them. FormsFX puts the label in
     * the left third of a half-width field: at 1024×768 and 150 % text that breaks words ("host\instanc / e",
     * "environ / ment"); over the input, a label only wraps between words.
     */
    private static void labelAbove(GridPane control, Label label, Node input, Node message, int span) {
        control.setVgap(2);
        GridPane.setConstraints(label, 0, 0, span, 1);
        GridPane.setConstraints(input, 0, 1, span, 1);
        if (message != null) {
            GridPane.setConstraints(message, 0, 2, span, 1);
        }
        label.setMaxWidth(Double.MAX_VALUE);
    }

    static final class Text extends SimpleTextControl {
        private final String id;

        Text(String id) {
            this.id = id;
        }

        @Override
        public void layoutParts() {
            super.layoutParts();
            // FormsFX fixes the read-only label at 26 px, which clips the text at 150 %.
            readOnlyLabel.setPrefHeight(Region.USE_COMPUTED_SIZE);
            readOnlyLabel.setWrapText(true);
            labelAbove(this, fieldLabel, stack, field.getValueDescription(), field.getSpan());
        }

        @Override
        public void setupBindings() {
            super.setupBindings();
            editableField.setId(id);
            readOnlyLabel.setId(id + "-read-only");
            name(fieldLabel, editableField);
        }

        /**
         * No tooltip: the message is always shown under the field, where FormsFX would pop the same text over it.
         * (FormsFX's tooltip also fails once the control has left its window while hovered.)
         */
        @Override
        protected void toggleTooltip(Node reference, Control below) {
            tooltip.hide();
        }
    }

    static final class Password extends SimplePasswordControl {
        private final String id;

        Password(String id) {
            this.id = id;
        }

        @Override
        public void layoutParts() {
            super.layoutParts();
            labelAbove(this, fieldLabel, stack, field.getValueDescription(), field.getSpan());
        }

        @Override
        public void setupBindings() {
            super.setupBindings();
            editableField.setId(id);
            name(fieldLabel, editableField);
        }
    }

    static final class Choice<V> extends SimpleComboBoxControl<V> {
        private final String id;
        private final Function<V, String> text;

        Choice(String id, Function<V, String> text) {
            this.id = id;
            this.text = text;
        }

        @Override
        public void layoutParts() {
            super.layoutParts();
            labelAbove(this, fieldLabel, stack, field.getValueDescription(), field.getSpan());
            // The choice's words whole ("Reconfigure an existing installation"): the field's width, not FormsFX's.
            comboBox.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        public void initializeParts() {
            super.initializeParts();
            comboBox.setConverter(new StringConverter<>() {
                @Override
                public String toString(V value) {
                    return value == null ? "" : text.apply(value);
                }

                @Override
                public V fromString(String string) {
                    return null;
                }
            });
        }

        @Override
        public void setupBindings() {
            super.setupBindings();
            comboBox.setId(id);
            readOnlyLabel.setId(id + "-read-only");
            readOnlyLabel.textProperty().unbind();
            readOnlyLabel.textProperty().bind(Bindings.createStringBinding(
                    () -> comboBox.getConverter().toString(comboBox.getValue()), comboBox.valueProperty()));
            name(fieldLabel, comboBox);
        }
    }

    /** A check box that carries its own text, so a click on the words ticks it too. */
    static final class Check extends SimpleBooleanControl {
        private final String id;

        Check(String id) {
            this.id = id;
        }

        @Override
        public void layoutParts() {
            super.layoutParts();
            getChildren().remove(fieldLabel);
            GridPane.setConstraints(container, 0, 0, field.getSpan(), 1);
        }

        @Override
        public void setupBindings() {
            super.setupBindings();
            checkBox.setId(id);
            checkBox.setWrapText(true);
            checkBox.textProperty().bind(field.labelProperty());
            // Read-only without FormsFX's disabling, which greys the text out: it stays readable, just inert.
            checkBox.disableProperty().unbind();
            checkBox.setDisable(false);
            checkBox.mouseTransparentProperty().bind(field.editableProperty().not());
            checkBox.focusTraversableProperty().bind(field.editableProperty());
        }
    }
}
