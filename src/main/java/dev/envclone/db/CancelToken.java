package dev.envclone.db;

import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the operator stop long work: checked between statements, and passed on to the statement running at that
 * moment ({@link Statement#cancel()}), so a cancel does not wait for a slow query to end.
 */
public final class CancelToken {
    private static final Logger LOG = LoggerFactory.getLogger(CancelToken.class);

    private volatile boolean cancelled;
    private volatile Statement running;

    public void cancel() {
        cancelled = true;
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // The statement may have finished meanwhile; the flag still stops the next one.
                LOG.debug("The driver did not cancel the running statement ({}); the next check stops the work",
                        e.getMessage());
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws when cancelled; called between units of work. */
    public void check() throws CancelledException {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** The statement now running, so that {@link #cancel()} reaches it; null when none. */
    void running(Statement statement) {
        running = statement;
        if (statement != null && cancelled) {
            cancel();
        }
    }

    /** The operator cancelled; whatever was under way was rolled back. */
    public static final class CancelledException extends Exception {
        private static final long serialVersionUID = 1L;

        CancelledException() {
            super("Cancelled by the operator; nothing of the step was kept.");
        }
    }
}
