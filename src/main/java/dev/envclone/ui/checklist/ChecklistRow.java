package dev.envclone.ui.checklist;

import dev.envclone.procedure.Step;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.StepMark;
import dev.envclone.run.StepState;
import dev.envclone.ui.manual.StepMarks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the final checklist: a step of the procedure (numbered as in the step list, or not applicable), its
 * state, who recorded it and when, and a note. Only a manual or Configuration Tool step is ticked here; the others
 * are recorded on their own page and shown here as the journal has them.
 */
public final class ChecklistRow {
    private final Step step;
    private final int number;
    /** Why the plan leaves the step out, or null when it applies. */
    private final String notApplicable;
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper who = new ReadOnlyStringWrapper("");
    private final StringProperty note = new SimpleStringProperty("");

    ChecklistRow(Step step, int number) {
        this(step, number, null);
    }

    private ChecklistRow(Step step, int number, String notApplicable) {
        this.step = step;
        this.number = number;
        this.notApplicable = notApplicable;
        if (notApplicable != null) {
            state.set("not applicable");
            who.set("Not applicable: " + notApplicable + ".");
        }
    }

    /** A step the plan leaves out: listed, unnumbered, never ticked. */
    static ChecklistRow notApplicable(Step step) {
        return new ChecklistRow(step, 0, "the plan leaves out " + step.part().description());
    }

    /** Takes the step's state and last journal entry. */
    void update(StepState now, JournalEntry entry) {
        finished.set(now.finished());
        state.set(now.label());
        if (entry == null || now == StepState.PENDING) {
            who.set(tickable() || now.finished() ? "" : capitalized(recordedWhere()));
        } else {
            who.set(whoOf(entry));
        }
        if (now.finished() && entry != null) {
            String recorded = entry.get("note") != null ? entry.get("note") : entry.get("reason");
            note.set(recorded == null ? "" : recorded);
        }
    }

    /** "Ana Operator at …", and the DBA's name when a DBA did the step. */
    private static String whoOf(JournalEntry entry) {
        if (entry.event() == JournalEvent.DONE_BY_DBA && entry.get("dba") != null) {
            return entry.get("dba") + " (DBA), recorded by " + StepMarks.who(entry);
        }
        return StepMarks.who(entry);
    }

    public Step step() {
        return step;
    }

    public String stepId() {
        return step.id();
    }

    /** False for a step the plan leaves out. */
    public boolean applicable() {
        return notApplicable == null;
    }

    /** A tick means something here (a manual or Configuration Tool step); a clone step is done by a DBA or skipped. */
    public boolean tickable() {
        return applicable() && StepMark.TICK.fits(step.kind());
    }

    /** Where a row that is not ticked here is recorded, as the end of a sentence: "recorded on its own page: …". */
    public String recordedWhere() {
        if (!applicable()) {
            return "not applicable: " + notApplicable + ".";
        }
        return switch (step.kind()) {
            case CLEANUP -> "recorded on its own page: executed by envclone, done by a DBA, or skipped.";
            case MANUAL, CONFIGURATION_TOOL, CLONE -> "recorded on its own page: done by a DBA, or skipped.";
        };
    }

    /** "12. Upload your new environment license": numbered as in the step list; unnumbered when not applicable. */
    public String title() {
        return applicable() ? number + ". " + step.title() : step.title() + " (not applicable)";
    }

    /** The step's number in the step list, 0 when not applicable. */
    public int number() {
        return number;
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** done, done by DBA, skipped, pending, not applicable … */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Ana Operator at 2025-03-01 10:22:33 UTC" once recorded, where it is recorded when not, or why not applicable. */
    public ReadOnlyStringProperty whoProperty() {
        return who.getReadOnlyProperty();
    }

    /** The note to tick the step with; once recorded, the journal's note (or skip reason). */
    public StringProperty noteProperty() {
        return note;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
