package dev.envclone.ui.clone;

import dev.envclone.files.OwnerOnly;
import dev.envclone.procedure.CloneFiles;
import dev.envclone.run.PlanArtifacts;
import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.manual.StepMarks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import dev.envclone.run.CloneSteps;
import dev.envclone.ui.common.Background;
import java.time.Clock;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A clone step (backup and restore on SQL Server; export, create users, import on Oracle). Without a source
 * connection: the file envclone generated for it, to copy or save for the DBA, and the record that the DBA did it,
 * or that it was skipped. With one (the rehearsal, or a migration given its source): envclone runs the clone steps
 * itself through the engine's route, and the page shows each action's progress, elapsed and estimated time, the
 * live log, Cancel, and after a failure the engine's message, the state the target is left in and what to do.
 * The work runs on the wizard's background worker; what it reports comes back on the UI thread.
 */
public final class CloneViewModel {
    /** The log keeps the last lines only: a Data Pump log runs to thousands. */
    static final int LOG_LINES = 500;

    private final WizardViewModel wizard;
    private final Clock clock;
    private final ObservableList<CloneActionRow> rows = FXCollections.observableArrayList(
            row -> new javafx.beans.Observable[] {row.stageProperty()});
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper automatic = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper cloneMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper left = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRun;
    private Background.Job job;
    private CloneActionRow current;
    private final StepMarks marks;
    private final String fileName;
    private final String text;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding canMark;

    public CloneViewModel(WizardViewModel wizard, StepItem item) {
        this(wizard, item, Clock.systemUTC());
    }

    CloneViewModel(WizardViewModel wizard, StepItem item, Clock clock) {
        this.wizard = wizard;
        this.clock = clock;
        this.marks = new StepMarks(wizard, item);
        this.fileName = CloneFiles.forStep(item.step().id());
        String generated = fileName == null || wizard.planProperty().get() == null ? null
                : PlanArtifacts.of(wizard.planProperty().get()).get(fileName);
        this.text = generated == null ? "" : generated;
        this.canMark = marks.canMarkProperty().and(running.not());
        this.canRun = Bindings.createBooleanBinding(() -> automatic.get() && !running.get()
                && rows.stream().anyMatch(r -> r.stage() != CloneActionRow.Stage.DONE), automatic, running, rows);
    }

    /** True when envclone runs this step itself: the run has a source and the route has an action for it. */
    public ReadOnlyBooleanProperty automaticProperty() {
        return automatic.getReadOnlyProperty();
    }

    /** The route's actions, one row each, in the plan's order (all of them: Run carries out every pending one). */
    public ObservableList<CloneActionRow> rows() {
        return rows;
    }

    /** The server's or tool's log lines and envclone's own, as they arrive; the last {@value #LOG_LINES}. */
    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True while the source is read to learn what the route will do. */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** What the clone panel says: the route, reading, done. */
    public ReadOnlyStringProperty cloneMessageProperty() {
        return cloneMessage.getReadOnlyProperty();
    }

    /** The engine's message after a failure, refusal or cancel; "" otherwise. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The state the target is left in after a failure ({@code CloneFailedException.left()}); "" otherwise. */
    public ReadOnlyStringProperty leftProperty() {
        return left.getReadOnlyProperty();
    }

    /** What to do next after a failure, refusal or cancel. */
    public ReadOnlyStringProperty adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    /** Run is offered with a source, while nothing runs and some clone step is still open. */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /**
     * Reads what the route will do (a job: it opens the source, read-only), unless a run is under way or it was
     * read already. Without a source the page stays manual.
     */
    public void prepare() {
        if (!wizard.hasSource() || wizard.runProperty().get() == null || running.get() || reading.get()) {
            automatic.set(false);
            return;
        }
        reading.set(true);
        cloneMessage.set("Reading the source…");
        wizard.background().run("Reading the source", (progress, cancel) -> CloneRun.planned(wizard.context()),
                planned -> {
                    reading.set(false);
                    rows.setAll(planned.stream().map(p -> new CloneActionRow(p.stepId(), p.title(),
                            p.description(), p.finished())).toList());
                    automatic.set(planned.stream().anyMatch(p -> p.stepId().equals(marks.stepId())));
                    cloneMessage.set(automatic.get() ? routeText() : "The source's route has no action for this "
                            + "step: it stays manual.");
                },
                failed -> {
                    reading.set(false);
                    automatic.set(false);
                    cloneMessage.set(dev.envclone.ui.RunContext.sourceFailure(failed));
                });
    }

    private String routeText() {
        long open = rows.stream().filter(r -> r.stage() != CloneActionRow.Stage.DONE).count();
        return open == 0 ? "Every clone step is done." : "envclone runs the clone from the source (read, never "
                + "changed): " + open + " of " + rows.size() + " clone steps to go. Run carries them out in order; "
                + "Cancel or Escape stops the one under way.";
    }

    /** Runs every pending clone step on the background worker; Cancel and Escape reach it. */
    public void start() {
        if (!canRun.get()) {
            return;
        }
        running.set(true);
        failure.set("");
        left.set("");
        advice.set("");
        current = null;
        advanceTo(Set.of());
        cloneMessage.set("Cloning…");
        Background background = wizard.background();
        CloneRun.Events events = new CloneRun.Events() {
            @Override
            public void progress(String message, int done, int total) {
                background.onUi(() -> {
                    if (current != null) {
                        current.progress(message, done, total, clock.instant());
                    }
                });
            }

            @Override
            public void logLine(String line) {
                background.onUi(() -> append(line));
            }

            @Override
            public void reported(String line, Set<String> finished) {
                background.onUi(() -> {
                    append(line);
                    advanceTo(finished);
                });
            }

            @Override
            public void states(java.util.Map<String, dev.envclone.run.StepState> states, String underWay) {
                background.onUi(() -> wizard.showStates(states, underWay));
            }
        };
        job = background.run("Cloning from the source", (progress, cancel) ->
                CloneRun.run(wizard.context(), events, progress, cancel), this::ended, this::broke);
    }

