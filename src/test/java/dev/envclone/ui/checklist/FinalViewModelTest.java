package dev.envclone.ui.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.procedure.StepKind;
import dev.envclone.report.SignatureCheck;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.RunFolder;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.envclone.procedure.OptionalPart;
import dev.envclone.procedure.PlanBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;

class FinalViewModelTest {
    @TempDir
    Path folder;
    private String home;

    @BeforeEach
    void ownSigningKeyFolder() {
        // The self-signed key goes under envclone.home: a test's, never the user's ~/.envclone.
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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Dbms.class)
    void checkTheTargetShowsWhatEachCheckFoundAndJournalsIt(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        FinalViewModel model = new FinalViewModel(fixture.wizard);

        model.checkTarget();

        // Nothing of the cleanup has run in a fresh rehearsal: the checks that compare with it cannot pass yet; the
        // catalogs' credentials (still the source's) are set, so the worst is "not yet".
        assertEquals("Checked the target: not yet. The journal and the report keep what each check found.",
                model.messageProperty().get());
        String found = model.checkTextProperty().get();
        assertTrue(found.startsWith("not yet: security keys: the cleanup step cleanup-environment-security has not "
                + "run yet (pending): run it, then check again."), found);
        assertEquals(8, found.lines().count(), found);
        assertTrue(fixture.wizard.runProperty().get().journal().entries().stream()
                .anyMatch(e -> e.event() == dev.envclone.run.JournalEvent.AFTER_INSTALL_CHECKED));
        assertFalse(model.busyProperty().get());
    }

