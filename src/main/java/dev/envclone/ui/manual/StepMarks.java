package dev.envclone.ui.manual;

import dev.envclone.run.JournalEntry;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunState;
import dev.envclone.run.StepState;
import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardViewModel;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the operator records about a step envclone does not run itself (ticked done, done by a DBA, skipped), each a
 * journal entry written by a background job, and the entry read back as "who, when, note". The prerequisites,
 * clone, Configuration Tool and final pages use it too, so every page words a step's record the same way. It also
 * words the step's heading (title, instruction, points, reference) and says when a mark can be written, which those
 * pages' view models would otherwise each repeat.
 */
public final class StepMarks {
    private final WizardViewModel wizard;
    private final StepItem item;
    private final String stepId;
    private final ReadOnlyObjectWrapper<StepState> state = new ReadOnlyObjectWrapper<>(StepState.PENDING);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper record = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final BooleanBinding canMark;

    public StepMarks(WizardViewModel wizard, StepItem item) {
        this.wizard = wizard;
        this.item = item;
        this.stepId = item.step().id();
        this.canMark = Bindings.createBooleanBinding(() -> item.applicable() && wizard.runProperty().get() != null
                        && !finished.get() && !busy.get(),
                finished, busy, wizard.runProperty());
        reload();
    }

    /** A journal write, given the run; the step id is already known. */
    @FunctionalInterface
    interface Mark {
        void write(RunFolder run) throws Exception;
    }

    public String stepId() {
        return stepId;
    }

    /** "7. Upload your new environment license", or the bare title of a step the plan leaves out. */
    public String title() {
        return item.number() > 0 ? item.number() + ". " + item.step().title() : item.step().title();
    }

    public String instruction() {
        return item.step().instruction();
    }

    public List<String> details() {
        return item.step().details();
    }

    public String reference() {
        return "Document: " + item.step().reference();
    }

    /**
     * A mark can be written: the step is of the plan, there is a run, and the step is open with nothing being
     * written. A page's own conditions (a sandbox job, unconfirmed boxes) are added with {@code and}.
     */
    public BooleanBinding canMarkProperty() {
        return canMark;
    }

    /** Re-reads the step's state and its last entry from the journal. */
    public void reload() {
        RunFolder run = wizard.runProperty().get();
        if (run == null) {
            return;
        }
        RunState now = run.state();
        state.set(now.of(stepId));
        finished.set(now.of(stepId).finished());
        record.set(describe(now.of(stepId), now.lastEntry(stepId)));
    }

    /** Ticks the step done; the note may be blank. */
    public void tick(String note) {
        write("Ticking off the step", run -> run.tick(stepId, note == null ? "" : note.strip(), operator()));
    }

    /** Skips the step; the reason is required (the journal refuses a blank one). */
    public void skip(String reason) {
        write("Skipping the step", run -> run.skip(stepId, reason, operator()));
    }

    /** Records that a DBA did the step by hand; the DBA's name is required. */
    public void doneByDba(String dba, String note) {
        write("Recording the DBA's work", run -> run.doneByDba(stepId, dba, note, operator()));
    }

    private void write(String title, Mark mark) {
        RunFolder run = wizard.runProperty().get();
        if (run == null) {
            error.set("No run yet: accept the plan first.");
            return;
        }
        busy.set(true);
        error.set("");
        wizard.background().run(title, (progress, cancel) -> {
            mark.write(run);
            return Boolean.TRUE;
        }, done -> {
            busy.set(false);
            wizard.refresh();
            reload();
        }, failed -> {
            busy.set(false);
            error.set("Not recorded: " + failed.getMessage());
            reload();
        });
    }

    private String operator() {
        return wizard.operatorProperty().get();
    }

    public ReadOnlyObjectProperty<StepState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Done, done by a DBA or skipped: nothing more to record. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** A journal write is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The step's record in words: state, who, when, note or reason. */
    public ReadOnlyStringProperty recordProperty() {
        return record.getReadOnlyProperty();
    }

    /** Why the last write failed, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Done: ticked by Ana Operator at 2025-03-01 10:22:33 UTC. Note: …", as every page shows a step's record. */
    public static String describe(StepState state, JournalEntry entry) {
        if (state == StepState.PENDING || entry == null) {
            return "Not done yet.";
        }
        String who = who(entry);
        String note = entry.get("note") == null || entry.get("note").isBlank() ? "" : " Note: " + entry.get("note");
        if (state == StepState.DONE_BY_DBA) {
            return "Done by DBA " + entry.get("dba") + " (recorded by " + who + ")." + note;
        }
        if (state == StepState.SKIPPED) {
            return "Skipped by " + who + ". Reason: " + entry.get("reason");
        }
        if (state == StepState.DONE && entry.event() == JournalEvent.REHEARSAL_STAND_IN) {
            return "Done by a rehearsal stand-in (" + who + "): " + entry.get("changed") + ".";
        }
        if (state == StepState.DONE && entry.event() == JournalEvent.CHECKLIST_TICKED) {
            return "Done: ticked by " + who + "." + note;
        }
        String label = state.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1) + ": " + who + ".";
    }

    /** "Ana Operator at 2025-03-01 10:22:33 UTC". */
    public static String who(JournalEntry entry) {
        return entry.operator() + " at " + time(entry.time());
    }

    /** An entry's ISO-8601 time as an operator reads it: to the second, UTC said. */
    public static String time(String iso) {
        try {
            return dev.envclone.report.RunRecord.time(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }
}
