package dev.envclone.ui.manual;

import dev.envclone.ui.common.Prompts;
import dev.envclone.ui.common.WizardPage;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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
        Label title = text("manual-title", model.title(), "page-title");
        view.getChildren().add(title);
        if (!model.applicable()) {
            view.getChildren().addAll(text("manual-not-applicable", model.notApplicableText(), "hint"),
                    text("manual-reference", model.reference(), "hint"));
            return;
        }
        view.getChildren().add(text("manual-instruction", model.instruction(), null));
        if (!model.details().isEmpty()) {
            VBox details = new VBox(4);
            details.setId("manual-details");
            for (String detail : model.details()) {
                details.getChildren().add(text(null, "•  " + detail, null));
            }
            view.getChildren().add(details);
        }
        if (ManualStepViewModel.UNMAP_STEP.equals(model.item().step().id())) {
            view.getChildren().add(text("manual-service-center", "On a real environment this is done in Service "
                    + "Center > Factory > Extensions: for each extension with a database connection, open the "
                    + "Operation tab, set each logical database to (not configured) and apply, as the document "
                    + "describes. Keep each connection's settings: after the migration the extensions are mapped "
                    + "again as \"Deploy an application that integrates with an external database\" describes.",
                    "hint"));
        }
        view.getChildren().add(text("manual-reference", model.reference(), "hint"));
        if (model.sandboxUnmapOffered()) {
            view.getChildren().add(sandbox());
        }
        view.getChildren().addAll(text(null, "Record", "section-title"), record(), actions());
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

    private Node record() {
        Label state = text("manual-state", "", null);
        state.textProperty().bind(model.marks().recordProperty());
        Label error = text("manual-error", "", "error-text");
        error.textProperty().bind(model.marks().errorProperty());
        // An empty error line would leave a gap; it takes space only when there is something to say.
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(4, state, error);
    }

    private Node actions() {
        TextField note = new TextField();
        note.setId("manual-note");
        note.setPromptText("What is worth keeping: who else was involved, a ticket number …");
        note.textProperty().bindBidirectional(model.noteProperty());
        note.disableProperty().bind(model.canMarkProperty().not());
        // Enter in the note ticks the step rather than moving on (Next) without the note recorded.
        note.setOnAction(e -> {
            if (model.canMarkProperty().get()) {
                model.tick();
            }
            e.consume();
        });
        Label noteLabel = new Label("_Note:");
        noteLabel.setMnemonicParsing(true);
        noteLabel.setLabelFor(note);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox noteRow = new HBox(8, noteLabel, note);
        noteRow.setAlignment(Pos.CENTER_LEFT);

        Button done = new Button("_Done");
        done.setId("manual-tick");
        done.disableProperty().bind(model.canMarkProperty().not());
        done.setOnAction(e -> model.tick());
        Button skip = new Button("_Skip…");
        skip.setId("manual-skip");
        skip.disableProperty().bind(model.canMarkProperty().not());
        skip.setOnAction(e -> Prompts.requiredText(view, "manual-skip-dialog", "Skip: " + model.title(),
                "Why is this step skipped? The reason goes into the journal and the report.")
                .ifPresent(model::skip));
        return new VBox(8, noteRow, new HBox(10, done, skip));
    }

    static Label text(String id, String value, String styleClass) {
        Label label = new Label(value);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        if (id != null) {
            label.setId(id);
        }
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }
}
