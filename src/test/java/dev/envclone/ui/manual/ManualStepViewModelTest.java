package dev.envclone.ui.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.OptionalPart;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.RunFolder;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Path;
import java.util.List;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ManualStepViewModelTest {
    @TempDir
    Path folder;

    @Test
    void tickWritesDoneWithTheNoteAndTheOperator() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        ManualStepViewModel model = new ManualStepViewModel(fixture.wizard, fixture.item("upload-license"));
        assertTrue(model.canMarkProperty().get());

        model.noteProperty().set("licence 4711 uploaded");
        model.tick();

        RunFolder run = fixture.wizard.runProperty().get();
        assertEquals(StepState.DONE, run.state().of("upload-license"));
        JournalEntry entry = run.state().lastEntry("upload-license");
        assertEquals("licence 4711 uploaded", entry.get("note"));
        assertEquals("Ana Operator", entry.operator());
        assertEquals(StepState.DONE, fixture.item("upload-license").stateProperty().get(), "the step list follows");
        assertTrue(model.marks().recordProperty().get().startsWith("Done: ticked by Ana Operator at "));
        assertTrue(model.marks().recordProperty().get().endsWith("Note: licence 4711 uploaded"));
        assertFalse(model.canMarkProperty().get(), "a finished step offers Done and Skip no more");
    }

    @Test
    void theLicenceAndRepublishStepsOfferTheirUnattendedCommandAndOtherStepsNone() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        assertEquals("<platform_path>\\ConfigurationTool.com /UploadLicense <license_file> "
                + "<platform_server_admin_user> <platform_server_admin_password>",
                new ManualStepViewModel(fixture.wizard, fixture.item("upload-license")).unattendedCommand()
                        .orElseThrow().display());
        assertEquals("<outsystems_common_path>\\OSPTool.com /PublishFactory <hostname> <username> <password>",
                new ManualStepViewModel(fixture.wizard, fixture.item("republish-factory")).unattendedCommand()
                        .orElseThrow().display());
        assertTrue(new ManualStepViewModel(fixture.wizard, fixture.item("install-service-center"))
                .unattendedCommand().orElseThrow().display().endsWith("/InstallServiceCenter"));
        assertTrue(new ManualStepViewModel(fixture.wizard, fixture.item("start-services")).unattendedCommand()
                .isEmpty());
    }

    @Test
    void eachSavedConnectionHasItsBoxesTickedOneByOneAndTheReportShowsThem() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        fixture.wizard.context().session(); // opening the run saves database-connections.md
        ManualStepViewModel model = new ManualStepViewModel(fixture.wizard,
                fixture.item("recreate-database-connections"));
        List<ManualStepViewModel.ConnectionBox> boxes = model.connectionBoxes();
        assertEquals(List.of("SalesDB", "SalesDB", "SalesDB", "SalesDB", "Warehouse", "Warehouse", "Warehouse",
                "Warehouse"), boxes.stream().map(ManualStepViewModel.ConnectionBox::connection).toList());

        boxes.get(0).tick();

        assertTrue(boxes.get(0).tickedProperty().get());
        assertTrue(boxes.get(0).recordProperty().get().startsWith("by Ana Operator at "));
        assertFalse(boxes.get(1).tickedProperty().get());
        RunFolder run = fixture.wizard.runProperty().get();
        assertEquals(StepState.PENDING, run.state().of("recreate-database-connections"), "the step is ticked itself");
        assertEquals("Ana Operator", run.connectionItem("SalesDB", "defined in Service Center").operator());
        boxes.get(0).tick();
        assertEquals("Not recorded: SalesDB: 'defined in Service Center' is ticked already",
                model.connectionsMessageProperty().get());
        assertTrue(new ManualStepViewModel(fixture.wizard, fixture.item("upload-license")).connectionBoxes()
                .isEmpty());

        Path report = folder.resolve("report.pdf");
        // The self-signed key under a test's envclone.home, never the user's ~/.envclone.
        String home = System.getProperty("envclone.home");
        System.setProperty("envclone.home", folder.resolve("home").toString());
        try {
            assertEquals(0, dev.envclone.cli.CliProcess.inProcess("report", "--run-dir", run.folder().toString(),
                    "--out", report.toString()).code());
        } finally {
            if (home == null) {
                System.clearProperty("envclone.home");
            } else {
                System.setProperty("envclone.home", home);
            }
        }
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(report.toFile())) {
            String all = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(all.contains("SalesDB defined in Service Center ticked by Ana Operator at "), all);
            assertTrue(all.contains("Warehouse physical table names set in LifeTime not ticked"), all);
        }
    }

    @Test
    void skipKeepsTheReason() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        ManualStepViewModel model = new ManualStepViewModel(fixture.wizard, fixture.item("start-services"));

        model.skip("timers stay off in pre-production");

        assertEquals(StepState.SKIPPED, fixture.wizard.runProperty().get().state().of("start-services"));
        assertTrue(model.marks().recordProperty().get().endsWith("Reason: timers stay off in pre-production"));
    }

    @Test
    void blankSkipReasonIsRefusedAndSaidSo() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        ManualStepViewModel model = new ManualStepViewModel(fixture.wizard, fixture.item("start-services"));

        model.skip("  ");

        assertEquals(StepState.PENDING, fixture.wizard.runProperty().get().state().of("start-services"));
        assertTrue(model.marks().errorProperty().get().contains("needs a reason"),
                model.marks().errorProperty().get());
    }

    @Test
    void stepThePlanLeavesOutShowsWhyAndOffersNothing() throws Exception {
        WizardFixture fixture = WizardFixture.planned(Dbms.SQLSERVER, folder, Background.direct());
        fixture.wizard.createRun(new PlanBuilder(Dbms.SQLSERVER)
                .parts(EnumSet.complementOf(EnumSet.of(OptionalPart.SAML))).build());
        ManualStepViewModel model = new ManualStepViewModel(fixture.wizard, fixture.item("reconfigure-saml"));

        assertFalse(model.applicable());
        assertEquals("Not applicable: the plan leaves out: SAML authentication", model.notApplicableText());
        assertFalse(model.canMarkProperty().get());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void sandboxUnmapRemovesTheExtensionMappings(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        ManualStepViewModel model = new ManualStepViewModel(fixture.wizard,
                fixture.item(ManualStepViewModel.UNMAP_STEP));
        long before = fixture.count("OSSYS_EXTENSION_DBCONNECTION");
        assertTrue(before > 0, "the sandbox maps extensions to connections");
        assertTrue(model.sandboxUnmapOffered());

        model.unmapInSandbox();

        assertEquals(0, fixture.count("OSSYS_EXTENSION_DBCONNECTION"));
        assertTrue(model.sandboxMessageProperty().get().startsWith("Removed " + before + " mappings"),
                model.sandboxMessageProperty().get());
        assertEquals(StepState.PENDING, fixture.wizard.runProperty().get().state()
                .of(ManualStepViewModel.UNMAP_STEP), "unmapping is the operator's work; Done records it");
    }

    @Test
    void sandboxUnmapIsNotOfferedOutsideARehearsal() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        fixture.wizard.rehearsalProperty().set(false);
        ManualStepViewModel model = new ManualStepViewModel(fixture.wizard,
                fixture.item(ManualStepViewModel.UNMAP_STEP));

        assertFalse(model.sandboxUnmapOffered());
        model.unmapInSandbox();

        assertTrue(fixture.count("OSSYS_EXTENSION_DBCONNECTION") > 0);
    }
}
