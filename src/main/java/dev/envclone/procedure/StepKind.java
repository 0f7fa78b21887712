package dev.envclone.procedure;

/** What envclone does with a step. */
public enum StepKind {
    /** The operator does it and ticks it off; envclone records who and when. */
    MANUAL,
    /** envclone generates the clone scripts or Data Pump files; the DBA runs them. */
    CLONE,
    /** A cleanup script envclone can preview, execute and record. */
    CLEANUP,
    /** Fields to fill in the Configuration Tool, with the values from the plan. */
    CONFIGURATION_TOOL
}
