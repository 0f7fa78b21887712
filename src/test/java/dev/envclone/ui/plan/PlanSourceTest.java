package dev.envclone.ui.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.TargetInspection;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.run.RunFolder;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.common.Background;
import dev.envclone.ui.common.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan page with a source connection: the target may not exist yet, and the run gets the source's fingerprint. */
class PlanSourceTest {
    @TempDir
    Path folder;

    private WizardViewModel wizard;
    private String source;

    private PlanViewModel open(String targetUrl) throws Exception {
        source = Sandbox.create(Dbms.SQLSERVER, folder.resolve("production"), SandboxSize.SMALL);
        wizard = new WizardViewModel(Background.direct(), Settings.load(folder.resolve("wizard.properties")));
        wizard.operatorProperty().set("Ana Operator");
        wizard.targetUrlProperty().set(targetUrl);
        wizard.targetUserProperty().set("sa");
        wizard.runFolderProperty().set(folder.resolve("run"));
        wizard.planProperty().set(new PlanBuilder(Dbms.SQLSERVER).build());
        return new PlanViewModel(wizard);
    }

    @Test
    void aTargetThatDoesNotExistYetIsRefusedWithoutASourceAndAcceptedWithOne() throws Exception {
        PlanViewModel model = open(Sandbox.url(Dbms.SQLSERVER, folder.resolve("target")));
        assertFalse(model.targetUrlMessageProperty().get().isEmpty(), "without a source the target must exist");
        assertFalse(model.validProperty().get());

        model.sourceUrlProperty().set(source);
        model.sourceUserProperty().set("sa");

        assertEquals("", model.targetUrlMessageProperty().get());
        assertTrue(model.validProperty().get(), model.problemsProperty().get());
    }

    @Test
    void nextReadsTheSourceAndStartsTheRunWithItsFingerprintMakingNoTarget() throws Exception {
        PlanViewModel model = open(Sandbox.url(Dbms.SQLSERVER, folder.resolve("target")));
        model.sourceUrlProperty().set(source);
        model.sourceUserProperty().set("sa");

        model.accept();

        RunFolder run = wizard.runProperty().get();
        assertTrue(run != null, model.problemsProperty().get());
        String fingerprint;
        try (Connection connection = DriverManager.getConnection(source, "sa", "")) {
            fingerprint = TargetInspection.fingerprint(connection);
        }
        assertEquals(fingerprint, run.sourceFingerprint());
        assertFalse(Files.exists(folder.resolve("target.mv.db")), "only the clone makes the target");
        assertEquals("prerequisites", wizard.items().get(wizard.selectedProperty().get()).step().id());
    }

    @Test
    void aTargetThatIsTheSourceIsRefusedOnNextAndNoRunFolderIsMade() throws Exception {
        PlanViewModel model = open("");
        wizard.targetUrlProperty().set(source);
        model.sourceUrlProperty().set(source);

        assertFalse(model.accept());

        assertTrue(model.problemsProperty().get().startsWith("The clone cannot start: --target is the source"),
                model.problemsProperty().get());
        assertNull(wizard.runProperty().get());
        assertFalse(Files.exists(folder.resolve("run").resolve("journal.jsonl")));
        assertTrue(model.validProperty().get(), "the page is usable again");
    }

    @Test
    void aPasswordInTheSourceUrlIsRefusedAtTheField() throws Exception {
        PlanViewModel model = open("");
        model.sourceUrlProperty().set("jdbc:sqlserver://prod01;databaseName=OUTSYSTEMS;password=secret");

        assertTrue(model.sourceUrlMessageProperty().get().contains("source's Password field"),
                model.sourceUrlMessageProperty().get());
        assertFalse(model.sourceUrlMessageProperty().get().contains("secret"));
        assertFalse(model.validProperty().get());
    }
}
