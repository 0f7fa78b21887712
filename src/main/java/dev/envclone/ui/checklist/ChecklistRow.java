package dev.envclone.ui.checklist;

import dev.envclone.procedure.Step;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.StepMark;
import dev.envclone.run.StepState;
import dev.envclone.ui.manual.StepMarks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One row of the final checklist: a step the operator or a DBA does, its state, who and when, and a note. */
public final class ChecklistRow {
    private final Step step;
    private final int number;
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper who = new ReadOnlyStringWrapper("");
    private final StringProperty note = new SimpleStringProperty("");

    ChecklistRow(Step step, int number) {
        this.step = step;
        this.number = number;
    }

    /** Takes the step's state and last journal entry. */
    void update(StepState now, JournalEntry entry) {
        finished.set(now.finished());
        state.set(now.label());
        who.set(entry == null || now == StepState.PENDING ? (tickable() || now.finished() ? ""
                : "Recorded on its own page: done by a DBA, or skipped.") : StepMarks.who(entry));
        if (now.finished() && entry != null) {
            String recorded = entry.get("note") != null ? entry.get("note") : entry.get("reason");
            note.set(recorded == null ? "" : recorded);
        }
    }

    public Step step() {
        return step;
    }

    public String stepId() {
        return step.id();
    }

    /** A tick means something here (a manual or Configuration Tool step); a clone step is done by a DBA or skipped. */
    public boolean tickable() {
        return StepMark.TICK.fits(step.kind());
    }

    /** "12. Upload your new environment license": numbered as in checklist.md. */
    public String title() {
        return number + ". " + step.title();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** done, done by DBA, skipped, pending … */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Ana Operator at 2025-03-01 10:22:33 UTC" once recorded, else empty. */
    public ReadOnlyStringProperty whoProperty() {
        return who.getReadOnlyProperty();
    }

    /** The note to tick the step with; once recorded, the journal's note (or skip reason). */
    public StringProperty noteProperty() {
        return note;
    }
}
