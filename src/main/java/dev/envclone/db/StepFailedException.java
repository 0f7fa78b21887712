package dev.envclone.db;

/**
 * A step's statement failed; the step's transaction was rolled back, so no row of the step changed.
 *
 * @see #statementNumber()
 */
public final class StepFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int statementNumber;
    private final String statement;

    /** @param cause the driver's error, kept so that the log shows its whole chain (vendor code, SQL state) */
    StepFailedException(int statementNumber, int statements, String statement, String reason, Throwable cause) {
        super("Statement " + statementNumber + " of " + statements + " failed, and the step was rolled back "
                + "(no row of it changed): " + reason, cause);
        this.statementNumber = statementNumber;
        this.statement = statement;
    }

    /** 1-based position of the failing statement in the step. */
    public int statementNumber() {
        return statementNumber;
    }

    /** The failing statement as executed. */
    public String statement() {
        return statement;
    }
}
