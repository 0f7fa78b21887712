package dev.envclone.ui.main;

import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.common.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The top of the main window: the plan (source → target, DBMS, install path, target database), then where the
 * run stands: who runs it, how many of its steps are done, and which step the page shows ("Step 5 of 31 · Clean
 * up"). Bound to the wizard, unbound when the window closes.
 */
final class RunHeader {
    private final VBox view = new VBox();

    RunHeader(WizardViewModel wizard, Subscriptions subscriptions) {
        Label summary = label("main-summary", "plan-summary");
        summary.textProperty().bind(wizard.summaryProperty());
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.setWrapText(true);
        Label operator = label("main-operator", "run-header-operator");
        operator.textProperty().bind(Bindings.createStringBinding(() -> {
            String name = wizard.operatorProperty().get();
            return name == null || name.isBlank() ? "Operator: asked when the run starts" : "Operator: " + name;
        }, wizard.operatorProperty()));
        Label counts = label("main-counts", "run-header-counts");
        counts.textProperty().bind(wizard.progressProperty());
        counts.visibleProperty().bind(counts.textProperty().isNotEmpty());
        counts.managedProperty().bind(counts.visibleProperty());
        Label position = label("main-position", "run-header-position");
        position.textProperty().bind(wizard.positionProperty());
        subscriptions.onClose(() -> {
            summary.textProperty().unbind();
            operator.textProperty().unbind();
            counts.textProperty().unbind();
            position.textProperty().unbind();
        });
        // A flow, not a row: at 1024×768 and 150 % the three wrap onto two lines rather than being cut.
        FlowPane where = new FlowPane(24, 2, position, counts, operator);
        where.setAlignment(Pos.CENTER_LEFT);
        where.getStyleClass().add("run-header-line");
        view.getChildren().addAll(summary, where);
        view.getStyleClass().add("run-header");
    }

    Node view() {
        return view;
    }

    private static Label label(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setMnemonicParsing(false);
        return label;
    }
}
