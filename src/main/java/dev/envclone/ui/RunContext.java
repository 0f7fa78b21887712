package dev.envclone.ui;

import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.run.GuardException;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunLoop;
import dev.envclone.run.RunSession;
import dev.envclone.db.CancelToken;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A run folder joined to its target database: the connection is opened, the target checked by the run's guards and
 * any step left in doubt settled, once, on the first database job; after that every job reuses the session. Only the
 * wizard's worker thread calls it. The password lives here, in memory, and nowhere else.
 */
public final class RunContext implements AutoCloseable {
    private final RunFolder run;
    private final String url;
    private final String user;
    private final char[] password;
    private final String operator;
    private Connection connection;
    private RunSession session;
    private List<String> recovered = List.of();

    public RunContext(RunFolder run, String url, String user, char[] password, String operator) {
        this.run = run;
        this.url = url;
        this.user = user;
        this.password = password == null ? new char[0] : password.clone();
        this.operator = operator;
    }

    public RunFolder run() {
        return run;
    }

    public String operator() {
        return operator;
    }

    /** The session, connected and checked: a refused target throws {@link GuardException} and opens nothing. */
    public synchronized RunSession session() throws SQLException, IOException, GuardException {
        if (session == null) {
            Connection opened = JdbcUrlTarget.open(url, user, password);
            try {
                RunSession candidate = new RunSession(run, opened, operator);
                List<String> found = new java.util.ArrayList<>();
                new RunLoop(candidate, run).open(null, new CancelToken(), found::add);
                recovered = List.copyOf(found);
                connection = opened;
                session = candidate;
            } catch (SQLException | IOException | GuardException | RuntimeException e) {
                opened.close();
                throw e;
            } catch (CancelToken.CancelledException e) {
                opened.close();
                throw new IllegalStateException("a fresh token cannot be cancelled", e);
            }
        }
        return session;
    }

    /** What the first connection found of steps left in doubt by an earlier interruption, one line each. */
    public synchronized List<String> recovered() {
        return recovered;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // Closing after the work is done: nothing left to keep or lose.
            }
        }
        connection = null;
        session = null;
        java.util.Arrays.fill(password, '\0');
    }
}
