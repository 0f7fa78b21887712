package dev.envclone.ui.clone;

import static dev.envclone.ui.manual.StepPageParts.text;

import dev.envclone.ui.common.Prompts;
import dev.envclone.ui.common.WizardPage;
import dev.envclone.ui.manual.StepMarks;
import dev.envclone.ui.manual.StepPageParts;
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
        StepMarks marks = model.marks();
        view.getChildren().addAll(text("clone-title", marks.title(), "page-title"),
                text("clone-instruction", marks.instruction(), null),
                StepPageParts.bullets("clone-details", marks.details()),
                text("clone-reference", marks.reference(), "hint"));
        view.getChildren().add(new ClonePanel(model).view());
        if (model.fileName() != null) {
            Node file = file();
            // With a source envclone runs the step: the DBA's file is not needed on this page.
            file.visibleProperty().bind(model.automaticProperty().not());
            file.managedProperty().bind(file.visibleProperty());
            view.getChildren().add(file);
        }
        Label hint = text(null, "", "hint");
        hint.textProperty().bind(javafx.beans.binding.Bindings.when(model.automaticProperty())
                .then("Or, if a DBA carries out this step by hand instead, record who did it.")
                .otherwise("envclone does not run this step here (no source connection): the DBA runs the file, "
                        + "then you record who did it."));
        view.getChildren().addAll(text(null, "Record", "section-title"), hint,
                StepPageParts.record("clone", marks), actions());
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
            Path file = Prompts.saveAs(view, model.fileName());
            if (file != null) {
                model.save(file);
            }
        });
        Label message = text("clone-message", "", "hint");
        message.textProperty().bind(model.messageProperty());
        return new VBox(6, heading, area, new HBox(10, copy, save), message);
    }

    private Node actions() {
        Button dba = StepPageParts.markButton("Done by _DBA…", "clone-dba", model.canMarkProperty(),
                () -> Prompts.dba(view, "clone-dba-dialog")
                        .ifPresent(answer -> model.doneByDba(answer.name(), answer.note())));
        return new HBox(10, dba, StepPageParts.skipButton(view, "clone", model.marks(), model.canMarkProperty()));
    }
}
