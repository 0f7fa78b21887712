package dev.envclone.run;

/** A guard refused the target or a step before any statement ran; the message says why and what to do. */
public final class GuardException extends Exception {
    private static final long serialVersionUID = 1L;

    public GuardException(String message) {
        super(message);
    }
}
