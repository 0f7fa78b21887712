package dev.envclone.run;

import dev.envclone.procedure.Step;
import dev.envclone.procedure.StepKind;

/**
 * What an operator can record about a step that envclone did not execute, and where each means something. A tick
 * says "I did it by hand": a manual or Configuration Tool step. A cleanup or clone step is SQL or Data Pump work: it
 * is done by envclone, or by a DBA by hand (who is named), or skipped (with a reason); a tick there would say "done"
 * with nothing run and nobody accountable. A manual step can be skipped too: the wizard offers it (an optional step
 * the environment does not need, such as disabling the cloned LifeTime).
 */
public enum StepMark {
    TICK("ticked (--tick)"),
    DONE_BY_DBA("done by a DBA (--done-by-dba NAME)"),
    SKIP("skipped (--skip REASON)");

    private final String words;

    StepMark(String words) {
        this.words = words;
    }

    /** Whether this mark means something for a step of this kind. */
    public boolean fits(StepKind kind) {
        return switch (kind) {
            case MANUAL -> this == TICK || this == SKIP;
            case CONFIGURATION_TOOL -> this == TICK;
            case CLEANUP, CLONE -> this == DONE_BY_DBA || this == SKIP;
        };
    }

    /** Refuses this mark on a step it does not fit, naming the step, its kind and the marks that fit. */
    void require(Step step) {
        if (fits(step.kind())) {
            return;
        }
        StringBuilder fitting = new StringBuilder();
        for (StepMark mark : values()) {
            if (mark.fits(step.kind())) {
                fitting.append(fitting.length() == 0 ? "" : " or ").append(mark.words);
            }
        }
        throw new IllegalArgumentException("step '" + step.id() + "' is " + kindWords(step.kind()) + ": it cannot be "
                + words + "; record it as " + fitting);
    }

    private static String kindWords(StepKind kind) {
        return switch (kind) {
            case MANUAL -> "a manual step";
            case CONFIGURATION_TOOL -> "a Configuration Tool step";
            case CLEANUP -> "a cleanup step, whose SQL envclone run executes";
            case CLONE -> "a clone step, whose script a DBA runs";
        };
    }
}
