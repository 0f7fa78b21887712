package dev.envclone.db;

/**
 * A password as the operator typed it. It is kept as characters (a copy of the caller's array, which the caller may
 * then wipe) and shows itself as {@code ****} everywhere text is made of it: {@code toString()}, logs, records that
 * hold it. It is deliberately not {@link java.io.Serializable} and has no getters, so neither Java serialization nor a JSON
 * mapper can write it into a plan, a journal or a report.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret(new char[0]);

    private final char[] chars;

    private Secret(char[] chars) {
        this.chars = chars;
    }

    /** A copy of the characters: the caller may wipe its own array afterwards. */
    public static Secret of(char[] chars) {
        return chars == null || chars.length == 0 ? EMPTY : new Secret(chars.clone());
    }

    /** No password (the rehearsal sandbox's {@code sa} has none). */
    public static Secret empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return chars.length == 0;
    }

    /**
     * The password as the JDBC drivers need it. Package-private: only the code that hands it to a
     * driver may see it.
     */
    String reveal() {
        return new String(chars);
    }

    /**
     * A copy of the characters, for a consumer outside this package that takes characters and no String: JSch's
     * password and passphrase, a remote tool's prompt on its standard input. The caller wipes the copy after use.
     */
    public char[] toCharArray() {
        return chars.clone();
    }

    /** Whether a text contains this password; used to keep it out of error messages. */
    boolean occursIn(String text) {
        return !isEmpty() && text != null && text.contains(reveal());
    }

    @Override
    public String toString() {
        return "****";
    }
}
