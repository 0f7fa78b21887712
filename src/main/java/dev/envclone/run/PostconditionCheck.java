package dev.envclone.run;

import dev.envclone.procedure.Step;

/**
 * What the database showed of one finished step's effect.
 *
 * @param remaining rows the step's statements would still change
 * @param detail one line for the operator
 */
public record PostconditionCheck(Step step, Outcome outcome, long remaining, String detail) {
    /**
     * One line from a {@link JournalEvent#POSTCONDITION_CHECKED} entry, as status and the report show it: "effect
     * held, measured 2026-12-01T21:03:04Z (end of the run)" or "effect missing: 3 rows left to change, measured ...".
     */
    public static String summary(JournalEntry checked) {
        String when = "measured " + checked.time() + ("end".equals(checked.get("when")) ? " (end of the run)"
                : " (run opened)");
        return "true".equals(checked.get("held")) ? "effect held, " + when
                : "effect missing: " + checked.get("remaining") + " rows left to change, " + when;
    }

    /** The last postcondition entry about {@code step}, or null when its effect was never measured. */
    public static JournalEntry last(java.util.List<JournalEntry> entries, String step) {
        JournalEntry found = null;
        for (JournalEntry entry : entries) {
            if (entry.event() == JournalEvent.POSTCONDITION_CHECKED && step.equals(entry.step())) {
                found = entry;
            }
        }
        return found;
    }

    public enum Outcome {
        /** Every statement would change no row: the effect is there. */
        HELD,
        /** Rows are left to change: the step runs again. */
        EFFECT_MISSING,
        /** Not measured, and why (the install has begun). */
        NOT_CHECKED
    }
}
