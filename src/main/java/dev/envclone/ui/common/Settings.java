package dev.envclone.ui.common;

import dev.envclone.files.OwnerOnly;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the wizard remembers between sessions, in wizard.properties in envclone's user folder: the window's size, the
 * text size, the last run folder. Never a password: there is no key for one.
 */
public final class Settings {
    /** Taken when first used, not as the class loads: the wizard's first frame is drawn before the log is set up. */
    private static Logger log() {
        return LoggerFactory.getLogger(Settings.class);
    }

    private static final String FILE = "wizard.properties";
    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /** ~/.envclone/wizard.properties, or under the folder the system property envclone.home names. */
    public static Settings load() {
        return load(home().resolve(FILE));
    }

    /** envclone's per-user folder (see {@link dev.envclone.run.UserFolder}). */
    public static Path home() {
        return dev.envclone.run.UserFolder.home();
    }

    public static Settings load(Path file) {
        Settings settings = new Settings(file);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged settings file costs the window size, nothing else: start from defaults.
                log().info("The wizard's settings {} cannot be read ({}); starting from the defaults", file,
                        e.getMessage());
                settings.values.clear();
            }
        }
        return settings;
    }

    public double windowWidth() {
        return number("window.width", 1280);
    }

    public double windowHeight() {
        return number("window.height", 800);
    }

    public void window(double width, double height) {
        values.setProperty("window.width", String.valueOf(Math.round(width)));
        values.setProperty("window.height", String.valueOf(Math.round(height)));
    }

    /** Text size in percent of the default: 100, 125 or 150. */
    public int textScale() {
        return (int) number("text.scale", 100);
    }

    public void textScale(int percent) {
        values.setProperty("text.scale", String.valueOf(percent));
    }

    /** The colour theme's key ("light" or "dark", see {@link Theme}); light until one is chosen. */
    public String theme() {
        return values.getProperty("theme", Theme.LIGHT.key());
    }

    public void theme(String key) {
        values.setProperty("theme", key);
    }

    public Path lastRunFolder() {
        String value = values.getProperty("run.last");
        return value == null ? null : Path.of(value);
    }

    public void lastRunFolder(Path folder) {
        values.setProperty("run.last", folder.toAbsolutePath().toString());
    }

    /** The login the last run connected with (a user name, not a secret), offered again on resume. */
    public String lastTargetUser() {
        return values.getProperty("run.last.user", "");
    }

    public void lastTargetUser(String user) {
        values.setProperty("run.last.user", user == null ? "" : user);
    }

    /** Owner-only, in an owner-only folder (the user folder), through a temporary file and a rename. */
    public void save() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            values.store(bytes, "envclone wizard: window, text size, last run folder (never a password)");
            OwnerOnly.folder(file.getParent(), "user folder");
            OwnerOnly.write(file, bytes.toByteArray(), "wizard settings");
        } catch (IOException e) {
            // Losing the remembered window size must never stop the operator's work.
            log().info("The wizard's settings could not be saved; the window size and text size are not kept", e);
        }
    }

    private double number(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The name the operator gave for the last run, offered again for the next; empty before the first. */
    public String operatorName() {
        return values.getProperty("operator.name", "");
    }

    public void operatorName(String name) {
        values.setProperty("operator.name", name == null ? "" : name);
    }
}
