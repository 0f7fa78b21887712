package dev.envclone.run;

import dev.envclone.procedure.Step;

/**
 * What the database showed of one finished step's effect.
 *
 * @param remaining rows the step's statements would still change
 * @param detail one line for the operator
 */
public record PostconditionCheck(Step step, Outcome outcome, long remaining, String detail) {
    public enum Outcome {
        /** Every statement would change no row: the effect is there. */
        HELD,
        /** Rows are left to change: the step runs again. */
        EFFECT_MISSING,
        /** Not measured, and why (the install has begun). */
        NOT_CHECKED
    }
}
