package dev.envclone.run;

import java.util.List;
import java.util.Optional;

/**
 * A step envclone executed and committed, as the journal has it: the entry that settled it (executed, or recovered
 * as committed) and the start of that attempt, which names its statements and pre-images.
 *
 * @param position the settling entry's place in the journal (later steps have higher ones)
 */
record ExecutedStep(String id, JournalEntry done, JournalEntry started, int position) {

    /** The step's committed attempt while the step is done; empty otherwise (pending, skipped, ticked, restored). */
    static Optional<ExecutedStep> of(RunFolder run, String id) {
        RunState state = run.state();
        JournalEntry done = state.lastEntry(id);
        boolean committed = done != null && (done.event() == JournalEvent.STEP_EXECUTED
                || done.event() == JournalEvent.STEP_RECOVERED && "true".equals(done.get("committed")));
        if (state.of(id) != StepState.DONE || !committed) {
            return Optional.empty();
        }
        List<JournalEntry> entries = run.journal().entries();
        int position = entries.indexOf(done);
        for (int i = position - 1; i >= 0; i--) {
            JournalEntry entry = entries.get(i);
            if (id.equals(entry.step()) && entry.event() == JournalEvent.STEP_STARTED) {
                return entry.get("statements") == null ? Optional.empty()
                        : Optional.of(new ExecutedStep(id, done, entry, position));
            }
        }
        return Optional.empty();
    }

    int statements() {
        return Integer.parseInt(started.get("statements"));
    }

    /** Statement {@code number}'s journaled field ({@code table}, {@code preimage.file}, …). */
    String field(int number, String name) {
        return started.get(RunSession.key(number) + "." + name);
    }
}
