package dev.envclone.db;

/** A step refused before it started, with what the operator must do first. Nothing was changed. */
public final class StepBlockedException extends Exception {
    private static final long serialVersionUID = 1L;

    StepBlockedException(String message) {
        super(message);
    }
}
