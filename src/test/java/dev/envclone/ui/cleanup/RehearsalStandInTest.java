package dev.envclone.ui.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.procedure.StepKind;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunFolder;
import dev.envclone.run.StepState;
import dev.envclone.sandbox.ServiceCenterStandIn;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.checklist.FinalViewModel;
import dev.envclone.ui.common.Background;
import dev.envclone.ui.manual.StepMarks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A rehearsal that finishes: the database-connections step, refused while extensions map connections, is cleared by
 * the page's stand-in for Service Center (on the sandbox only), executes, and the run ends with no step skipped; the
 * report exported from the final page lists the stand-in as such and says REHEARSAL. Every job runs at once.
 */
class RehearsalStandInTest {
    private static final String CONNECTIONS = "cleanup-database-connections";

    @TempDir
    Path folder;
    private String home;

    @BeforeEach
    void ownSigningKeyFolder() {
        home = System.getProperty("envclone.home");
        System.setProperty("envclone.home", folder.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (home == null) {
            System.clearProperty("envclone.home");
        } else {
            System.setProperty("envclone.home", home);
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void theRehearsalFinishesWithNoSkippedStepAndTheReportNamesTheStandIn(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        RunFolder run = fixture.wizard.runProperty().get();
        assertTrue(fixture.count("OSSYS_EXTENSION_DBCONNECTION") > 0, "the sandbox maps extensions' connections");

        for (Step step : ProcedureCatalog.stepsFor(run.plan())) {
            if (step.kind() == StepKind.CLEANUP) {
                CleanupViewModel model = new CleanupViewModel(fixture.wizard, fixture.item(step.id()));
                model.preview();
                if (CONNECTIONS.equals(step.id())) {
                    assertTrue(model.blockedTextProperty().get().startsWith("Execute will be refused: Extensions "
                            + "still map database connections"), model.blockedTextProperty().get());
                    assertTrue(model.standInOffered());
                    model.standInForServiceCenter();
                    assertEquals("", model.errorTextProperty().get());
                    assertEquals("", model.blockedTextProperty().get());
                    assertTrue(model.resultTextProperty().get().startsWith("Rehearsal stand-in: removed "),
                            model.resultTextProperty().get());
                    assertEquals(0, fixture.count("OSSYS_EXTENSION_DBCONNECTION"));
                    model.preview();
                    assertEquals("", model.blockedTextProperty().get());
                }
                model.execute();
                assertEquals("", model.errorTextProperty().get(), step.id());
            } else if (step.kind() == StepKind.CLONE) {
                run.doneByDba(step.id(), "Bea DBA", "restored by hand", "Ana Operator");
            } else if (!ServiceCenterStandIn.UNMAP_STEP.equals(step.id())) {
                run.tick(step.id(), "ok", "Ana Operator");
            } // the unmap step is the stand-in's: nobody ticks it
        }

        RunFolder reopened = RunFolder.open(run.folder(), Clock.systemUTC());
        for (Step step : ProcedureCatalog.stepsFor(reopened.plan())) {
            StepState state = reopened.state().of(step.id());
            assertTrue(state.finished() && state != StepState.SKIPPED, step.id() + " is " + state.label());
        }
        JournalEntry standIn = reopened.state().lastEntry(ServiceCenterStandIn.UNMAP_STEP);
        assertEquals(JournalEvent.REHEARSAL_STAND_IN, standIn.event());
        assertTrue(standIn.get("changed").endsWith("deleted from OSSYS_EXTENSION_DBCONNECTION"), standIn.get("changed"));
        assertEquals(JournalEvent.STEP_EXECUTED, reopened.state().lastEntry(CONNECTIONS).event());
        String record = StepMarks.describe(StepState.DONE, standIn);
        assertTrue(record.startsWith("Done by a rehearsal stand-in (Ana Operator at "), record);

        FinalViewModel last = new FinalViewModel(fixture.wizard);
        String name = last.reportFileName();
        assertEquals("envclone-rehearsal-report-Production-to-Pre-Production-"
                + LocalDate.now(ZoneOffset.UTC) + ".pdf", name);
        Path report = folder.resolve(name);
        last.exportReport(report);
        assertTrue(last.messageProperty().get().startsWith("Report written to"), last.messageProperty().get());
        try (PDDocument document = Loader.loadPDF(report.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(document);
            assertTrue(first.contains("REHEARSAL — Run report"), first);
            String all = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(all.contains("done by a rehearsal stand-in by Ana Operator"), "the stand-in is named");
            assertFalse(all.contains("skipped by"), "no step skipped");
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void onARealTargetTheStandInIsNeitherOfferedNorDone(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        fixture.wizard.rehearsalProperty().set(false); // the wizard's target is not the sandbox
        CleanupViewModel model = new CleanupViewModel(fixture.wizard, fixture.item(CONNECTIONS));
        long mapped = fixture.count("OSSYS_EXTENSION_DBCONNECTION");

        assertFalse(model.standInOffered());
        model.standInForServiceCenter();

        assertTrue(model.errorTextProperty().get().startsWith("Only a rehearsal against the sandbox unmaps here"),
                model.errorTextProperty().get());
        assertEquals(mapped, fixture.count("OSSYS_EXTENSION_DBCONNECTION"));
        assertEquals(StepState.PENDING, fixture.wizard.runProperty().get().state().of(ServiceCenterStandIn.UNMAP_STEP));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void onlyTheDatabaseConnectionsStepOffersIt(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        for (Step step : ProcedureCatalog.cleanupSteps(fixture.wizard.planProperty().get())) {
            assertEquals(CONNECTIONS.equals(step.id()),
                    new CleanupViewModel(fixture.wizard, fixture.item(step.id())).standInOffered(), step.id());
        }
    }
}
