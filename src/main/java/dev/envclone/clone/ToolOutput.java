package dev.envclone.clone;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The output of a remote tool as it arrives, cut into lines, each handed on at once with every password it was
 * given masked, should the tool or a wrapper ever print one. The passwords are compared character by character,
 * never made into Strings.
 */
final class ToolOutput {
    private static final String MASK = "********";

    private final Consumer<String> lines;
    private final List<char[]> secrets;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long bytes;

    /** @param secrets the passwords to mask; the caller wipes them after the run */
    ToolOutput(Consumer<String> lines, List<char[]> secrets) {
        this.lines = lines;
        this.secrets = List.copyOf(secrets);
    }

    /** Bytes as they came from the channel; every complete line is handed on at once. */
    void accept(byte[] chunk, int length) {
        bytes += length;
        for (int i = 0; i < length; i++) {
            if (chunk[i] == '\n') {
                line();
            } else {
                partial.write(chunk[i]);
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

    private void line() {
        String text = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        for (char[] secret : secrets) {
            text = mask(text, secret);
        }
        lines.accept(text);
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
