package dev.envclone.clone;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The output of a remote expdp or impdp as it arrives, cut into lines: each line goes, masked, to the operator
 * ({@link CloneListener#logLine}) and to the verdict ({@link DataPumpLog}); each {@code . . exported} or
 * {@code . . imported} line (one per table, Oracle's log format) moves the progress on, against the tables
 * expected when that number is known (a total of 0 means it is not).
 *
 * <p>The password is masked in every line should the tool or a wrapper ever print it: it is compared character by
 * character, never made into a String.
 */
final class DataPumpOutput {
    private static final String MASK = "********";

    private final CloneListener listener;
    private final DataPumpLog log;
    private final String marker;
    private final String verb;
    private final int expected;
    private final char[] secret;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private int tables;
    private long bytes;

    /**
     * @param verb {@code exported} or {@code imported}
     * @param expected the tables the job moves, or 0 when not known
     * @param secret the password to mask; the caller wipes it after the run
     */
    DataPumpOutput(CloneListener listener, DataPumpLog log, String verb, int expected, char[] secret) {
        this.listener = listener;
        this.log = log;
        this.marker = ". . " + verb + " ";
        this.verb = verb;
        this.expected = expected;
        this.secret = secret;
    }

    /** Bytes as they came from the channel; every complete line is handed on at once. */
    void accept(byte[] bytes, int length) {
        this.bytes += length;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                line();
            } else {
                partial.write(bytes[i]);
            }
        }
    }

    /** The last line, when the output did not end with a line break. */
    void finish() {
        if (partial.size() > 0) {
            line();
        }
    }

    /** Bytes taken so far: where the rest of the tool's output file starts. */
    long bytes() {
        return bytes;
    }

    int tables() {
        return tables;
    }

    private void line() {
        String text = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        text = mask(text, secret);
        log.accept(text);
        listener.logLine(text);
        int at = text.indexOf(marker);
        if (at >= 0) {
            tables++;
            String table = text.substring(at + marker.length()).strip().split("\\s+")[0];
            int total = expected > 0 ? Math.max(expected, tables) : 0;
            listener.progress(Character.toUpperCase(verb.charAt(0)) + verb.substring(1) + " " + tables
                    + (total > 0 ? " of " + total : "") + " tables: " + table, tables, total);
        }
    }

    /** {@code line} with every occurrence of {@code secret} replaced by asterisks. */
    static String mask(String line, char[] secret) {
        if (secret == null || secret.length == 0 || line.length() < secret.length) {
            return line;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i + secret.length <= line.length(); i++) {
            if (matches(line, i, secret)) {
                if (out == null) {
                    out = new StringBuilder(line.length());
                }
                out.append(line, copied, i).append(MASK);
                i += secret.length - 1;
                copied = i + 1;
            }
        }
        return out == null ? line : out.append(line, copied, line.length()).toString();
    }

    private static boolean matches(String line, int at, char[] secret) {
        for (int j = 0; j < secret.length; j++) {
            if (line.charAt(at + j) != secret[j]) {
                return false;
            }
        }
        return true;
    }
}
