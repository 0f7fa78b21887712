package dev.envclone.db;

import dev.envclone.sql.Dialect;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * envclone's exclusive lock on a target database, held by the run's own session for as long as the run is
 * connected, so that a second run folder on the same target is refused at once. It is the DBMS's application lock
 * (SQL Server {@code sp_getapplock}, Oracle {@code DBMS_LOCK}; the sandbox: {@link SandboxTargetLock}), taken at
 * session level: step commits and rollbacks keep it, and the DBMS drops it when the session ends, also when the
 * process is killed, so a crash leaves nothing to clean up.
 *
 * <p>Why the run's connection and not one of its own: the lock then lives exactly as long as the session that
 * changes the database. A dedicated connection could stay locked while the working one is gone, or lose its lock
 * to an idle timeout while the run goes on.
 */
public final class TargetLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TargetLock.class);

    /** CONTEXT_INFO holds 64 characters and CLIENT_INFO 64 bytes; the DBMS cuts the rest. */
    private static final int SESSION_TEXT = 64;

    private final Connection connection;
    private final Dialect dialect;
    private final String releaseKey;
    private final SandboxTargetLock sandbox;
    private final String warning;
    private boolean released;

    private TargetLock(Connection connection, Dialect dialect, String releaseKey, SandboxTargetLock sandbox,
                       String warning) {
        this.connection = connection;
        this.dialect = dialect;
        this.releaseKey = releaseKey;
        this.sandbox = sandbox;
        this.warning = warning;
    }

    /**
     * Takes the lock on a connection just opened (nothing pending: Oracle's ALLOCATE_UNIQUE commits), without
     * waiting.
     *
     * @param adminUser the platform admin user (the Oracle schema the lock is named for)
     * @param holder who takes it, as a refused second run should read it: command, process, host, run folder
     * @throws TargetInUseException when another session holds it
     */
    public static TargetLock acquire(Connection connection, Dialect dialect, String adminUser, String holder)
            throws SQLException, TargetInUseException {
        String name = dialect.targetLockName(new Dialect.ScriptTarget(connection.getCatalog(), adminUser));
        if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
            SandboxTargetLock sandbox = SandboxTargetLock.acquire(connection, name, holder);
            return new TargetLock(connection, dialect, null, sandbox, sandbox.warning());
        }
        identify(connection, dialect, holder);
        Request request;
        try {
            request = switch (dialect.dbms()) {
                case SQLSERVER -> new Request(sqlServerRequest(connection, dialect, name), name);
                case ORACLE -> oracleRequest(connection, dialect, name);
            };
        } catch (SQLException e) {
            String unavailable = dialect.targetLockUnavailable(e.getErrorCode(), e.getMessage());
            if (unavailable != null) {
                connection.rollback();
                return new TargetLock(connection, dialect, null, null, "The target is not locked for this run: "
                        + unavailable + ". envclone cannot stop a second run on this target: make sure no other "
                        + "run works on it.");
            }
            throw e;
        }
        connection.commit();
        switch (dialect.targetLockOutcome(request.code())) {
            case GRANTED -> {
                return new TargetLock(connection, dialect, request.releaseKey(), null, null);
            }
            case HELD_ELSEWHERE -> throw new TargetInUseException(inUse(holderOf(connection, dialect, name)));
            default -> throw new SQLException("envclone's lock on the target could not be requested: the lock "
                    + "request returned " + request.code() + ". Nothing was executed.");
        }
    }

    /** Null when the target is locked; otherwise why it is not, in words for the journal and the operator. */
    public String warning() {
        return warning;
    }

    /**
     * Releases the lock; safe to call twice. A failure to release is not an error of the run: the caller closes
     * the connection next, and the session's end releases the lock in any case, so nothing is thrown here (a run
     * that succeeded must not be reported failed because the release found the connection already broken).
     */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (sandbox != null) {
                sandbox.release();
            } else if (releaseKey != null) {
                try (PreparedStatement release = connection.prepareStatement(dialect.targetUnlockSql())) {
                    release.setString(1, releaseKey);
                    release.execute();
                }
                connection.commit();
            }
        } catch (SQLException e) {
            // See above: closing the connection releases the lock.
            LOG.info("Releasing the target lock failed ({}); closing the connection releases it", e.getMessage());
        }
    }

    static String inUse(String holder) {
        return "the target is in use by " + holder + ": wait for it to finish, or close that window";
    }

    private static void identify(Connection connection, Dialect dialect, String holder) throws SQLException {
        try (PreparedStatement identify = connection.prepareStatement(dialect.identifySessionSql())) {
            identify.setString(1, holder.length() <= SESSION_TEXT ? holder : holder.substring(0, SESSION_TEXT));
            identify.execute();
        }
    }

    /** What the lock request returned, and what releases it (SQL Server: the name; Oracle: the handle). */
    private record Request(int code, String releaseKey) {
    }

    private static Request oracleRequest(Connection connection, Dialect dialect, String name) throws SQLException {
        try (CallableStatement call = connection.prepareCall(dialect.targetLockSql())) {
            call.setString(1, name);
            call.registerOutParameter(2, Types.INTEGER);
            call.registerOutParameter(3, Types.VARCHAR);
            call.execute();
            return new Request(call.getInt(2), call.getString(3));
        }
    }

    private static int sqlServerRequest(Connection connection, Dialect dialect, String name) throws SQLException {
        try (PreparedStatement request = connection.prepareStatement(dialect.targetLockSql())) {
            request.setString(1, name);
            // The batch's DECLARE and EXEC may come back as update counts before the SELECT's result set.
            boolean isResultSet = request.execute();
            while (!isResultSet && request.getUpdateCount() != -1) {
                isResultSet = request.getMoreResults();
            }
            if (!isResultSet) {
                throw new SQLException("sp_getapplock gave no return code");
            }
            try (ResultSet result = request.getResultSet()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** The holding session as the DBMS shows it, or "another session" when this login may not see it. */
    private static String holderOf(Connection connection, Dialect dialect, String name) {
        List<String> sessions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(dialect.targetLockHolderSql())) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String said = text(rows.getString(5));
                    sessions.add((said.isEmpty() ? "session " : said + ": session ") + text(rows.getString(1))
                            + " from " + text(rows.getString(2)) + " (" + text(rows.getString(3)) + ", logged in "
                            + text(rows.getString(4)) + " server time)");
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            // The views need VIEW SERVER STATE (SQL Server) or SELECT on V$LOCK, V$SESSION and
            // DBMS_LOCK_ALLOCATED (Oracle); without them the holder stays unnamed, and the refusal stands.
            LOG.info("The session holding the target lock cannot be named ({}); the refusal stands",
                    e.getMessage());
            return "another session (this login may not see which: a DBA can, in the server's session list)";
        }
        return sessions.isEmpty() ? "another session" : String.join("; ", sessions);
    }

    /** CONTEXT_INFO comes back padded with NUL characters; control characters never reach a message. */
    private static String text(String value) {
        return value == null ? "" : value.replaceAll("\\p{Cntrl}", "").strip();
    }
}
