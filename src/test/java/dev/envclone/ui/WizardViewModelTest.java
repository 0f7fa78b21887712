package dev.envclone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.OptionalPart;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.common.Background;
import dev.envclone.ui.common.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's state without a window: the step list, resume at the first unfinished step, what is remembered. */
class WizardViewModelTest {
    @TempDir
    Path folder;

    @Test
    void stepsThePlanLeavesOutAreListedAsNotApplicableWithTheReason() {
        WizardViewModel wizard = new WizardViewModel(Background.direct(), Settings.load(folder.resolve("w.properties")));
        wizard.planProperty().set(new PlanBuilder(Dbms.SQLSERVER).parts(EnumSet.noneOf(OptionalPart.class)).build());
        StepItem saml = wizard.items().stream().filter(i -> i.step() != null && i.step().id().equals("cleanup-saml"))
                .findFirst().orElseThrow();
        assertFalse(saml.applicable());
        assertEquals("the plan leaves out: " + OptionalPart.SAML.description(), saml.notApplicableReason());
        assertTrue(saml.label().endsWith("— not applicable"), saml.label());
        assertEquals(StepItem.Kind.PLAN, wizard.items().get(0).kind());
        assertEquals(StepItem.Kind.FINAL, wizard.items().get(wizard.items().size() - 1).kind());
        assertTrue(WizardViewModel.summaryOf(wizard.planProperty().get()).startsWith("Production → Pre-Production"));
    }

    @Test
    void theTextSizeIsRememberedBetweenSessions() {
        Path file = folder.resolve("w.properties");
        WizardViewModel wizard = new WizardViewModel(Background.direct(), Settings.load(file));
        assertEquals(100, wizard.textScaleProperty().get());
        wizard.textScaleProperty().set(150);
        assertEquals(150, new WizardViewModel(Background.direct(), Settings.load(file)).textScaleProperty().get());
    }

