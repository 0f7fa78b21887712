package dev.envclone.sql;

/**
 * A table name read from the database that envclone will not use: the message names the entity, the stored value
 * and the rule it breaks. It is raised while a step's statements are resolved, before any of them (or any
 * pre-image) runs, so nothing was changed or written.
 *
 * <p>Unchecked, like {@link InvalidNameException}: every caller that resolves statements meets it without a
 * signature change; the run journals it as a failed step and {@code envclone run} reports it as refused.
 */
public final class RefusedTableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RefusedTableException(String message) {
        super(message);
    }
}
