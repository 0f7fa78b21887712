package dev.envclone.cli;

import java.io.PrintWriter;
import java.io.Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standard error as the command writes it, passed on unchanged, each whole line also logged: what the operator was
 * told is in the log beside what led to it. Those lines are already free of secrets (they are shown).
 */
final class LoggedLines extends Writer {
    private static final Logger LOG = LoggerFactory.getLogger("dev.envclone.cli.stderr");

    private final PrintWriter target;
    private final StringBuilder line = new StringBuilder();

    LoggedLines(PrintWriter target) {
        this.target = target;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        target.write(chars, offset, length);
        for (int i = offset; i < offset + length; i++) {
            if (chars[i] == '\n') {
                logLine();
            } else if (chars[i] != '\r') {
                line.append(chars[i]);
            }
        }
    }

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public void close() {
        flush();
        if (line.length() > 0) {
            logLine();
        }
    }

    private void logLine() {
        LOG.info("told the operator: {}", line);
        line.setLength(0);
    }
}
