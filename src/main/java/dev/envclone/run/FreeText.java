package dev.envclone.run;

/**
 * What people type into a run (operator, a DBA's name, notes, reasons, fingerprints) is one line of printable text:
 * no control character (line breaks and tabs included), no Unicode line or paragraph separator, no bidirectional
 * override or isolate. Such a character could make {@code status}, a log or the report show a line that looks like
 * a journal entry, or show text in another order than it is stored. Values read back from a journal are printed
 * through {@link #quoted} or {@link #escaped}, so even a journal written by something else prints one line per entry.
 */
public final class FreeText {
    private FreeText() {
    }

    /**
     * Returns {@code value} (null stays null) when it is one line of printable text; otherwise throws an
     * {@link IllegalArgumentException} naming {@code field}, the character and where it is.
     */
    public static String requireOneLine(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0, position = 1; i < value.length(); position++) {
            int c = value.codePointAt(i);
            if (refused(c)) {
                String name = Character.getName(c);
                throw new IllegalArgumentException(field + " " + quoted(value) + " holds " + String.format("U+%04X",
                        c) + (name == null ? "" : " " + name) + " at character " + position + ": it must be one line "
                        + "of printable text, without line breaks, control characters or bidirectional overrides");
            }
            i += Character.charCount(c);
        }
        return value;
    }

    /** A control character, a line or paragraph separator, or a bidirectional embedding, override or isolate. */
    static boolean refused(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** {@code "value"} with quotes and backslashes escaped and every refused character as an escape. */
    public static String quoted(String value) {
        return value == null ? "null" : "\"" + escaped(value).replace("\"", "\\\"") + "\"";
    }

    /** {@code value} on one line: backslashes doubled, {@code \n \r \t}, and {@code \}{@code uXXXX} for the rest. */
    public static String escaped(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (refused(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
