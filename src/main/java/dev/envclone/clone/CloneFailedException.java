package dev.envclone.clone;

/**
 * A clone step failed, was refused by its checks, or was cancelled. The message says what went wrong and what to
 * do; {@link #left()} says in what state the target was left, so that a half-restored database is reported and
 * never taken for a clone.
 */
public final class CloneFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String left;
    private final boolean cancelled;

    /**
     * @param message what went wrong and what to do
     * @param left the state the target is in now, e.g. "nothing was changed" or "catalog OS_QA is RESTORING"
     * @param cancelled true when the operator cancelled
     */
    public CloneFailedException(String message, String left, boolean cancelled, Throwable cause) {
        super(message, cause);
        this.left = left;
        this.cancelled = cancelled;
    }

    public CloneFailedException(String message, String left) {
        this(message, left, false, null);
    }

    public String left() {
        return left;
    }

    public boolean cancelled() {
        return cancelled;
    }
}
