package dev.envclone.ui.configtool;

import com.dlsc.formsfx.view.controls.SimpleTextControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * FormsFX's text control with room for the document's field names: FormsFX gives the label 2 of 12 columns, which
 * cuts "Catalog (the restored database)" short; here it gets 5, wraps, and the value's fixed height is dropped so
 * large text is never clipped.
 */
final class SheetTextControl extends SimpleTextControl {
    private static final int LABEL_COLUMNS = 5;

    @Override
    public void layoutParts() {
        super.layoutParts();
        int span = field.getSpan();
        // Below 3 columns FormsFX puts the label above the value; only the side-by-side layout needs widening.
        if (span > LABEL_COLUMNS) {
            GridPane.setColumnSpan(fieldLabel, LABEL_COLUMNS);
            GridPane.setColumnIndex(stack, LABEL_COLUMNS);
            GridPane.setColumnSpan(stack, span - LABEL_COLUMNS);
        }
        fieldLabel.setWrapText(true);
        fieldLabel.setMinHeight(Region.USE_PREF_SIZE);
        readOnlyLabel.setWrapText(true);
        readOnlyLabel.setPrefHeight(Region.USE_COMPUTED_SIZE);
    }
}