    @Test
    void reopeningARunSelectsTheFirstStepNotFinishedAndRemembersTheFolderButNoPassword() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.ORACLE, folder, Background.direct());
        fixture.wizard.targetPasswordProperty().set("Canary-Password-4411");
        Path run = fixture.wizard.runProperty().get().folder();
        fixture.wizard.runProperty().get().tick("prerequisites", "checked", "Ana Operator");
        fixture.wizard.runProperty().get().doneByDba("export-schemas", "Bea DBA", "", "Ana Operator");
        fixture.wizard.continueLater();

        Settings settings = Settings.load(folder.resolve("wizard.properties"));
        assertEquals(run.toAbsolutePath(), settings.lastRunFolder());
        WizardViewModel reopened = new WizardViewModel(Background.direct(), settings);
        reopened.operatorProperty().set("Cy Operator");
        reopened.openRun(run);
        StepItem selected = reopened.items().get(reopened.selectedProperty().get());
        assertEquals("find-schemas", selected.step().id(), "prerequisites done, find-schemas is next");
        assertEquals(StepState.DONE_BY_DBA, reopened.items().stream()
                .filter(i -> i.step() != null && i.step().id().equals("export-schemas")).findFirst().orElseThrow()
                .stateProperty().get());
        assertEquals(fixture.url, reopened.targetUrlProperty().get(), "the target URL as the run recorded it");
        assertEquals("", reopened.targetPasswordProperty().get());
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".mv.db")).toList()) {
                assertFalse(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains("Canary-Password-4411"), file + " holds the password");
            }
        }
        assertNull(new WizardViewModel(Background.direct(), Settings.load(folder.resolve("none.properties")))
                .runProperty().get());
    }

    @Test
    void aRunFolderOpenInOneWizardIsRefusedToASecondWithTheHolderOnTheStartPage() throws Exception {
        WizardFixture first = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        Path run = first.wizard.runProperty().get().folder();
        WizardViewModel second = new WizardViewModel(Background.direct(), Settings.load(folder.resolve("b.properties")));
        dev.envclone.ui.start.StartViewModel start = new dev.envclone.ui.start.StartViewModel(second);
        java.util.List<String> refused = new java.util.ArrayList<>();

        start.open(run, refused::add, () -> { });

        assertEquals(1, refused.size());
        assertTrue(refused.get(0).startsWith(run + " is in use by the envclone wizard (process "
                + ProcessHandle.current().pid() + " on "), refused.get(0));
        assertTrue(refused.get(0).endsWith("): wait for it to finish, or close that window"), refused.get(0));
        assertEquals(refused.get(0), start.messageProperty().get(), "the start page shows it");
        assertNull(second.runProperty().get());
    }

    @Test
    void continueLaterLetsAnotherWizardOpenTheRun() throws Exception {
        WizardFixture first = WizardFixture.started(Dbms.ORACLE, folder, Background.direct());
        Path run = first.wizard.runProperty().get().folder();
        first.wizard.continueLater();
        WizardViewModel second = new WizardViewModel(Background.direct(), Settings.load(folder.resolve("b.properties")));

        second.operatorProperty().set("Cy Operator");
        second.openRun(run);

        assertEquals(run, second.runProperty().get().folder());
    }

    @Test
    void startingFreshClosesTheRunAndForgetsAllOfIt() throws Exception {
        WizardFixture first = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        Path run = first.wizard.runProperty().get().folder();
        first.wizard.context().session(); // connected, the target locked for this wizard
        assertNull(first.wizard.context().targetWarning());

        first.wizard.startFresh();

        WizardViewModel wizard = first.wizard;
        assertNull(wizard.runProperty().get());
        assertNull(wizard.planProperty().get());
        assertEquals("No plan yet", wizard.summaryProperty().get());
        assertEquals(2, wizard.items().size(), "only the plan and the final page");
        assertEquals("", wizard.targetUrlProperty().get());
        assertEquals("", wizard.targetUserProperty().get());
        assertEquals("", wizard.sourceUrlProperty().get());
        assertNull(wizard.runFolderProperty().get());
        assertFalse(wizard.rehearsalProperty().get());
        assertEquals(0, wizard.selectedProperty().get());
        // Closed: another wizard takes the folder's lock and the target's at once.
        WizardViewModel second = new WizardViewModel(Background.direct(), Settings.load(folder.resolve("b.properties")));
        second.targetUserProperty().set("sa");
        second.operatorProperty().set("Cy Operator");
        second.openRun(run);
        second.context().session(); // refused (GuardException) while another session holds the target
        assertNull(second.context().targetWarning(), "the target is locked for the second wizard");
        second.continueLater();
    }

    @Test
    void theHeaderCountsTheDoneStepsAndSaysWhichStepIsShown() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        WizardViewModel wizard = fixture.wizard;
        int steps = ProcedureCatalog.stepsFor(wizard.planProperty().get()).size();
        assertEquals("0 of " + steps + " done", wizard.progressProperty().get());
        assertEquals("Step 1 of " + steps + " · Prepare", wizard.positionProperty().get(), "opens at the first step");

        wizard.runProperty().get().tick("prerequisites", "checked", "Ana Operator");
        wizard.refresh();
        assertEquals("1 of " + steps + " done", wizard.progressProperty().get());
        wizard.runProperty().get().doneByDba("backup-database", "Bea DBA", "", "Ana Operator");
        wizard.runProperty().get().skip("restore-database", "restored by the storage team", "Ana Operator");
        wizard.refresh();
        assertEquals("2 of " + steps + " done, 1 skipped", wizard.progressProperty().get(),
                "done by a DBA is done; skipped is finished but counted apart");

        StepItem frontEnds = fixture.item("cleanup-front-ends");
        wizard.selectedProperty().set(wizard.items().indexOf(frontEnds));
        assertEquals("Step " + frontEnds.number() + " of " + steps + " · Clean up", wizard.positionProperty().get());
        wizard.selectedProperty().set(wizard.items().indexOf(fixture.item("upload-license")));
        assertEquals("Step " + fixture.item("upload-license").number() + " of " + steps + " · After the install",
                wizard.positionProperty().get());
        wizard.selectedProperty().set(0);
        assertEquals("Plan · then " + steps + " steps", wizard.positionProperty().get());
        wizard.selectedProperty().set(wizard.items().size() - 1);
        assertEquals("Final checklist", wizard.positionProperty().get());
    }

    @Test
    void aStepThePlanLeavesOutIsNotCountedAndSaysSo() {
        WizardViewModel wizard = new WizardViewModel(Background.direct(), Settings.load(folder.resolve("w.properties")));
        wizard.planProperty().set(new PlanBuilder(Dbms.ORACLE).parts(EnumSet.noneOf(OptionalPart.class)).build());
        int steps = ProcedureCatalog.stepsFor(wizard.planProperty().get()).size();
        assertTrue(steps < ProcedureCatalog.allSteps(wizard.planProperty().get()).size());
        assertEquals("0 of " + steps + " done", wizard.progressProperty().get());
        int saml = java.util.stream.IntStream.range(0, wizard.items().size()).filter(i -> wizard.items().get(i)
                .step() != null && wizard.items().get(i).step().id().equals("cleanup-saml")).findFirst().orElseThrow();
        wizard.selectedProperty().set(saml);
        assertEquals("Not applicable · Clean up", wizard.positionProperty().get());
    }

    @Test
    void theOperatorIsNeverTheOsLoginAndARunWithoutANameIsRefused() throws Exception {
        WizardFixture fixture = WizardFixture.planned(Dbms.SQLSERVER, folder, Background.direct());
        WizardViewModel fresh = new WizardViewModel(Background.direct(), Settings.load(folder.resolve("n.properties")));
        assertEquals("", fresh.operatorProperty().get(), "no name before the operator gives one");
        assertEquals("", fresh.offeredOperator(), "nothing offered before a name was ever given");
        fixture.wizard.operatorProperty().set("");

        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> fixture.wizard.createRun(fixture.wizard.planProperty().get()));

        assertEquals("Type your name: the journal and the signed report name who did each step of this run.",
                refused.getMessage());
        assertNull(fixture.wizard.runProperty().get());
        assertFalse(Files.exists(fixture.wizard.runFolderProperty().get().resolve("journal.jsonl")));
    }

    @Test
    void theNameIsAskedForEachRunAndTheLastOneIsOfferedNextTime() throws Exception {
        WizardFixture fixture = WizardFixture.planned(Dbms.ORACLE, folder, Background.direct());
        WizardViewModel wizard = fixture.wizard;
        wizard.operatorProperty().set("");
        java.util.List<String> offered = new java.util.ArrayList<>();
        wizard.operatorQuestion(name -> {
            offered.add(name);
            return java.util.Optional.of("  Dee Night-Shift ");
        });

        wizard.createRun(wizard.planProperty().get());

        assertEquals(java.util.List.of(""), offered, "asked once, nothing to offer on a fresh machine");
        assertEquals("Dee Night-Shift", wizard.operatorProperty().get());
        dev.envclone.run.RunFolder run = wizard.runProperty().get();
        assertEquals("Dee Night-Shift", run.journal().entries().get(0).operator(), "the run was created by them");
        Path folderOfRun = run.folder();
        wizard.continueLater();
        assertEquals("Dee Night-Shift", Settings.load(folder.resolve("wizard.properties")).operatorName());

        WizardViewModel next = new WizardViewModel(Background.direct(), Settings.load(folder.resolve("wizard.properties")));
        java.util.List<String> offeredAgain = new java.util.ArrayList<>();
        next.operatorQuestion(name -> {
            offeredAgain.add(name);
            return java.util.Optional.of(name);
        });
        next.openRun(folderOfRun);
        assertEquals(java.util.List.of("Dee Night-Shift"), offeredAgain, "the remembered name is offered on resume");
        assertEquals("Dee Night-Shift", next.operatorProperty().get());
        next.continueLater();
    }

    @Test
    void aCancelledOrBlankAnswerOpensNoRun() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        Path run = fixture.wizard.runProperty().get().folder();
        fixture.wizard.continueLater();
        WizardViewModel second = new WizardViewModel(Background.direct(), Settings.load(folder.resolve("b.properties")));
        second.operatorQuestion(offered -> java.util.Optional.empty());
        IllegalArgumentException cancelled = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> second.openRun(run));
        assertTrue(cancelled.getMessage().startsWith("No run without the operator's name"), cancelled.getMessage());
        assertNull(second.runProperty().get());

        second.operatorQuestion(offered -> java.util.Optional.of("   "));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> second.openRun(run));
        assertNull(second.runProperty().get());
        assertTrue(WizardViewModel.operatorProblem("Ana\nOperator").contains("one line"));
        // Refused, the folder was let go: a third wizard opens it.
        WizardViewModel third = new WizardViewModel(Background.direct(), Settings.load(folder.resolve("c.properties")));
        third.operatorProperty().set("Cy Operator");
        third.openRun(run);
        assertEquals(run, third.runProperty().get().folder());
        third.continueLater();
    }
}
