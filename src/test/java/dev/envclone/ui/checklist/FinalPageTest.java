package dev.envclone.ui.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.PlanBuilder;
import dev.envclone.report.ChecklistPdf;
import dev.envclone.report.PaperSize;
import dev.envclone.run.RunState;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.print.Printer;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class FinalPageTest {
    @TempDir
    Path folder;
    private WizardFixture fixture;
    private FinalViewModel model;
    private ScrollPane center;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        model = new FinalViewModel(fixture.wizard);
        FinalPage page = new FinalPage(model);
        center = new ScrollPane(page.view());
        center.setFitToWidth(true);
        Scene scene = new Scene(center, 1100, 800);
        scene.getStylesheets().add(getClass().getResource("/dev/envclone/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        page.shown();
    }

    @Test
    void rendersARowForEveryChecklistStep(FxRobot robot) {
        Set<String> shown = robot.lookup(n -> n instanceof CheckBox && n.getId() != null
                && n.getId().startsWith("final-tick-")).queryAll().stream().map(n -> n.getId())
                .collect(Collectors.toSet());

        assertEquals(model.rows().stream().map(r -> "final-tick-" + r.stepId()).collect(Collectors.toSet()), shown);
        assertTrue(robot.lookup("#final-summary").queryAs(Label.class).getText().startsWith("0 of "));
    }

    @Test
    void enterInARowsNoteRecordsNothingTheBoxTicksItWithTheNote(FxRobot robot) {
        reveal(robot, "#final-note-upload-license");
        robot.clickOn("#final-note-upload-license").write("licence 4711").type(KeyCode.ENTER);
        assertEquals(StepState.PENDING, fixture.wizard.runProperty().get().state().of("upload-license"),
                "Enter in a note ticks nothing");

        reveal(robot, "#final-tick-upload-license");
        robot.clickOn("#final-tick-upload-license");

        RunState state = fixture.wizard.runProperty().get().state();
        assertEquals(StepState.DONE, state.of("upload-license"));
        assertEquals("licence 4711", state.lastEntry("upload-license").get("note"));
        CheckBox box = robot.lookup("#final-tick-upload-license").queryAs(CheckBox.class);
        assertTrue(box.isSelected());
        assertTrue(box.isDisabled(), "a ticked step cannot be unticked");
        assertTrue(robot.lookup("#final-who-upload-license").queryAs(Label.class).getText()
                .startsWith("Ana Operator at "));
    }

    @Test
    void clickingABoxTicksItsStep(FxRobot robot) {
        reveal(robot, "#final-tick-republish-factory");
        robot.clickOn("#final-tick-republish-factory");

        assertEquals(StepState.DONE, fixture.wizard.runProperty().get().state().of("republish-factory"));
        assertTrue(robot.lookup("#final-summary").queryAs(Label.class).getText().startsWith("1 of "));
    }

    @Test
    void pdfPagesBecomeImagesForThePrinter() throws Exception {
        byte[] pdf = ChecklistPdf.blank(new PlanBuilder(Dbms.SQLSERVER).build(), PaperSize.A4, Instant.now());
        try (PdfPages pages = new PdfPages(Loader.loadPDF(pdf))) {
            assertTrue(pages.count() > 1);
            Image page = pages.render(0, 72f);

            assertEquals(595, page.getWidth(), 1.0, "A4 at 72 dpi");
            assertEquals(842, page.getHeight(), 1.0);
            boolean ink = false;
            for (int y = 0; y < page.getHeight() && !ink; y += 2) {
                for (int x = 0; x < page.getWidth() && !ink; x += 2) {
                    ink = (page.getPixelReader().getArgb(x, y) & 0xFFFFFF) != 0xFFFFFF;
                }
            }
            assertTrue(ink, "the page has text on it");
            assertEquals(0xFF, page.getPixelReader().getArgb(0, 0) >>> 24, "opaque, as on paper");
        }
    }

    @Test
    void printWithoutAPrinterSaysSo(FxRobot robot) {
        Assumptions.assumeTrue(Printer.getDefaultPrinter() == null, "this machine has a printer");
        robot.interact(() -> center.setVvalue(1.0));

        robot.clickOn("#final-print-checklist");

        String message = robot.lookup("#final-message").queryAs(Label.class).getText();
        assertTrue(message.startsWith("No printer is set up on this machine"), message);
        assertFalse(robot.lookup("#final-print").queryButton().isDisabled());
    }

    /** Scrolls the page so that the node is in view: the checklist lists every step, longer than the window. */
    private void reveal(FxRobot robot, String query) {
        javafx.scene.Node node = robot.lookup(query).query();
        robot.interact(() -> {
            javafx.scene.Node content = center.getContent();
            double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double room = content.getBoundsInLocal().getHeight() - center.getViewportBounds().getHeight();
            center.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / room)));
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
