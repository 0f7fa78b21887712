package dev.envclone.ui.clone;

import static dev.envclone.ui.manual.StepPageParts.text;

import dev.envclone.ui.common.ActionIcons.Action;
import dev.envclone.ui.common.ActionIcons;
import dev.envclone.ui.common.PageLayout;
import dev.envclone.ui.common.Prompts;
import dev.envclone.ui.common.SqlText;
import dev.envclone.ui.common.WizardPage;
import dev.envclone.ui.manual.StepMarks;
import dev.envclone.ui.manual.StepPageParts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A clone step: the document's instruction, the generated file for the DBA (copy, save), and the record that the
 * DBA did it or that it was skipped. Run, Copy, Save, Done by DBA and Skip sit in the page's actions bar.
 */
public final class ClonePage implements WizardPage {
    private final CloneViewModel model;
    private final PageLayout page;

    public ClonePage(CloneViewModel model) {
        this.model = model;
        this.page = new PageLayout("clone", model.marks().title());
        build();
    }

    @Override
    public Node view() {
        return page.view();
    }

    @Override
    public void shown() {
        model.reload();
    }

    private void build() {
        StepMarks marks = model.marks();
        page.add(text("clone-instruction", marks.instruction(), null),
                StepPageParts.bullets("clone-details", marks.details()),
                text("clone-reference", marks.reference(), "hint"));
        ClonePanel panel = new ClonePanel(model);
        page.add(panel.view());
        List<Node> actions = new ArrayList<>(panel.buttons());
        if (model.fileName() != null) {
            Node file = file(actions);
            // With a source envclone runs the step: the DBA's file is not needed on this page.
            file.visibleProperty().bind(model.automaticProperty().not());
            file.managedProperty().bind(file.visibleProperty());
            page.add(file);
        }
        Label hint = text(null, "", "hint");
        hint.textProperty().bind(javafx.beans.binding.Bindings.when(model.automaticProperty())
                .then("Or, if a DBA carries out this step by hand instead, record who did it.")
                .otherwise("envclone does not run this step here (no source connection): the DBA runs the file, "
                        + "then you record who did it."));
        page.add(PageLayout.section("Record"), hint, StepPageParts.record("clone", marks));
        Button dba = ActionIcons.on(StepPageParts.markButton("Done by _DBA…", "clone-dba", model.canMarkProperty(),
                () -> Prompts.dba(page.view(), "clone-dba-dialog")
                        .ifPresent(answer -> model.doneByDba(answer.name(), answer.note()))), Action.DONE_BY_DBA);
        actions.add(dba);
        actions.add(StepPageParts.skipButton(page.view(), "clone", marks, model.canMarkProperty()));
        page.actionRow(actions.toArray(new Node[0]));
    }

    /** The DBA's file, wrapped to the page's width; its Copy and Save go into the actions bar. */
    private Node file(List<Node> actions) {
        Label heading = text(null, model.fileName(), "section-title");
        SqlText area = new SqlText("clone-text");
        area.setText(model.text());
        heading.setLabelFor(area);
        Button copy = ActionIcons.on(new Button("_Copy"), Action.COPY);
        copy.setId("clone-copy");
        copy.setOnAction(e -> {
            Prompts.copy(model.text());
            model.copied();
        });
        // Sa_ve, not _Save: Alt+S is Skip on every step page.
        Button save = ActionIcons.on(new Button("Sa_ve…"), Action.SAVE);
        save.setId("clone-save");
        save.setOnAction(e -> {
            Path file = Prompts.saveAs(page.view(), model.fileName());
            if (file != null) {
                model.save(file);
            }
        });
        for (Button button : List.of(copy, save)) {
            button.visibleProperty().bind(model.automaticProperty().not());
            button.managedProperty().bind(button.visibleProperty());
            actions.add(button);
        }
        Label message = text("clone-message", "", "hint");
        message.textProperty().bind(model.messageProperty());
        return new VBox(6, heading, area, message);
    }
}
