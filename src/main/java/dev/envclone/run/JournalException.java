package dev.envclone.run;

/** A journal that cannot be trusted: edited, truncated in the middle, or unreadable. */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }
}
