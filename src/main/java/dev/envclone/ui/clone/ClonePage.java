package dev.envclone.ui.clone;

import dev.envclone.ui.common.Prompts;
import dev.envclone.ui.common.WizardPage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A clone step: the document's instruction, the generated file for the DBA (copy, save), and the record that the
 * DBA did it or that it was skipped.
 */
public final class ClonePage implements WizardPage {
    private final CloneViewModel model;
    private final VBox view = new VBox(10);

    public ClonePage(CloneViewModel model) {
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
        view.setId("clone-page");
        view.setPadding(new Insets(4));
        view.getChildren().addAll(text("clone-title", model.title(), "page-title"),
                text("clone-instruction", model.instruction(), null));
        VBox details = new VBox(4);
        details.setId("clone-details");
        for (String detail : model.details()) {
            details.getChildren().add(text(null, "•  " + detail, null));
        }
        view.getChildren().addAll(details, text("clone-reference", model.reference(), "hint"));
        if (model.fileName() != null) {
            view.getChildren().add(file());
        }
        view.getChildren().addAll(text(null, "Record", "section-title"), text(null, "envclone does not run the "
                + "clone itself: the DBA runs the file, then you record who did it.", "hint"), record(), actions());
    }

    private Node file() {
        Label heading = text(null, model.fileName(), "section-title");
        TextArea area = new TextArea(model.text());
        area.setId("clone-text");
        area.getStyleClass().add("sql");
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount((int) Math.min(24, Math.max(6, model.text().lines().count() + 1)));
        heading.setLabelFor(area);
        Button copy = new Button("_Copy");
        copy.setId("clone-copy");
        copy.setOnAction(e -> {
            Prompts.copy(model.text());
            model.copied();
        });
        // Sa_ve, not _Save: Alt+S is Skip on every step page.
        Button save = new Button("Sa_ve…");
        save.setId("clone-save");
        save.setOnAction(e -> {
            try {
                Path saved = Prompts.save(view, model.fileName(), model.text());
                model.saved(saved);
            } catch (IOException failed) {
                model.saveFailed(failed);
            }
        });
        Label message = text("clone-message", "", "hint");
        message.textProperty().bind(model.messageProperty());
        return new VBox(6, heading, area, new HBox(10, copy, save), message);
    }

    private Node record() {
        Label state = text("clone-state", "", null);
        state.textProperty().bind(model.marks().recordProperty());
        Label error = text("clone-error", "", "error-text");
        error.textProperty().bind(model.marks().errorProperty());
        // An empty error line would leave a gap; it takes space only when there is something to say.
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(4, state, error);
    }

    private Node actions() {
        Button dba = new Button("Done by _DBA…");
        dba.setId("clone-dba");
        dba.disableProperty().bind(model.canMarkProperty().not());
        dba.setOnAction(e -> Prompts.dba(view, "clone-dba-dialog")
                .ifPresent(answer -> model.doneByDba(answer.name(), answer.note())));
        Button skip = new Button("_Skip…");
        skip.setId("clone-skip");
        skip.disableProperty().bind(model.canMarkProperty().not());
        skip.setOnAction(e -> Prompts.requiredText(view, "clone-skip-dialog", "Skip: " + model.title(),
                "Why is this step skipped? The reason goes into the journal and the report.")
                .ifPresent(model::skip));
        return new HBox(10, dba, skip);
    }

    private static Label text(String id, String value, String styleClass) {
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
