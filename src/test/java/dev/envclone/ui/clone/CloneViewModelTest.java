package dev.envclone.ui.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.run.JournalEntry;
import dev.envclone.run.PlanArtifacts;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloneViewModelTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({"SQLSERVER, backup-database, backup-on-source.sql",
        "SQLSERVER, restore-database, restore-on-target.sql", "ORACLE, export-schemas, expdp.par",
        "ORACLE, create-users, create-users.sql", "ORACLE, import-schemas, impdp.par"})
    void showsTheStepsGeneratedFile(Dbms dbms, String stepId, String file) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        CloneViewModel model = new CloneViewModel(fixture.wizard, fixture.item(stepId));

        assertEquals(file, model.fileName());
        assertEquals(PlanArtifacts.of(fixture.wizard.planProperty().get()).get(file), model.text());
        assertEquals(Files.readString(folder.resolve("run").resolve(file)), model.text(),
                "the same text as the run folder's file");
    }

    @Test
    void doneByDbaWritesTheDbasNameAndNote() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        CloneViewModel model = new CloneViewModel(fixture.wizard, fixture.item("restore-database"));

        model.doneByDba("Bea DBA", "restored 02:10, RESTORE DATABASE successfully processed");

        JournalEntry entry = fixture.wizard.runProperty().get().state().lastEntry("restore-database");
        assertEquals(StepState.DONE_BY_DBA, fixture.wizard.runProperty().get().state().of("restore-database"));
        assertEquals("Bea DBA", entry.get("dba"));
        assertEquals("Ana Operator", entry.operator());
        assertTrue(model.marks().recordProperty().get().startsWith("Done by DBA Bea DBA (recorded by Ana Operator at "),
                model.marks().recordProperty().get());
        assertFalse(model.canMarkProperty().get());
    }

    @Test
    void skipWritesTheReason() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.ORACLE, folder, Background.direct());
        CloneViewModel model = new CloneViewModel(fixture.wizard, fixture.item("export-schemas"));

        model.skip("the export was made yesterday by the DBA team");

        assertEquals(StepState.SKIPPED, fixture.wizard.runProperty().get().state().of("export-schemas"));
        assertEquals("the export was made yesterday by the DBA team",
                fixture.wizard.runProperty().get().state().lastEntry("export-schemas").get("reason"));
    }

    @Test
    void saveWritesTheFile() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        CloneViewModel model = new CloneViewModel(fixture.wizard, fixture.item("restore-database"));
        Path out = folder.resolve("for-the-dba.sql");

        model.save(out);

        assertEquals(model.text(), Files.readString(out, StandardCharsets.UTF_8));
        assertTrue(model.messageProperty().get().contains(out.toString()), model.messageProperty().get());
    }
}
