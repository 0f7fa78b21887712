package dev.envclone.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The sandbox's equivalent of an application lock, since H2 has none: a row in a small table of envclone's own,
 * {@code ENVCLONE_RUN_LOCK}, names the session that holds the lock, and the lock counts as held while that session
 * is alive in {@code INFORMATION_SCHEMA.SESSIONS} (same id and same start, so a restarted database that reuses
 * session ids does not revive it). Like a session-level application lock it survives the run's commits and ends
 * with the session, also when the process is killed; no transaction stays open. The row is taken with
 * {@code FOR UPDATE} while it is checked and written, so two runs starting together cannot both win.
 *
 * <p>Only ever created in an H2 database (the rehearsal sandbox or a test's), never in a real platform database.
 */
final class SandboxTargetLock {
    static final String CREATE = "CREATE TABLE IF NOT EXISTS PUBLIC.ENVCLONE_RUN_LOCK (NAME VARCHAR(255) PRIMARY "
            // TIMESTAMP(9): SESSION_START has nanoseconds, and a shorter column would never match it again.
            + "KEY, SESSION_ID INT, SESSION_START TIMESTAMP(9) WITH TIME ZONE, HOLDER VARCHAR(1000))";
    private static final String INSERT = "INSERT INTO PUBLIC.ENVCLONE_RUN_LOCK (NAME) SELECT ? WHERE NOT EXISTS "
            + "(SELECT 1 FROM PUBLIC.ENVCLONE_RUN_LOCK WHERE NAME = ?)";
    private static final String TAKE_ROW = "SELECT HOLDER FROM PUBLIC.ENVCLONE_RUN_LOCK WHERE NAME = ? FOR UPDATE";
    /** A row when the recorded holder's session is alive; its value says whether it is this session. */
    private static final String LIVE_HOLDER = "SELECT L.SESSION_ID = SESSION_ID() FROM PUBLIC.ENVCLONE_RUN_LOCK L "
            + "JOIN INFORMATION_SCHEMA.SESSIONS S ON S.SESSION_ID = L.SESSION_ID AND S.SESSION_START = "
            + "L.SESSION_START WHERE L.NAME = ?";
    private static final String RECORD = "UPDATE PUBLIC.ENVCLONE_RUN_LOCK SET SESSION_ID = SESSION_ID(), "
            + "SESSION_START = (SELECT SESSION_START FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()),"
            + " HOLDER = ? WHERE NAME = ?";
    private static final String RELEASE = "UPDATE PUBLIC.ENVCLONE_RUN_LOCK SET SESSION_ID = NULL, SESSION_START = "
            + "NULL, HOLDER = NULL WHERE NAME = ? AND SESSION_ID = SESSION_ID()";
    /** Only an admin sees every session in INFORMATION_SCHEMA.SESSIONS; others see their own. */
    private static final String ADMIN = "SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = "
            + "CURRENT_USER";
    private static final int HOLDER_LENGTH = 1000;

    private final Connection connection;
    private final String name;
    private final String warning;

    private SandboxTargetLock(Connection connection, String name, String warning) {
        this.connection = connection;
        this.name = name;
        this.warning = warning;
    }

    static SandboxTargetLock acquire(Connection connection, String name, String holder)
            throws SQLException, TargetInUseException {
        if (!admin(connection)) {
            return new SandboxTargetLock(connection, name, "The target is not locked for this run: the H2 user "
                    + "is not an admin and cannot see the other sessions. envclone cannot stop a second run on "
                    + "this target: make sure no other run works on it.");
        }
        try (Statement create = connection.createStatement()) {
            create.execute(CREATE);
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, name);
            insert.setString(2, name);
            insert.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            // 23505: another run inserted the row between the check and the insert; the row is what matters.
            connection.rollback();
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
        boolean committed = false;
        try {
            String recorded = takeRow(connection, name);
            Boolean mine = liveHolder(connection, name);
            if (Boolean.FALSE.equals(mine)) {
                throw new TargetInUseException(TargetLock.inUse(recorded == null ? "another session" : recorded));
            }
            try (PreparedStatement record = connection.prepareStatement(RECORD)) {
                record.setString(1, holder.length() <= HOLDER_LENGTH ? holder : holder.substring(0, HOLDER_LENGTH));
                record.setString(2, name);
                record.executeUpdate();
            }
            connection.commit();
            committed = true;
        } finally {
            if (!committed) {
                connection.rollback();
            }
        }
        return new SandboxTargetLock(connection, name, null);
    }

    String warning() {
        return warning;
    }

    void release() throws SQLException {
        if (warning != null) {
            return;
        }
        try (PreparedStatement release = connection.prepareStatement(RELEASE)) {
            release.setString(1, name);
            release.executeUpdate();
        }
        connection.commit();
    }

    private static boolean admin(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet row = query.executeQuery(ADMIN)) {
            boolean admin = row.next() && row.getBoolean(1);
            connection.rollback();
            return admin;
        }
    }

    private static String takeRow(Connection connection, String name) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(TAKE_ROW)) {
            take.setString(1, name);
            try (ResultSet row = take.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Null when no live session holds the lock; true when this one does, false when another does. */
    private static Boolean liveHolder(Connection connection, String name) throws SQLException {
        try (PreparedStatement live = connection.prepareStatement(LIVE_HOLDER)) {
            live.setString(1, name);
            try (ResultSet row = live.executeQuery()) {
                return row.next() ? row.getBoolean(1) : null;
            }
        }
    }
}
