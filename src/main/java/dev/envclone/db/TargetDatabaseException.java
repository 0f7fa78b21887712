package dev.envclone.db;

import java.sql.SQLException;

/**
 * A driver error explained for the operator: the message is one plain sentence naming the target and what to
 * check, never the password; the driver's own exception is the cause, for the log.
 * It is an {@link SQLException}, so code that handles SQL errors handles it too, keeping SQLState and vendor code.
 */
public final class TargetDatabaseException extends SQLException {
    private static final long serialVersionUID = 1L;

    private final ConnectionProblem problem;

    TargetDatabaseException(ConnectionProblem problem, String sentence, SQLException driverError) {
        super(sentence, driverError.getSQLState(), driverError.getErrorCode(), driverError);
        this.problem = problem;
    }

    public ConnectionProblem problem() {
        return problem;
    }
}
