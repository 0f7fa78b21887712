package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import java.io.IOException;
import java.util.Map;

/**
 * One clone step of a plan that envclone carries out itself (SQL Server backup or restore, a Data Pump export or
 * import, the creation script, the sandbox copy). Synchronous: the caller runs it off the UI thread, journals it,
 * and shows its progress. It never changes the source.
 */
public interface CloneAction {

    /** The plan's clone step this action carries out: {@code backup-database}, {@code import-schemas}, ... */
    String stepId();

    /** What it does, one line, for the confirmation, the journal and the report. */
    String describe();

    /**
     * Checks before anything changes: rights (who needs which), folders, job names, that the result does not exist
     * yet. Changes nothing anywhere.
     *
     * @throws CloneFailedException naming what is missing and what to do; {@link CloneFailedException#left()} says
     *     nothing was changed
     */
    void check(CancelToken cancel) throws CloneFailedException, CancelToken.CancelledException;

    /**
     * Carries the step out. Before the first change it hands {@code started} the facts a recovery needs (file names,
     * a job name, the moment it began), which the caller writes to the journal before it returns.
     *
     * @return facts about the result for the journal and the report (sizes, durations, the log's verdict)
     * @throws CloneFailedException on failure or cancel, with the state the target is left in
     */
    Map<String, String> run(Started started, CloneListener listener, CancelToken cancel)
            throws CloneFailedException, IOException;

    /**
     * After the process ended while the step was under way: reads where the target stands, from what {@link #run}
     * recorded as started. Changes nothing except removing what only this step made and left half done (a partial
     * file), and says so.
     */
    Recovery recover(Map<String, String> started) throws CloneFailedException, IOException;

    /** Receives the facts a recovery needs, before the first change; the caller journals them. */
    @FunctionalInterface
    interface Started {
        void started(Map<String, String> facts) throws IOException;
    }

    /**
     * @param done true when the step finished before the interruption (it is not run again)
     * @param state what the operator reads: the target's state and what happens next
     */
    record Recovery(boolean done, String state) {
    }
}
