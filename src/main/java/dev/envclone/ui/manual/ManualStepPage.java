package dev.envclone.ui.manual;

import static dev.envclone.ui.manual.StepPageParts.text;

import dev.envclone.ui.common.ActionIcons.Action;
import dev.envclone.ui.common.ActionIcons;
import dev.envclone.ui.common.PageLayout;
import dev.envclone.ui.common.WizardPage;
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
    private final PageLayout page;

    public ManualStepPage(ManualStepViewModel model) {
        this.model = model;
        this.page = new PageLayout("manual", model.marks().title());
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
        if (!model.applicable()) {
            page.add(text("manual-not-applicable", model.notApplicableText(), "hint"),
                    text("manual-reference", marks.reference(), "hint"));
            return;
        }
        page.add(text("manual-instruction", marks.instruction(), null));
        if (!marks.details().isEmpty()) {
            page.add(StepPageParts.bullets("manual-details", marks.details()));
        }
        if (ManualStepViewModel.UNMAP_STEP.equals(model.item().step().id())) {
            page.add(text("manual-service-center", "On a real environment this is done in Service "
                    + "Center > Factory > Extensions: for each extension with a database connection, open the "
                    + "Operation tab, set each logical database to (not configured) and apply, as the document "
                    + "describes. Keep each connection's settings: after the migration the extensions are mapped "
                    + "again as \"Deploy an application that integrates with an external database\" describes.",
                    "hint"));
        }
        page.add(text("manual-reference", marks.reference(), "hint"));
        if (model.sandboxUnmapOffered()) {
            page.add(sandbox());
        }
        if (!model.connectionBoxes().isEmpty()) {
            page.add(PageLayout.section("Each connection"), connectionBoxes());
        }
        page.add(PageLayout.section("Record"), StepPageParts.record("manual", marks));
        // Last: the document's way first; the command is the other way to do the step.
        model.unattendedCommand().ifPresent(command -> page.add(StepPageParts.unattended("manual", command)));
        page.actions(actions());
    }

    private Node sandbox() {
        Button unmap = ActionIcons.on(new Button("_Unmap the extensions in the sandbox"), Action.STAND_IN);
        unmap.setId("manual-sandbox-unmap");
        unmap.disableProperty().bind(model.unmappingProperty().or(model.marks().finishedProperty()));
        unmap.setOnAction(e -> model.unmapInSandbox());
        Label message = text("manual-sandbox-message", "", "ok-text");
        message.textProperty().bind(model.sandboxMessageProperty());
        page.revealWhenSaid(message);
        // The button with the step's other actions, in the bar; what it did, in the body under why it is there.
        page.actionRow(unmap);
        return new VBox(6, text(null, "Rehearsal: the sandbox has no Service Center; the button \"Unmap the "
                + "extensions in the sandbox\" does what the operator would do there (it deletes the rows of "
                + "OSSYS_EXTENSION_DBCONNECTION).", "hint"), message);
    }

    /** The bar under the page: "Note: [……] Done Skip…", on one line. */
    private Node actions() {
        HBox row = StepPageParts.noteRow("manual",
                "What is worth keeping: who else was involved, a ticket number …", model.noteProperty(),
                model.canMarkProperty());
        Button done = ActionIcons.on(StepPageParts.markButton("_Done", "manual-tick", model.canMarkProperty(),
                model::tick), Action.DONE);
        Button skip = StepPageParts.skipButton(page.view(), "manual", model.marks(), model.canMarkProperty());
        row.getChildren().addAll(done, skip);
        return row;
    }

    /** A row per saved connection, a box per action of the guide: Space ticks the focused one. */
    private Node connectionBoxes() {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setId("manual-connections");
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        String current = null;
        for (ManualStepViewModel.ConnectionBox box : model.connectionBoxes()) {
            if (!box.connection().equals(current)) {
                current = box.connection();
                Label name = new Label(current);
                name.setMnemonicParsing(false);
                name.getStyleClass().add("section-title");
                grid.add(name, 0, row++, 2, 1);
            }
            javafx.scene.control.CheckBox check = new javafx.scene.control.CheckBox(box.item());
            check.setMnemonicParsing(false);
            check.setSelected(box.tickedProperty().get());
            check.disableProperty().bind(box.tickedProperty());
            check.setOnAction(e -> {
                box.tick();
                check.setSelected(box.tickedProperty().get());
            });
            Label record = new Label();
            record.textProperty().bind(box.recordProperty());
            record.getStyleClass().add("hint");
            grid.add(check, 0, row);
            grid.add(record, 1, row++);
        }
        Label message = new Label();
        message.textProperty().bind(model.connectionsMessageProperty());
        message.getStyleClass().add("error-text");
        return new javafx.scene.layout.VBox(6, grid, message);
    }
}
