package dev.envclone.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme in wizard.properties: kept across a save and a load, light when none was chosen or the key is unknown. */
class SettingsThemeTest {
    @TempDir
    Path folder;

    @Test
    void aChosenThemeIsReadBackAfterASave() {
        Path file = folder.resolve("wizard.properties");
        Settings settings = Settings.load(file);
        settings.theme(Theme.DARK.key());
        settings.save();

        assertEquals("dark", Settings.load(file).theme());
        assertEquals(Theme.DARK, Theme.of(Settings.load(file).theme()));
    }

    @Test
    void noThemeOrAnUnknownOneIsLight() throws Exception {
        Path file = folder.resolve("wizard.properties");
        assertEquals(Theme.LIGHT, Theme.of(Settings.load(file).theme()));

        Files.writeString(file, "theme=solarized\n");
        assertEquals(Theme.LIGHT, Theme.of(Settings.load(file).theme()));
    }
}
