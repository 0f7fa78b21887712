package dev.envclone.db;

/** Another session holds envclone's lock on the target: the message names it as far as the DBMS lets us see. */
public final class TargetInUseException extends Exception {
    private static final long serialVersionUID = 1L;

    TargetInUseException(String message) {
        super(message);
    }
}