    /** Stops the clone step under way: the engine cancels it and says what it left. */
    public void cancel() {
        if (job != null && running.get()) {
            cloneMessage.set("Cancelling…");
            job.cancel();
        }
    }

    /** Brings the running action's elapsed and estimated time up to now (the page asks once a second). */
    public void tick() {
        rows.forEach(r -> r.tick(clock.instant()));
    }

    private void advanceTo(Set<String> finished) {
        for (CloneActionRow row : rows) {
            if (finished.contains(row.stepId()) && row.stage() != CloneActionRow.Stage.DONE) {
                row.finish("done");
                row.tick(clock.instant());
            }
        }
        if (current == null || current.stage() == CloneActionRow.Stage.DONE) {
            current = rows.stream().filter(r -> r.stage() != CloneActionRow.Stage.DONE).findFirst().orElse(null);
            if (current != null) {
                current.start(clock.instant());
            }
        }
    }

    /** For the test of the log's length: a line as the engine would send it. */
    void appendForTest(String line) {
        append(line);
    }

    private void append(String line) {
        log.add(line);
        if (log.size() > LOG_LINES) {
            log.remove(0, log.size() - LOG_LINES);
        }
    }

    private void ended(CloneSteps.Result result) {
        running.set(false);
        job = null;
        wizard.refresh();
        marks.reload();
        switch (result.outcome()) {
            case DONE -> {
                rows.stream().filter(r -> r.stage() != CloneActionRow.Stage.DONE).forEach(r -> r.finish("done"));
                tick();
                cloneMessage.set("The clone is done: the target was made from the source, which was only read.");
            }
            case FAILED, REFUSED, CANCELLED -> stopped(result);
        }
    }

    private void stopped(CloneSteps.Result result) {
        String how = switch (result.outcome()) {
            case FAILED -> "failed";
            case REFUSED -> "refused by its check";
            case CANCELLED -> "cancelled";
            case DONE -> "done";
        };
        CloneActionRow row = result.step() == null ? current : rows.stream()
                .filter(r -> r.stepId().equals(result.step().id())).findFirst().orElse(current);
        for (CloneActionRow other : rows) {
            // A refusal comes from the checks, before any action ran: the one shown as started did not run.
            if (other != row && other.stage() == CloneActionRow.Stage.RUNNING) {
                other.reset();
            }
        }
        if (row != null) {
            row.stop(how);
            row.tick(clock.instant());
        }
        cloneMessage.set("The clone stopped: " + (row == null ? "" : row.title() + " ") + how + ".");
        failure.set(result.message() == null ? "" : result.message());
        left.set(result.left() == null ? "" : result.left());
        advice.set(switch (result.outcome()) {
            case FAILED -> "Correct the cause the message names, then Run again: finished clone steps are not run "
                    + "again, and a step left half done is settled first. Never use a target left half made.";
            case REFUSED -> "Nothing was changed. Correct what the check names, then Run again.";
            case CANCELLED -> "Run again when ready: the step starts over; its partial files were removed.";
            case DONE -> "";
        });
    }

    /** An error the engine did not turn into a result (the journal or a file could not be written). */
    private void broke(Throwable e) {
        running.set(false);
        job = null;
        wizard.refresh();
        marks.reload();
        if (current != null) {
            current.stop("stopped");
            current.tick(clock.instant());
        }
        cloneMessage.set("The clone stopped on an error.");
        failure.set(dev.envclone.db.UrlSecrets.mask(String.valueOf(e.getMessage())));
        left.set("not known here: the next Run settles the step before it goes on");
        advice.set("Correct the cause (the log file names it too), then Run again.");
    }

    public StepMarks marks() {
        return marks;
    }

    /** The generated file's name ({@link CloneFiles}), or null. */
    public String fileName() {
        return fileName;
    }

    /** The generated file's text, exactly as the run folder has it. */
    public String text() {
        return text;
    }

    /** Writes the file's text to {@code file}, off the UI thread. */
    public void save(Path file) {
        wizard.background().run("Saving " + fileName, (progress, cancel) -> {
            OwnerOnly.write(file, text.getBytes(StandardCharsets.UTF_8), fileName);
            return file;
        }, this::saved, this::saveFailed);
    }

    /** Says where the file went. */
    public void saved(Path file) {
        message.set(file == null ? "" : fileName + " saved to " + file.toAbsolutePath());
    }

    /** Says the file is on the clipboard. */
    public void copied() {
        message.set(fileName + " copied to the clipboard.");
    }

    /** Says why the file could not be saved. */
    public void saveFailed(Throwable e) {
        message.set("Not saved: " + e.getMessage());
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Done by DBA and Skip are offered while the step is open and nothing is being written. */
    public BooleanBinding canMarkProperty() {
        return canMark;
    }

    public void doneByDba(String dba, String note) {
        marks.doneByDba(dba, note);
    }

    public void skip(String reason) {
        marks.skip(reason);
    }

    public void reload() {
        marks.reload();
        if (rows.isEmpty()) {
            prepare();
        }
    }
}
