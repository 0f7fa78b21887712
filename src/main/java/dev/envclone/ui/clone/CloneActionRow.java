package dev.envclone.ui.clone;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One clone action as its page shows it: the step it carries out, how far it is (a fraction, never an endless
 * "busy" bar: no animations), what it says it is doing, and its elapsed and estimated time. Changed on the UI
 * thread only.
 */
public final class CloneActionRow {
    /** Where an action stands on the page. */
    public enum Stage { WAITING, RUNNING, DONE, STOPPED }

    private final String stepId;
    private final String title;
    private final String description;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.WAITING);
    private Instant started;
    private int percent = -1;

    CloneActionRow(String stepId, String title, String description, boolean finished) {
        this.stepId = stepId;
        this.title = title;
        this.description = description;
        if (finished) {
            finish("done");
        } else {
            status.set("waiting");
        }
    }

    public String stepId() {
        return stepId;
    }

    /** The step's title, with its number: "Step 2 · Clone the databases: back up the source". */
    public String title() {
        return title;
    }

    /** What the action does, as the engine describes it. */
    public String description() {
        return description;
    }

    /** 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "waiting", "running: 40 % restored", "done", "failed: …". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "elapsed 0:42 · about 1:03 left", or "" before it starts. */
    public ReadOnlyStringProperty timingProperty() {
        return timing.getReadOnlyProperty();
    }

    public Stage stage() {
        return stage.get();
    }

    /** Observed by the view model's row list, so that Run follows the rows' stages. */
    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /**
     * What the action says: a fraction where the server or tool gives one (the bar moves), otherwise only the
     * message (the bar stays where it was: H2's BACKUP and some Data Pump phases give no fraction).
     */
    void progress(String message, int done, int total, Instant now) {
        if (stage.get() != Stage.RUNNING) {
            start(now);
        }
        if (total > 0) {
            percent = (int) Math.max(0, Math.min(100, (long) done * 100 / total));
            progress.set(percent / 100.0);
            status.set("running: " + percent + " %" + (message == null || message.isBlank() ? "" : " · " + message));
        } else {
            status.set("running" + (message == null || message.isBlank() ? "" : ": " + message));
        }
        tick(now);
    }

    void start(Instant now) {
        stage.set(Stage.RUNNING);
        started = now;
        status.set("running");
        tick(now);
    }

    void finish(String how) {
        stage.set(Stage.DONE);
        progress.set(1);
        status.set(how);
    }

    /** Back to waiting: it never ran (the checks of every action come before the first one runs). */
    void reset() {
        stage.set(Stage.WAITING);
        started = null;
        percent = -1;
        status.set("waiting");
        timing.set("");
    }

    void stop(String how) {
        stage.set(Stage.STOPPED);
        status.set(how);
    }

    /** Brings the elapsed time up to {@code now}, and the estimate with it (once a fraction is known). */
    void tick(Instant now) {
        if (started == null) {
            return;
        }
        Duration elapsed = Duration.between(started, now);
        if (stage.get() != Stage.RUNNING) {
            timing.set("took " + clock(elapsed));
            return;
        }
        String left = percent > 0 && percent < 100
                ? " · about " + clock(elapsed.multipliedBy(100 - percent).dividedBy(percent)) + " left"
                : percent == 100 ? " · finishing" : " · no estimate yet";
        timing.set("elapsed " + clock(elapsed) + left);
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String clock(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
