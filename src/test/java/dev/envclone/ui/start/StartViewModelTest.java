package dev.envclone.ui.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sandbox.Sandbox;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.common.Background;
import dev.envclone.ui.common.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rehearsal from the start page: a "production" source sandbox, and a target that only the clone will make. */
class StartViewModelTest {
    @TempDir
    Path home;

    @AfterEach
    void clear() {
        System.clearProperty("envclone.home");
    }

    @Test
    void rehearseMakesAProductionSourceAndNamesATargetThatDoesNotExistYet() throws Exception {
        System.setProperty("envclone.home", home.toString());
        WizardViewModel wizard = new WizardViewModel(Background.direct(), Settings.load(home.resolve("w.properties")));
        StartViewModel start = new StartViewModel(wizard);
        start.dbmsProperty().set(Dbms.ORACLE);
        boolean[] ready = {false};

        start.rehearse(() -> ready[0] = true);

        assertTrue(ready[0], start.messageProperty().get());
        assertTrue(wizard.hasSource());
        Path folder = wizard.runFolderProperty().get().getParent();
        assertEquals(Sandbox.url(Dbms.ORACLE, folder.resolve(StartViewModel.PRODUCTION)),
                wizard.sourceUrlProperty().get());
        assertTrue(Files.exists(folder.resolve("production.mv.db")), "the source exists");
        assertEquals(Sandbox.url(Dbms.ORACLE, folder.resolve(StartViewModel.TARGET)), wizard.targetUrlProperty().get());
        assertFalse(Files.exists(folder.resolve("target.mv.db")), "only the run's clone makes the target");

        start.newMigration(() -> { });
        assertFalse(wizard.hasSource(), "a new migration starts without a source: its clone stays manual");
    }

    @Test
    void aThemeChosenIsSavedAndTheNextStartPageStartsWithIt() {
        Path file = home.resolve("w.properties");
        StartViewModel start = new StartViewModel(new WizardViewModel(Background.direct(), Settings.load(file)));
        assertEquals(dev.envclone.ui.common.Theme.LIGHT, start.themeProperty().get());

        start.themeProperty().set(dev.envclone.ui.common.Theme.DARK);

        assertEquals("dark", Settings.load(file).theme(), "saved when chosen");
        StartViewModel next = new StartViewModel(new WizardViewModel(Background.direct(), Settings.load(file)));
        assertEquals(dev.envclone.ui.common.Theme.DARK, next.themeProperty().get());
    }
}
