package dev.envclone.ui.prerequisites;

import static dev.envclone.ui.manual.StepPageParts.text;

import dev.envclone.ui.common.ActionIcons.Action;
import dev.envclone.ui.common.ActionIcons;
import dev.envclone.ui.common.PageLayout;
import dev.envclone.ui.common.WizardPage;
import dev.envclone.ui.manual.StepMarks;
import dev.envclone.ui.manual.StepPageParts;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.VBox;

/**
 * The prerequisites page: each condition of the document as a checkbox the operator ticks, a live check of the
 * target, and Mark prerequisites done once every box is ticked. Check and Mark sit in the page's actions bar.
 */
public final class PrerequisitesPage implements WizardPage {
    private final PrerequisitesViewModel model;
    private final PageLayout page;
    /** The page's scrolling body: a part of the page is one more child of it. */
    private final VBox view;
    private final VBox results = new VBox(4);
    private final Button check = ActionIcons.on(new Button("_Check the target"), Action.CHECK);

    public PrerequisitesPage(PrerequisitesViewModel model) {
        this.model = model;
        this.page = new PageLayout("prerequisites", model.marks().title());
        this.view = page.body();
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
        view.getChildren().addAll(text("prerequisites-instruction", marks.instruction(), null),
                text("prerequisites-reference", marks.reference(), "hint"),
                PageLayout.section("Confirm each one"), checklist(),
                PageLayout.section("Live check"), liveCheck(),
                new SourceFingerprintPanel(model.source()).view(),
                PageLayout.section("Record"), record());
        Button tick = ActionIcons.on(StepPageParts.markButton("_Mark prerequisites done", "prerequisites-tick",
                model.canTickProperty(), model::tick), Action.DONE);
        // Check, then mark, without scrolling: both in the bar under the page.
        page.actionRow(check, tick);
    }

    private Node checklist() {
        VBox boxes = new VBox(6);
        boxes.setId("prerequisites-items");
        for (int i = 0; i < model.prerequisites().size(); i++) {
            PrerequisitesViewModel.Prerequisite prerequisite = model.prerequisites().get(i);
            CheckBox box = new CheckBox(prerequisite.text());
            box.setId("prerequisites-item-" + i);
            // The document's text may hold underscores (OSADMIN_LOG): they are not mnemonics.
            box.setMnemonicParsing(false);
            box.setWrapText(true);
            box.setMaxWidth(Double.MAX_VALUE);
            box.selectedProperty().bindBidirectional(prerequisite.confirmed());
            box.disableProperty().bind(model.marks().finishedProperty());
            boxes.getChildren().add(box);
        }
        return boxes;
    }

    private Node liveCheck() {
        check.setId("prerequisites-check");
        check.disableProperty().bind(model.checkingProperty());
        check.setOnAction(e -> model.check());
        results.setId("prerequisites-results");
        model.results().addListener((ListChangeListener<Finding>) change -> {
            showResults();
            // The findings below the fold come into view as they arrive.
            javafx.application.Platform.runLater(() -> page.reveal(results));
        });
        showResults();
        return new VBox(6, text(null, "\"Check the target\" connects to the target, checks that it is a platform "
                + "database and not the source, and counts the rows each cleanup step will change (the first "
                + "stage, prepare: the counts are recorded in the journal; nothing is changed).", "hint"), results);
    }

    private void showResults() {
        results.getChildren().clear();
        for (Finding finding : model.results()) {
            String style = finding.level() == Finding.Level.OK ? "ok-text"
                    : finding.level() == Finding.Level.PROBLEM ? "error-text" : null;
            results.getChildren().add(text(null, finding.text(), style));
        }
    }

    private Node record() {
        return new VBox(6, StepPageParts.state("prerequisites", model.marks()),
                StepPageParts.error("prerequisites", model.marks()));
    }
}
