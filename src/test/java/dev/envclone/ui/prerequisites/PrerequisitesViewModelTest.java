package dev.envclone.ui.prerequisites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.TargetInspection;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunFolder;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.common.Settings;
import dev.envclone.ui.common.Background;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrerequisitesViewModelTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void liveCheckReportsAPlatformDatabaseAndRecordsEachCleanupPreview(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        PrerequisitesViewModel model = new PrerequisitesViewModel(fixture.wizard, fixture.item("prerequisites"));

        model.check();

        assertFalse(model.checkingProperty().get());
        assertTrue(has(model, Finding.Level.OK, "It is an OutSystems platform database: h2:"), texts(model));
        assertTrue(has(model, Finding.Level.INFO, "The clone carries "), texts(model));
        assertTrue(has(model, Finding.Level.PROBLEM, TargetCheck.NO_FINGERPRINT), texts(model));
        RunFolder run = fixture.wizard.runProperty().get();
        List<Step> cleanup = ProcedureCatalog.cleanupSteps(run.plan());
        Set<String> previewed = run.journal().entries().stream().filter(e -> e.event() == JournalEvent.PREVIEWED)
                .map(e -> e.step()).collect(Collectors.toSet());
        assertEquals(cleanup.stream().map(Step::id).collect(Collectors.toSet()), previewed);
        assertEquals(StepState.PREPARED, fixture.item(cleanup.get(0).id()).stateProperty().get(),
                "the step list shows the first stage done");
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void liveCheckShowsThatAnotherRunHoldsTheTarget(Dbms dbms) throws Exception {
        WizardFixture first = WizardFixture.started(dbms, folder, Background.direct());
        first.wizard.context().session();
        WizardViewModel second = new WizardViewModel(Background.direct(),
                Settings.load(folder.resolve("second.properties")));
        second.targetUrlProperty().set(first.url);
        second.targetUserProperty().set("sa");
        second.runFolderProperty().set(folder.resolve("second-run"));
        second.operatorProperty().set("Cy Operator");
        second.createRun(new PlanBuilder(dbms).build());
        PrerequisitesViewModel model = new PrerequisitesViewModel(second, second.items().stream()
                .filter(i -> i.step() != null && i.step().id().equals("prerequisites")).findFirst().orElseThrow());

        model.check();

        String refusal = "The target was refused: the target is in use by the envclone wizard (process "
                + ProcessHandle.current().pid() + " on ";
        assertTrue(has(model, Finding.Level.PROBLEM, refusal), texts(model));
        String shown = model.results().stream().filter(f -> f.text().startsWith(refusal)).findFirst().orElseThrow()
                .text();
        assertTrue(shown.endsWith(", run folder " + first.wizard.runProperty().get().folder() + ": wait for it to "
                + "finish, or close that window"), shown);
        assertTrue(second.runProperty().get().journal().entries().stream()
                .noneMatch(e -> e.event() == JournalEvent.TARGET_CHECKED), "the guards did not even start");

        first.wizard.closeContext();
        model.check();
        assertTrue(has(model, Finding.Level.OK, "It is an OutSystems platform database: h2:"), texts(model));
    }

    @Test
    void liveCheckNamesAStepWhoseDiscoveredTableIsRefusedAndCountsTheOthers() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.ORACLE, folder, Background.direct());
        fixture.execute("update ossys_entity set PHYSICAL_TABLE_NAME = 'OSSYS_PARAMETER' where NAME = 'ConfigSP'");
        PrerequisitesViewModel model = new PrerequisitesViewModel(fixture.wizard, fixture.item("prerequisites"));

        model.check();

        int number = fixture.item("cleanup-saml").number();
        assertTrue(has(model, Finding.Level.PROBLEM, number + ". Clean up SAML configuration: refused: SAML "
                + "configuration table of entity ConfigSP in module SAML: ossys_entity.physical_table_name "
                + "'OSSYS_PARAMETER' is a platform table"), texts(model));
        assertTrue(has(model, Finding.Level.INFO, "The clone carries "), texts(model));
        RunFolder run = fixture.wizard.runProperty().get();
        Set<String> previewed = run.journal().entries().stream().filter(e -> e.event() == JournalEvent.PREVIEWED)
                .map(e -> e.step()).collect(Collectors.toSet());
        assertFalse(previewed.contains("cleanup-saml"));
        assertTrue(previewed.contains("cleanup-lifetime-running"), "the steps after it are counted");
    }

    @Test
    void liveCheckShowsTheGuardsRefusalOfTheSource() throws Exception {
        WizardFixture fixture = WizardFixture.planned(Dbms.SQLSERVER, folder, Background.direct());
        String sandbox;
        try (Connection connection = fixture.connect()) {
            sandbox = TargetInspection.fingerprint(connection);
        }
        fixture.wizard.createRun(new PlanBuilder(Dbms.SQLSERVER).sourceFingerprint(sandbox).build());
        PrerequisitesViewModel model = new PrerequisitesViewModel(fixture.wizard, fixture.item("prerequisites"));

        model.check();

        assertTrue(has(model, Finding.Level.PROBLEM, "The target was refused: The target is the source database"),
                texts(model));
        assertTrue(fixture.wizard.runProperty().get().journal().entries().stream()
                .noneMatch(e -> e.event() == JournalEvent.PREVIEWED), "nothing is counted on the source");
    }

    @Test
    void markDoneWaitsForEveryPrerequisite() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.ORACLE, folder, Background.direct());
        PrerequisitesViewModel model = new PrerequisitesViewModel(fixture.wizard, fixture.item("prerequisites"));
        assertEquals(fixture.item("prerequisites").step().details().size(), model.prerequisites().size());

        for (int i = 0; i < model.prerequisites().size() - 1; i++) {
            model.prerequisites().get(i).confirmed().set(true);
        }
        assertFalse(model.canTickProperty().get(), "one left unconfirmed");
        model.prerequisites().get(model.prerequisites().size() - 1).confirmed().set(true);
        assertTrue(model.canTickProperty().get());

        model.tick();

        RunFolder run = fixture.wizard.runProperty().get();
        assertEquals(StepState.DONE, run.state().of("prerequisites"));
        assertTrue(run.state().lastEntry("prerequisites").get("note").startsWith("All "
                + model.prerequisites().size() + " prerequisites confirmed"));
        assertFalse(model.canTickProperty().get());
    }

    private static boolean has(PrerequisitesViewModel model, Finding.Level level, String start) {
        return model.results().stream().anyMatch(f -> f.level() == level && f.text().startsWith(start));
    }

    private static String texts(PrerequisitesViewModel model) {
        return model.results().stream().map(f -> f.level() + " " + f.text()).collect(Collectors.joining("\n"));
    }
}
