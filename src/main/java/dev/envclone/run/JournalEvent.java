package dev.envclone.run;

/** What a journal entry records. */
public enum JournalEvent {
    /** The run folder was made from a plan: plan hash, target, source fingerprint. */
    RUN_CREATED,
    /**
     * The source's fingerprint, read from the source, recorded into a run created without one (before the cleanup
     * began): fingerprint, source (its URL without secrets). The guards refuse it as the target from then on.
     */
    SOURCE_FINGERPRINT_RECORDED,
    /** The target was checked and accepted: platform database, fingerprint. */
    TARGET_CHECKED,
    /** The run could not lock its target (e.g. no EXECUTE on DBMS_LOCK) and went on: the warning says why. */
    TARGET_NOT_LOCKED,
    /** A step's statements were counted (first stage: prepare). */
    PREVIEWED,
    /** Prepare finished; the run waits for "continue" in the window. */
    PREPARED,
    /** A step's pre-image files are on disk and its transaction is about to run. */
    STEP_STARTED,
    /** A step's transaction committed, with the rows each statement changed. */
    STEP_EXECUTED,
    /** A step's transaction was rolled back; the failing statement and the message. */
    STEP_FAILED,
    /** A step was refused before it started (e.g. extensions still map database connections). */
    STEP_BLOCKED,
    /** A step found started but not finished when the run was opened again, and what the database showed. */
    STEP_RECOVERED,
    /**
     * A clone step's progress, journaled at each tenth of the way: percent and the action's message. The action's
     * log lines go to the run's log file.
     */
    CLONE_PROGRESS,
    /** The operator skipped a step, with the reason. */
    STEP_SKIPPED,
    /** A DBA did the step by hand: name and note. */
    DONE_BY_DBA,
    /** A manual step was ticked off: operator, note. */
    CHECKLIST_TICKED,
    /**
     * On the rehearsal sandbox, envclone did what a Service Center or LifeTime action does (the sandbox has neither):
     * the action it stood in for and what it changed. The step is done, as a rehearsal stand-in, never on a real
     * target.
     */
    REHEARSAL_STAND_IN,
    /**
     * A finished step's effect was measured in the database: held (true/false), the rows each statement would
     * still change, and when (opened, end). held=false reopens the step.
     */
    POSTCONDITION_CHECKED,
    /**
     * An executed step's rows were put back from its pre-images (envclone restore): the attempt restored, the rows
     * put back by each statement, and that its pre-image queries select the saved rows again. The step is pending:
     * a later run executes it again.
     */
    STEP_RESTORED,
    /**
     * The database connections the cleanup deletes were saved before any cleanup step ran, with their mappings:
     * file, connections, sha256.
     */
    DATABASE_CONNECTIONS_SAVED,
    /**
     * The after-install checks ran (envclone check): per check its name, outcome (ok, not yet, warning, failed) and
     * what it found, and the worst outcome.
     */
    AFTER_INSTALL_CHECKED,
    /**
     * One box of a database connection's re-create guide was ticked (step recreate-database-connections):
     * connection, item, note. The step itself is ticked like any manual step.
     */
    CONNECTION_ITEM_TICKED
}
