package dev.envclone.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each step's state, replayed from the journal: the last entry about a step decides. */
public final class RunState {
    private final Map<String, StepState> states = new HashMap<>();
    private final Map<String, JournalEntry> last = new HashMap<>();

    public RunState(List<JournalEntry> entries) {
        for (JournalEntry entry : entries) {
            if (entry.step() == null) {
                continue;
            }
            StepState state = stateAfter(entry);
            // A preview of a finished step (a later prepare) does not reopen it.
            boolean reopen = state == StepState.PREPARED && of(entry.step()).finished();
            if (state != null && !reopen) {
                states.put(entry.step(), state);
                last.put(entry.step(), entry);
            }
        }
    }

    public StepState of(String step) {
        return states.getOrDefault(step, StepState.PENDING);
    }

    /** The entry that put the step in its state, or null. */
    public JournalEntry lastEntry(String step) {
        return last.get(step);
    }

    /** How many times the step was started: the next attempt's number is this plus one. */
    public static int attempts(List<JournalEntry> entries, String step) {
        return (int) entries.stream()
                .filter(e -> step.equals(e.step()) && e.event() == JournalEvent.STEP_STARTED).count();
    }

    private static StepState stateAfter(JournalEntry entry) {
        switch (entry.event()) {
            case PREVIEWED:
                return StepState.PREPARED;
            case STEP_STARTED:
                return StepState.IN_DOUBT;
            case STEP_EXECUTED:
                return StepState.DONE;
            case STEP_FAILED:
                return StepState.FAILED;
            case STEP_BLOCKED:
                return StepState.BLOCKED;
            case STEP_SKIPPED:
                return StepState.SKIPPED;
            case DONE_BY_DBA:
                return StepState.DONE_BY_DBA;
            case CHECKLIST_TICKED:
            case REHEARSAL_STAND_IN:
                return StepState.DONE;
            case POSTCONDITION_CHECKED:
                return "true".equals(entry.get("held")) ? null : StepState.EFFECT_MISSING;
            case STEP_RESTORED:
                return StepState.PENDING;
            case STEP_RECOVERED:
                return "true".equals(entry.get("committed")) ? StepState.DONE : StepState.PENDING;
            default:
                return null;
        }
    }
}
