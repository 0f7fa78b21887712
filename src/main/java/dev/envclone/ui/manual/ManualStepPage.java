package dev.envclone.ui.manual;

import static dev.envclone.ui.manual.StepPageParts.text;

import dev.envclone.ui.common.WizardPage;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A manual step: the document's instruction and points, where the document has it, the step's record, and Done /
 * Skip with a note. A step the plan leaves out shows only why.
 */
public final class ManualStepPage implements WizardPage {
    private final ManualStepViewModel model;
    private final VBox view = new VBox(10);

    public ManualStepPage(ManualStepViewModel model) {
        this.model = model;
        build();
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void shown() {
        model.reload();
    }

    private void build() {
        view.setId("manual-page");
        view.setPadding(new Insets(4));
        StepMarks marks = model.marks();
        Label title = text("manual-title", marks.title(), "page-title");
        view.getChildren().add(title);
        if (!model.applicable()) {
            view.getChildren().addAll(text("manual-not-applicable", model.notApplicableText(), "hint"),
                    text("manual-reference", marks.reference(), "hint"));
            return;
        }
        view.getChildren().add(text("manual-instruction", marks.instruction(), null));
        if (!marks.details().isEmpty()) {
            view.getChildren().add(StepPageParts.bullets("manual-details", marks.details()));
        }
        if (ManualStepViewModel.UNMAP_STEP.equals(model.item().step().id())) {
            view.getChildren().add(text("manual-service-center", "On a real environment this is done in Service "
                    + "Center > Factory > Extensions: for each extension with a database connection, open the "
                    + "Operation tab, set each logical database to (not configured) and apply, as the document "
                    + "describes. Keep each connection's settings: after the migration the extensions are mapped "
                    + "again as \"Deploy an application that integrates with an external database\" describes.",
                    "hint"));
        }
        view.getChildren().add(text("manual-reference", marks.reference(), "hint"));
        if (model.sandboxUnmapOffered()) {
            view.getChildren().add(sandbox());
        }
        view.getChildren().addAll(text(null, "Record", "section-title"),
                StepPageParts.record("manual", marks), actions());
    }

    private Node sandbox() {
        Button unmap = new Button("_Unmap the extensions in the sandbox");
        unmap.setId("manual-sandbox-unmap");
        unmap.disableProperty().bind(model.unmappingProperty().or(model.marks().finishedProperty()));
        unmap.setOnAction(e -> model.unmapInSandbox());
        Label message = text("manual-sandbox-message", "", "ok-text");
        message.textProperty().bind(model.sandboxMessageProperty());
        return new VBox(6, text(null, "Rehearsal: the sandbox has no Service Center; this button does what the "
                + "operator would do there (it deletes the rows of OSSYS_EXTENSION_DBCONNECTION).", "hint"),
                unmap, message);
    }

    private Node actions() {
        HBox noteRow = StepPageParts.noteRow("manual",
                "What is worth keeping: who else was involved, a ticket number …", model.noteProperty(),
                model.canMarkProperty());
        Button done = StepPageParts.markButton("_Done", "manual-tick", model.canMarkProperty(), model::tick);
        Button skip = StepPageParts.skipButton(view, "manual", model.marks(), model.canMarkProperty());
        return new VBox(8, noteRow, new HBox(10, done, skip));
    }
}
