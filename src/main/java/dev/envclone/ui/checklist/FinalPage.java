package dev.envclone.ui.checklist;

import static dev.envclone.ui.manual.StepPageParts.text;

import dev.envclone.ui.common.ActionIcons.Action;
import dev.envclone.ui.common.ActionIcons;
import dev.envclone.ui.common.PageLayout;
import dev.envclone.ui.common.WizardPage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The final page: the checklist of every step done outside envclone (tick a row to record it, with the row's note),
 * the run's overall state, then the evidence: export or print the signed report, print the blank checklist (those
 * three in the page's actions bar).
 */
public final class FinalPage implements WizardPage {
    private final FinalViewModel model;
    private final PageLayout page = new PageLayout("final", "Final checklist and report");
    private final List<Runnable> resync = new ArrayList<>();

    public FinalPage(FinalViewModel model) {
        this.model = model;
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
        Label summary = text("final-summary", "", "section-title");
        summary.textProperty().bind(model.summaryProperty());
        page.add(summary, text(null, "Tick a step when it is done (its box, with Space): the journal records you and "
                        + "the time, with the note typed in its row; Enter in a note records nothing. A ticked step "
                        + "cannot be unticked: the journal only grows.", "hint"),
                checklist(), PageLayout.section("After the install"), afterInstall(),
                PageLayout.section("Evidence"), evidence());
        // A tick that failed leaves its box as the journal has it, not as it was clicked.
        model.busyProperty().addListener((o, was, now) -> {
            if (!now) {
                resync.forEach(Runnable::run);
            }
        });
    }

    private Node checklist() {
        GridPane grid = new GridPane();
        grid.setId("final-checklist");
        grid.setHgap(10);
        grid.setVgap(6);
        // The step's title and the "by, when" column wrap; the state never breaks inside a word.
        grid.getColumnConstraints().addAll(column(Priority.ALWAYS), column(Priority.NEVER),
                column(Priority.SOMETIMES));
        grid.addRow(0, text(null, "Step (by whom, when)", "section-title"), text(null, "State", "section-title"),
                text(null, "Note", "section-title"));
        int index = 1;
        for (ChecklistRow row : model.rows()) {
            addRow(grid, index++, row);
        }
        return grid;
    }

    private void addRow(GridPane grid, int index, ChecklistRow row) {
        String id = row.stepId();
        CheckBox box = new CheckBox(row.title());
        box.setId("final-tick-" + id);
        // Step titles are the document's words, not mnemonics.
        box.setMnemonicParsing(false);
        box.setWrapText(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setSelected(row.finishedProperty().get());
        if (row.tickable()) {
            box.disableProperty().bind(row.finishedProperty().or(model.busyProperty()));
        } else {
            // A clone step is recorded on its own page (done by a DBA, or skipped): a tick would not say who ran it.
            box.setDisable(true);
        }
        // A finished row is disabled (the journal only grows) but must stay as readable as an open one.
        box.setStyle("-fx-opacity: 1;");
        box.setOnAction(e -> {
            if (box.isSelected()) {
                model.tick(row);
            }
        });
        Runnable sync = () -> box.setSelected(row.finishedProperty().get());
        resync.add(sync);
        row.finishedProperty().addListener((o, was, now) -> sync.run());
        Label state = text("final-state-" + id, "", null);
        state.setWrapText(false);
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.textProperty().bind(row.stateProperty());
        TextField note = new TextField();
        note.setId("final-note-" + id);
        note.setPromptText("note");
        note.setPrefColumnCount(10);
        // Columns, not pixels: the field keeps room for about ten characters at any text size.
        note.setMinWidth(Region.USE_PREF_SIZE);
        note.textProperty().bindBidirectional(row.noteProperty());
        // Read-only rather than disabled once recorded: the journal's note stays readable and can be copied.
        // A row recorded on its own page (cleanup, clone) or not applicable takes no note here: nothing would keep it.
        note.editableProperty().bind(row.finishedProperty().not().and(
                javafx.beans.binding.Bindings.createBooleanBinding(row::tickable)));
        note.disableProperty().bind(model.busyProperty());
        // Enter in a note records nothing (a tick has no undo): the row's box ticks; Enter does not press Next.
        note.setOnAction(javafx.event.Event::consume);
        Label who = text("final-who-" + id, "", "hint");
        who.textProperty().bind(row.whoProperty());
        // Who and when go under the step's title: a column of their own leaves too little room at large text.
        VBox step = new VBox(2, box, who);
        who.visibleProperty().bind(who.textProperty().isNotEmpty());
        who.managedProperty().bind(who.visibleProperty());
        grid.addRow(index, step, state, note);
        for (Node cell : List.of(step, state, note)) {
            GridPane.setValignment(cell, VPos.TOP);
        }
    }

    /** envclone check in the wizard: once the services are started, whether the target came back as itself. */
    private Node afterInstall() {
        Button check = ActionIcons.on(new Button("Chec_k the target"), Action.CHECK);
        check.setId("final-check");
        check.disableProperty().bind(model.busyProperty());
        check.setOnAction(e -> model.checkTarget());
        Label found = text("final-check-found", "", null);
        found.textProperty().bind(model.checkTextProperty());
        return new VBox(6, text(null, "Once the Configuration Tool has run and the services are started: read-only "
                + "checks that the target came back as itself (new keys, its own front-ends, no zone or LifeTime row "
                + "of the source, the connections and catalogs set again). Values are compared as digests, never "
                + "shown.", "hint"), check, found);
    }

    private Node evidence() {
        Button export = ActionIcons.on(new Button("_Export report…"), Action.EXPORT);
        export.setId("final-export");
        export.disableProperty().bind(model.busyProperty());
        export.setOnAction(e -> export());
        Button print = ActionIcons.on(new Button("_Print report…"), Action.PRINT);
        print.setId("final-print");
        print.disableProperty().bind(model.busyProperty());
        print.setOnAction(e -> print(true));
        Button checklist = ActionIcons.on(new Button("Print _checklist…"), Action.PRINT);
        checklist.setId("final-print-checklist");
        checklist.disableProperty().bind(model.busyProperty());
        checklist.setOnAction(e -> print(false));
        Label message = text("final-message", "", "hint");
        message.textProperty().bind(model.messageProperty());
        page.revealWhenSaid(message);
        page.actionRow(export, print, checklist);
        return new VBox(6, text(null, "The report is a PDF signed with your self-signed key: the plan, every step "
                + "with its state, counts and pre-image files, the Configuration Tool sheet, this checklist and the "
                + "journal. Export, print it or print the blank checklist with the buttons under the page.", "hint"),
                message);
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the run report");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        chooser.setInitialFileName(model.reportFileName());
        var run = model.wizard().runProperty().get();
        if (run != null && run.folder().toFile().isDirectory()) {
            chooser.setInitialDirectory(run.folder().toAbsolutePath().toFile());
        }
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.exportReport(file.toPath());
        }
    }

    private void print(boolean report) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            model.noPrinter();
            return;
        }
        if (!job.showPrintDialog(window())) {
            job.cancelJob();
            return;
        }
        if (report) {
            model.printReport(new PdfPrinting(job));
        } else {
            model.printChecklist(new PdfPrinting(job));
        }
    }

    private Window window() {
        Node view = page.view();
        return view.getScene() == null ? null : view.getScene().getWindow();
    }

    private static ColumnConstraints column(Priority grow) {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(grow);
        return column;
    }
}
