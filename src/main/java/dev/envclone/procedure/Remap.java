package dev.envclone.procedure;

/** One Data Pump remap, {@code from:to}, of a schema or a tablespace. */
public record Remap(String from, String to) {

    /** Reads {@code FROM:TO}; the caller checks both names. */
    public static Remap parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("remap '" + text + "' must be FROM:TO, e.g. OSADMIN:NEW_OSADMIN");
        }
        return new Remap(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return from + ":" + to;
    }
}
