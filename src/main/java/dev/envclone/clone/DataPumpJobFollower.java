package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a started Data Pump job to its end, as Oracle's "simple schema export" example does: GET_STATUS until
 * the state is COMPLETED or STOPPED, each new log line shown and classified, percent done as progress. A cancel
 * (between polls, or interrupting the poll under way) stops the job with STOP_JOB, at once and for good.
 */
final class DataPumpJobFollower {
    private static final Logger LOG = LoggerFactory.getLogger(DataPumpJobFollower.class);

    /** The job, as the follower reaches it: one status poll, and the stop. */
    interface Job {
        /** Waits up to a few seconds for news and returns the status (GET_STATUS). */
        DataPumpStatus poll() throws SQLException;

        /** Stops the job at once and drops its master table (STOP_JOB immediate, keep_master 0). */
        void stop() throws SQLException;
    }

    /**
     * How the job ended.
     *
     * @param state its last state (null when cancelled before any status came)
     * @param errorCount the job's own error count in its last status, null when none came
     * @param cancelled whether the operator cancelled and the job was stopped
     */
    record Outcome(DataPumpStatus.State state, DataPumpLog log, Integer errorCount, boolean cancelled) {

        /**
         * @return null when the job did what the procedure wants: COMPLETED, no error but the expected ORA-31684,
         *     and no more errors counted by the job than those seen; otherwise why not, naming the first bad line
         */
        String refusal() {
            if (cancelled) {
                return "cancelled by the operator";
            }
            if (!log.unexpectedErrors().isEmpty()) {
                return log.refusal(null);
            }
            if (state != DataPumpStatus.State.COMPLETED) {
                return "the Data Pump job ended in state " + (state == null ? "unknown" : state.spelled())
                        + ", not COMPLETED: see its log above";
            }
            if (errorCount != null && errorCount > log.expectedErrors().size()) {
                return "the Data Pump job counted " + errorCount + " error(s) but its log showed only "
                        + log.expectedErrors().size() + " expected one(s): read the whole log file";
            }
            return null;
        }
    }

    private DataPumpJobFollower() {
    }

    /**
     * @param title what the progress bar says: "Exporting the schemas"
     * @throws SQLException when a poll fails without a cancel (the job may still run on the server)
     * @throws IllegalArgumentException when a status is not in the form Oracle documents
     */
    static Outcome follow(Job job, String title, CloneListener listener, CancelToken cancel) throws SQLException {
        DataPumpLog log = new DataPumpLog();
        DataPumpStatus.State state = null;
        Integer errors = null;
        Integer shown = null;
        while (true) {
            if (cancel.isCancelled()) {
                return stopped(job, state, log, errors);
            }
            DataPumpStatus status;
            try {
                status = job.poll();
            } catch (SQLException e) {
                if (cancel.isCancelled()) {
                    // The cancel interrupted the wait (ORA-01013); the job itself runs on until stopped.
                    return stopped(job, state, log, errors);
                }
                throw e;
            }
            for (String line : status.lines()) {
                listener.logLine(line);
                log.accept(line);
            }
            state = status.state();
            if (status.errorCount() != null) {
                errors = status.errorCount();
            }
            if (status.percentDone() != null && !status.percentDone().equals(shown)) {
                shown = status.percentDone();
                listener.progress(title + ": " + shown + "%", shown, 100);
            }
            if (state.ended()) {
                LOG.info("{}: the Data Pump job ended in state {}, {} error(s) counted, {} expected, {} unexpected",
                        title, state.spelled(), errors, log.expectedErrors().size(), log.unexpectedErrors().size());
                return new Outcome(state, log, errors, false);
            }
        }
    }

    private static Outcome stopped(Job job, DataPumpStatus.State state, DataPumpLog log, Integer errors)
            throws SQLException {
        LOG.info("Cancelled: stopping the Data Pump job (STOP_JOB immediate, master table dropped)");
        job.stop();
        return new Outcome(state, log, errors, true);
    }
}
