package dev.envclone.ui.start;

import dev.envclone.procedure.PlanBuilder;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.common.Settings;
import dev.envclone.ui.common.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The start page's three ways in: rehearse on a sandbox envclone makes (the default on a fresh machine), start a
 * new migration, or open a run folder to resume it. Each starts with {@link WizardViewModel#startFresh()}: a run
 * never shows, or connects with, what an earlier run of the same session left.
 */
public final class StartViewModel {
    private final WizardViewModel wizard;
    private final ObjectProperty<Dbms> dbms = new SimpleObjectProperty<>(Dbms.SQLSERVER);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    /** The rehearsal's source sandbox, and the target its clone creates, in the rehearsal's folder. */
    static final String PRODUCTION = "production";
    static final String TARGET = "target";

    public StartViewModel(WizardViewModel wizard) {
        this.wizard = wizard;
        theme.set(Theme.of(wizard.settings().theme()));
        // Remembered as soon as chosen: the next start opens in it, even if this session ends by a crash.
        theme.addListener((o, before, now) -> {
            if (now != null) {
                wizard.settings().theme(now.key());
                wizard.settings().save();
            }
        });
    }

    /** A new run folder's name; the formatter made when a folder is named, not before the first frame. */
    private static String stamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    /** Light or dark, as remembered; the page applies a change to every window at once. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public javafx.beans.property.IntegerProperty textScaleProperty() {
        return wizard.textScaleProperty();
    }

    public ObjectProperty<Dbms> dbmsProperty() {
        return dbms;
    }

    /** What went wrong, or what was saved; shown under the buttons. */
    public StringProperty messageProperty() {
        return message;
    }

    /** The last run folder, if it still holds a run: offered as "Resume". */
    public Path lastRun() {
        Path last = wizard.settings().lastRunFolder();
        return last != null && Files.exists(last.resolve("journal.jsonl")) ? last : null;
    }

    /**
     * Makes a small "production" sandbox (in a job: it writes a database) as the rehearsal's source, names a target
     * file beside it that does not exist yet (the run's clone creates it, and only the clone), fills the plan with
     * defaults, then calls {@code ready}: the whole procedure is rehearsed, the clone included.
     */
    public void rehearse(Runnable ready) {
        wizard.startFresh();
        Dbms chosen = dbms.get();
        Path folder = Settings.home().resolve("rehearsals").resolve(stamp() + "-"
                + chosen.cliName());
        wizard.background().run("Making the rehearsal sandbox", (progress, cancel) ->
                        Sandbox.create(chosen, folder.resolve(PRODUCTION), rehearsalSize()),
                url -> {
                    wizard.rehearsalProperty().set(true);
                    wizard.sourceUrlProperty().set(url);
                    wizard.sourceUserProperty().set("sa");
                    wizard.sourcePasswordProperty().set("");
                    wizard.targetUrlProperty().set(Sandbox.url(chosen, folder.resolve(TARGET)));
                    wizard.targetUserProperty().set("sa");
                    wizard.targetPasswordProperty().set("");
                    wizard.runFolderProperty().set(folder.resolve("run"));
                    wizard.planProperty().set(new PlanBuilder(chosen).build());
                    wizard.selectedProperty().set(0);
                    ready.run();
                },
                failed -> message.set("The sandbox could not be made in " + folder + ": " + failed.getMessage()));
    }

    /**
     * Small (a walk-through in seconds), or large with {@code -Denvclone.rehearsal.size=large}: a factory's volume
     * (5,000 modules, 200,000 site properties), to time the window and to check that the wizard's heap holds it.
     */
    static SandboxSize rehearsalSize() {
        return "large".equalsIgnoreCase(System.getProperty("envclone.rehearsal.size", "").strip())
                ? SandboxSize.LARGE : SandboxSize.SMALL;
    }

    /** A new migration: the plan page with the DBMS's defaults; the operator fills in the target. */
    public void newMigration(Runnable ready) {
        wizard.startFresh();
        wizard.runFolderProperty().set(Settings.home().resolve("runs").resolve(stamp()));
        wizard.planProperty().set(new PlanBuilder(dbms.get()).build());
        wizard.selectedProperty().set(0);
        ready.run();
    }

    /** Opens a run folder and goes to its first unfinished step. */
    public void open(Path folder, Consumer<String> refused, Runnable ready) {
        wizard.startFresh();
        try {
            wizard.openRun(folder);
            ready.run();
        } catch (Exception e) {
            refused.accept(e.getMessage());
            message.set(e.getMessage());
        }
    }
}