    @Test
    void rowsAreEveryStepTheCleanupScriptsTheCloneAndTheLeftOutOnesIncluded() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.ORACLE, folder, Background.direct());
        FinalViewModel model = new FinalViewModel(fixture.wizard);

        assertEquals(ProcedureCatalog.allSteps(fixture.wizard.planProperty().get()).stream().map(Step::id).toList(),
                model.rows().stream().map(ChecklistRow::stepId).toList());
        assertTrue(model.rows().stream().anyMatch(r -> r.step().kind() == StepKind.CLEANUP));
        assertTrue(model.rows().stream().anyMatch(r -> r.step().kind() == StepKind.CLONE));
        assertTrue(model.rows().stream().anyMatch(r -> r.step().kind() == StepKind.CONFIGURATION_TOOL));
        assertTrue(model.summaryProperty().get().startsWith("0 of "), model.summaryProperty().get());
        assertEquals("1. Prerequisites", model.rows().get(0).title());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void theNumbersRunFromOneWithoutAGapAndALeftOutStepIsListedUnnumbered(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.planned(dbms, folder, Background.direct());
        fixture.wizard.planProperty().set(new PlanBuilder(dbms).parts(EnumSet.of(OptionalPart.SAML)).build());
        fixture.wizard.createRun(fixture.wizard.planProperty().get());
        FinalViewModel model = new FinalViewModel(fixture.wizard);

        List<Integer> numbers = model.rows().stream().filter(ChecklistRow::applicable).map(ChecklistRow::number)
                .toList();
        assertEquals(IntStream.rangeClosed(1, ProcedureCatalog.stepsFor(fixture.wizard.planProperty().get()).size())
                .boxed().toList(), numbers, "1 to N, no gap");
        for (ChecklistRow row : model.rows()) {
            assertTrue(row.title().startsWith(row.applicable() ? row.number() + ". " : row.step().title()),
                    row.title());
            // The step list numbers it the same.
            if (row.applicable()) {
                assertEquals(fixture.item(row.stepId()).number(), row.number(), row.stepId());
            }
        }
        ChecklistRow zones = model.row("cleanup-deployment-zones");
        assertFalse(zones.applicable());
        assertEquals("Clean up selective deployment zones (not applicable)", zones.title());
        assertEquals("not applicable", zones.stateProperty().get());
        assertEquals("Not applicable: the plan leaves out selective deployment zones.", zones.whoProperty().get());
        assertFalse(zones.tickable());
    }

    @Test
    void aCleanupRowShowsWhoExecutedItAndWhenASkippedRowWhoSkippedIt() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        Step frontEnds = ProcedureCatalog.cleanupSteps(fixture.wizard.planProperty().get()).stream()
                .filter(s -> s.id().equals("cleanup-front-ends")).findFirst().orElseThrow();
        fixture.wizard.context().session().execute(frontEnds, new dev.envclone.db.CancelToken(),
                dev.envclone.db.ProgressListener.NONE);
        fixture.wizard.runProperty().get().skip("disable-lifetime", "LifeTime runs elsewhere", "Ana Operator");
        fixture.wizard.runProperty().get().doneByDba("backup-database", "Bea DBA", "copy-only", "Ana Operator");
        FinalViewModel model = new FinalViewModel(fixture.wizard);

        ChecklistRow cleanup = model.row("cleanup-front-ends");
        assertEquals("done", cleanup.stateProperty().get());
        assertTrue(cleanup.whoProperty().get().startsWith("Ana Operator at "), cleanup.whoProperty().get());
        assertTrue(cleanup.whoProperty().get().endsWith(" UTC"), cleanup.whoProperty().get());
        ChecklistRow skipped = model.row("disable-lifetime");
        assertEquals("skipped", skipped.stateProperty().get());
        assertEquals("LifeTime runs elsewhere", skipped.noteProperty().get());
        assertTrue(skipped.whoProperty().get().startsWith("Ana Operator at "), skipped.whoProperty().get());
        ChecklistRow dba = model.row("backup-database");
        assertEquals("done by DBA", dba.stateProperty().get());
        assertTrue(dba.whoProperty().get().startsWith("Bea DBA (DBA), recorded by Ana Operator at "),
                dba.whoProperty().get());
        ChecklistRow open = model.row("cleanup-mobile-apps");
        assertEquals("pending", open.stateProperty().get());
        assertEquals("Recorded on its own page: executed by envclone, done by a DBA, or skipped.",
                open.whoProperty().get());
    }

    @Test
    void tickingARowWritesTheJournalWithOperatorTimeAndNote() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        FinalViewModel model = new FinalViewModel(fixture.wizard);
        ChecklistRow row = model.row("republish-factory");
        row.noteProperty().set("solution 'All' published, 0 errors");
        Instant before = Instant.now();

        model.tick(row);

        RunFolder run = fixture.wizard.runProperty().get();
        JournalEntry entry = run.state().lastEntry("republish-factory");
        assertEquals(StepState.DONE, run.state().of("republish-factory"));
        assertEquals("Ana Operator", entry.operator());
        assertEquals("solution 'All' published, 0 errors", entry.get("note"));
        assertFalse(Instant.parse(entry.time()).isBefore(before.minus(Duration.ofSeconds(1))));
        assertTrue(row.finishedProperty().get());
        assertEquals("done", row.stateProperty().get());
        assertTrue(row.whoProperty().get().startsWith("Ana Operator at "), row.whoProperty().get());
        assertTrue(model.summaryProperty().get().startsWith("1 of "), model.summaryProperty().get());
        assertEquals(StepState.DONE, fixture.item("republish-factory").stateProperty().get());
    }

    @Test
    void aCloneRowIsNotTickedItIsRecordedOnTheClonePage() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        FinalViewModel model = new FinalViewModel(fixture.wizard);
        ChecklistRow row = model.row("restore-database");
        int entries = fixture.wizard.runProperty().get().journal().entries().size();

        model.tick(row);

        assertFalse(row.tickable());
        assertEquals(entries, fixture.wizard.runProperty().get().journal().entries().size());
        assertEquals(row.title() + " is recorded on its own page: done by a DBA, or skipped.",
                model.messageProperty().get());
        assertEquals("Recorded on its own page: done by a DBA, or skipped.", row.whoProperty().get());
    }

    @Test
    void exportReportWritesASignedPdf() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        FinalViewModel model = new FinalViewModel(fixture.wizard);
        model.tick(model.row("upload-license"));
        Path out = folder.resolve("report.pdf");

        model.exportReport(out);

        SignatureCheck.Result check = SignatureCheck.check(Files.readAllBytes(out));
        assertTrue(check.valid(), check.reason());
        assertTrue(check.selfSigned());
        assertEquals("Report written to " + out.toAbsolutePath() + ", signed by " + check.signer()
                + " (self-signed).", model.messageProperty().get());
        assertTrue(Files.isDirectory(folder.resolve("home").resolve("signing")));
    }

    @Test
    void exportReportMeasuresEveryEffectAndReopensAStepWhoseRowsAreBack() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.ORACLE, folder, Background.direct());
        fixture.execute("create table SAVED_SERVER as select * from ossys_server");
        Step frontEnds = ProcedureCatalog.cleanupSteps(fixture.wizard.planProperty().get()).stream()
                .filter(s -> s.id().equals("cleanup-front-ends")).findFirst().orElseThrow();
        fixture.wizard.context().session().execute(frontEnds, new dev.envclone.db.CancelToken(),
                dev.envclone.db.ProgressListener.NONE);
        fixture.execute("insert into ossys_server select * from SAVED_SERVER");
        FinalViewModel model = new FinalViewModel(fixture.wizard);

        model.exportReport(folder.resolve("report.pdf"));

        assertTrue(model.messageProperty().get().endsWith(" Not done after all, reopened: Clean up the front-end "
                + "listing (effect missing: 3 rows still to change (ossys_server 3)). Run them again, then export "
                + "the report again."), model.messageProperty().get());
        assertEquals(StepState.EFFECT_MISSING, fixture.wizard.runProperty().get().state().of("cleanup-front-ends"));
        assertEquals(StepState.EFFECT_MISSING, fixture.item("cleanup-front-ends").stateProperty().get());
    }
}
