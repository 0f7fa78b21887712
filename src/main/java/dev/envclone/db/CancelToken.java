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
    private final java.util.List<Runnable> actions = new java.util.concurrent.CopyOnWriteArrayList<>();

    public void cancel() {
        cancelled = true;
        for (Runnable action : actions) {
            action.run();
        }
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

    /**
     * Work that is not a statement (a remote process, a file copy) registers how to stop it while it runs; the
     * registration ends when the returned handle is closed. Registered after a cancel, it runs at once.
     */
    public Registration onCancel(Runnable action) {
        actions.add(action);
        if (cancelled) {
            action.run();
        }
        return () -> actions.remove(action);
    }

    /** Ends an {@link #onCancel} registration. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** The statement now running, so that {@link #cancel()} reaches it; null when none. */
    public void running(Statement statement) {
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
