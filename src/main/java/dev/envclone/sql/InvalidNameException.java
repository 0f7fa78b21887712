package dev.envclone.sql;

/**
 * A name typed by the user (or read from the database) that cannot be used safely. The message names the field,
 * shows the rejected value in printable form, and says which rule it breaks and what to type instead.
 */
public final class InvalidNameException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidNameException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field the name was typed into, e.g. "admin user". */
    public String field() {
        return field;
    }
}
