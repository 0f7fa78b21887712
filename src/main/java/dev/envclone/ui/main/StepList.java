package dev.envclone.ui.main;

import dev.envclone.procedure.ProcedurePhase;
import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.common.FxBackground;
import dev.envclone.ui.common.PathIcon;
import dev.envclone.ui.common.StateIcons;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The main window's step list: every row of the wizard (the plan, each step, the final checklist) with a state
 * icon, grouped under the document's phases. A phase's heading is drawn in the cell of its first step rather than
 * as a row of its own: the list's indexes stay the wizard's ({@link WizardViewModel#selectedProperty()}), and the
 * arrow keys, Back and Next never land on a heading.
 */
final class StepList {
    private final ListView<StepItem> list;

    StepList(ListView<StepItem> list, WizardViewModel wizard, FxBackground background) {
        this.list = list;
        list.setId("main-steps");
        list.getStyleClass().add("step-list");
        list.setItems(wizard.items());
        list.setPrefWidth(360);
        list.setCellFactory(v -> new StepCell());
        list.getSelectionModel().select(wizard.selectedProperty().get());
        list.getSelectionModel().selectedIndexProperty().addListener((o, before, now) -> {
            if (now.intValue() >= 0 && now.intValue() != wizard.selectedProperty().get()) {
                wizard.selectedProperty().set(now.intValue());
            }
        });
        list.disableProperty().bind(background.busyProperty());
    }

    Node view() {
        return list;
    }

    /** The phase whose heading goes above row {@code index}: a step's phase when the row before had another. */
    static ProcedurePhase headingAt(List<StepItem> items, int index) {
        ProcedurePhase phase = items.get(index).phase();
        if (phase == null) {
            return null;
        }
        return index > 0 && items.get(index - 1).phase() == phase ? null : phase;
    }

    /** One row: the phase heading when the row begins one, then the icon, the step's title and its state. */
    private static final class StepCell extends ListCell<StepItem> {
        private final Label heading = new Label();
        private final PathIcon icon = StateIcons.icon(StateIcons.Look.PENDING);
        private final Label title = new Label();
        private final Label state = new Label();
        private final HBox row;
        private final VBox box;

        StepCell() {
            heading.getStyleClass().add("step-phase-heading");
            heading.setMaxWidth(Double.MAX_VALUE);
            title.getStyleClass().add("step-title");
            title.setWrapText(true);
            // Step titles are the document's words, not mnemonics.
            title.setMnemonicParsing(false);
            state.getStyleClass().add("step-state");
            VBox words = new VBox(1, title, state);
            HBox.setHgrow(words, Priority.ALWAYS);
            words.setMinWidth(0);
            row = new HBox(8, icon, words);
            row.setAlignment(Pos.TOP_LEFT);
            row.getStyleClass().add("step-row");
            StateIcons.sizedAs(icon, title.fontProperty());
            box = new VBox(heading, row);
            box.setFillWidth(true);
            // The cell wraps its title within the list's width instead of widening the list: see computePrefHeight.
            setPrefWidth(0);
        }

        /**
         * The height the row needs at the list's width, its title wrapped: a cell's graphic is otherwise measured at
         * its own preferred width, one line, and a long title is cut with "…" (at 150 % text, most of them).
         */
        @Override
        protected double computePrefHeight(double width) {
            double w = width > 0 ? width : getWidth();
            if (getGraphic() == null || w <= 0) {
                return super.computePrefHeight(width);
            }
            return snappedTopInset() + box.prefHeight(w - snappedLeftInset() - snappedRightInset())
                    + snappedBottomInset();
        }

        @Override
        protected void updateItem(StepItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            ProcedurePhase phase = headingAt(getListView().getItems(), getIndex());
            heading.setText(phase == null ? "" : phase.displayName());
            heading.setId(phase == null ? null : "main-steps-phase-" + phase.name().toLowerCase(java.util.Locale.ROOT));
            heading.setVisible(phase != null);
            heading.setManaged(phase != null);
            title.setText(item.heading());
            state.setText(item.stateText());
            state.setVisible(!item.stateText().isEmpty());
            state.setManaged(state.isVisible());
            boolean isStep = item.kind() == StepItem.Kind.STEP;
            icon.setVisible(isStep);
            icon.setManaged(isStep);
            row.getStyleClass().removeAll("step-na");
            if (isStep) {
                StateIcons.Look look = StateIcons.look(item.stateProperty().get(), item.runningProperty().get(),
                        item.applicable());
                StateIcons.show(icon, look);
                icon.setId("main-steps-icon-" + item.step().id());
                if (!item.applicable()) {
                    row.getStyleClass().add("step-na");
                }
            } else {
                icon.setId(null);
            }
            setGraphic(box);
        }
    }
}
