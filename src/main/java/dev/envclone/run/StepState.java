package dev.envclone.run;

/** Where a step stands in a run, as its journal entries tell it. */
public enum StepState {
    PENDING("pending"),
    PREPARED("prepared"),
    /** Started and not finished when the process ended: the database says whether it committed. */
    IN_DOUBT("in doubt"),
    DONE("done"),
    DONE_BY_DBA("done by DBA"),
    SKIPPED("skipped"),
    FAILED("failed"),
    /** Recorded as done, but the database does not show its effect (a lost commit): it runs again. */
    EFFECT_MISSING("effect missing"),
    BLOCKED("blocked");

    private final String label;

    StepState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Nothing more to do for the step in this run. */
    public boolean finished() {
        return this == DONE || this == DONE_BY_DBA || this == SKIPPED;
    }
}
