package dev.envclone.clone;

import dev.envclone.db.TargetSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second source of progress: {@code sys.dm_exec_requests.percent_complete} and
 * {@code estimated_completion_time} (milliseconds) of the session running the BACKUP or RESTORE, read every few
 * seconds on a connection of its own, so that the phases without STATS messages (zeroing new files, redo and undo
 * after 100 %) still show the server's estimate. Without VIEW SERVER STATE the login sees no other session's
 * request: the poller then says so once in the log and stops; the STATS messages remain.
 *
 * <p>It lives only while its statement runs ({@link #close()} before the action returns), so the engine stays
 * synchronous for its callers; its one scheduler thread is the only place a clone action reads concurrently.
 */
final class RequestProgress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestProgress.class);
    static final long PERIOD_SECONDS = 5;

    private final TargetSession monitor;
    private final int sessionId;
    private final String what;
    private final CloneListener listener;
    private final ScheduledExecutorService scheduler;

    private RequestProgress(TargetSession monitor, int sessionId, String what, CloneListener listener) {
        this.monitor = monitor;
        this.sessionId = sessionId;
        this.what = what;
        this.listener = listener;
        this.scheduler = monitor == null ? null : Executors.newSingleThreadScheduledExecutor();
        if (scheduler != null) {
            scheduler.scheduleWithFixedDelay(this::poll, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Starts polling on a new connection; a connection that cannot be opened leaves the STATS messages alone. */
    static RequestProgress start(SqlServerLogin login, int sessionId, String what, CloneListener listener) {
        TargetSession monitor = null;
        try {
            monitor = login.server();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("{}: no second connection for the server's progress estimate ({}); STATS messages only", what,
                    e.getMessage());
        }
        return new RequestProgress(monitor, sessionId, what, listener);
    }

    private void poll() {
        try (PreparedStatement query = monitor.connection().prepareStatement(SqlServerCloneQueries.REQUEST_PROGRESS)) {
            query.setInt(1, sessionId);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    String line = describe(what, row.getString("command"), row.getDouble("percent_complete"),
                            row.getLong("estimated_completion_time"));
                    int percent = (int) Math.floor(row.getDouble("percent_complete"));
                    synchronized (listener) {
                        listener.progress(line, percent, 100);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("{}: sys.dm_exec_requests cannot be read ({}); the login needs VIEW SERVER STATE for the "
                    + "server's estimate. STATS messages only from here on", what, e.getMessage());
            scheduler.shutdown();
        }
    }

    /** "Restore of OS_QA: RESTORE DATABASE 42.5 % by the server's estimate, about 12 min left". */
    static String describe(String what, String command, double percent, long millisLeft) {
        long minutes = Math.round(millisLeft / 60_000.0);
        return what + ": " + command + " " + String.format(java.util.Locale.ROOT, "%.1f", percent)
                + " % by the server's estimate, " + (millisLeft <= 0 ? "no estimate of the time left"
                : minutes < 1 ? "under a minute left" : "about " + minutes + " min left");
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("{}: the progress poll did not stop within 10 s", what);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (monitor != null) {
            try {
                monitor.close();
            } catch (SQLException e) {
                LOG.debug("{}: closing the progress connection failed ({})", what, e.getMessage());
            }
        }
    }
}
