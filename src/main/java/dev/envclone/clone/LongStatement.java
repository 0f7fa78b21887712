package dev.envclone.clone;

import com.microsoft.sqlserver.jdbc.ISQLServerConnection;
import com.microsoft.sqlserver.jdbc.ISQLServerMessage;
import com.microsoft.sqlserver.jdbc.ISQLServerMessageHandler;
import dev.envclone.db.CancelToken;
import dev.envclone.db.TargetSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one BACKUP, RESTORE or RESTORE VERIFYONLY on a server-level session (autocommit: neither can run inside a
 * transaction) and passes each of its messages on as it arrives. mssql-jdbc (12.8 and later) calls an
 * {@link ISQLServerMessageHandler} for every message while it parses the server's reply
 * ({@code ISQLServerConnection.setServerMessageHandler}; returning null discards an informational message, so the
 * warning chain of an hours-long restore does not grow; an error is returned unchanged and thrown as usual).
 * Every result is drained to the end: a client that stops reading mid-BACKUP aborts it. No query timeout and no
 * network timeout; {@link CancelToken#cancel()} reaches {@link Statement#cancel()}.
 */
final class LongStatement {
    private static final Logger LOG = LoggerFactory.getLogger(LongStatement.class);

    private final CloneListener listener;
    private final String what;
    private final List<BackupMessage> messages = new ArrayList<>();

    /**
     * @param what what the progress line says is under way: "Backup of OUTSYSTEMS"
     * @param listener told of each message and each percent; its calls never overlap
     */
    LongStatement(String what, CloneListener listener) {
        this.what = what;
        this.listener = listener;
    }

    /** Runs the statement to its end and returns its messages, in order. */
    List<BackupMessage> run(TargetSession session, String sql, CancelToken cancel) throws SQLException {
        Connection connection = session.connection();
        ISQLServerConnection server = connection.isWrapperFor(ISQLServerConnection.class)
                ? connection.unwrap(ISQLServerConnection.class) : null;
        ISQLServerMessageHandler before = server == null ? null : server.getServerMessageHandler();
        if (server != null) {
            server.setServerMessageHandler(this::handle);
        }
        int networkTimeout = networkTimeout(connection, 0);
        LOG.info("{}: sending {}", what, sql.replace('\n', ' '));
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(0);
            cancel.running(statement);
            try {
                boolean result = statement.execute(sql);
                while (true) {
                    relayWarnings(statement.getWarnings());
                    statement.clearWarnings();
                    if (result) {
                        try (ResultSet rows = statement.getResultSet()) {
                            while (rows.next()) {
                                // Drained: the messages after a result arrive only when it has been read.
                            }
                        }
                    } else if (statement.getUpdateCount() == -1) {
                        break;
                    }
                    result = statement.getMoreResults();
                }
            } finally {
                cancel.running(null);
            }
        } finally {
            if (server != null) {
                server.setServerMessageHandler(before);
            }
            networkTimeout(connection, networkTimeout);
        }
        return List.copyOf(messages);
    }

    /** mssql-jdbc's callback, on the thread that runs the statement. */
    private ISQLServerMessage handle(ISQLServerMessage message) {
        if (message.isErrorMessage()) {
            return message;
        }
        accept(message.getErrorMessage());
        return null;
    }

    /** Without the driver's handler (another driver) the messages come as warnings, read after each result. */
    private void relayWarnings(SQLWarning warning) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            accept(w.getMessage());
        }
    }

    /** One message: into the log, the listener's live lines and, for a percent, its progress. */
    void accept(String text) {
        BackupMessage message = BackupMessage.parse(text);
        messages.add(message);
        LOG.info("{}: {}", what, message.text());
        synchronized (listener) {
            listener.logLine(message.text());
            switch (message.kind()) {
                case PERCENT -> listener.progress(what + ": " + message.percent() + " %", message.percent(), 100);
                case FINISHED -> listener.progress(what + ": done, " + message.pages() + " pages in "
                        + message.seconds() + " s (" + message.megabytesPerSecond() + " MB/s)", 100, 100);
                case FILE_PROCESSED, VALID, OTHER -> {
                }
            }
        }
    }

    /** Sets the network timeout, returning the one before; a driver without it keeps its own (none by default). */
    private static int networkTimeout(Connection connection, int millis) throws SQLException {
        try {
            int before = connection.getNetworkTimeout();
            if (before != millis) {
                connection.setNetworkTimeout(Runnable::run, millis);
            }
            return before;
        } catch (SQLFeatureNotSupportedException e) {
            LOG.debug("The driver has no network timeout to lift ({})", e.getMessage());
            return millis;
        }
    }
}
