package dev.envclone.clone;

import java.util.function.Consumer;

/**
 * Each line of expdp's or impdp's output, as it arrives: to the operator ({@link CloneListener#logLine}), to the
 * verdict ({@link DataPumpLog}), and, for each {@code . . exported} or {@code . . imported} line (one per table,
 * Oracle's log format), a step of the progress against the tables expected when that number is known (a total of
 * 0 means it is not).
 */
final class DataPumpProgress implements Consumer<String> {
    private final CloneListener listener;
    private final DataPumpLog log;
    private final String marker;
    private final String verb;
    private final int expected;
    private int tables;

    /**
     * @param verb {@code exported} or {@code imported}
     * @param expected the tables the job moves, or 0 when not known
     */
    DataPumpProgress(CloneListener listener, DataPumpLog log, String verb, int expected) {
        this.listener = listener;
        this.log = log;
        this.marker = ". . " + verb + " ";
        this.verb = verb;
        this.expected = expected;
    }

    @Override
    public void accept(String line) {
        log.accept(line);
        listener.logLine(line);
        int at = line.indexOf(marker);
        if (at >= 0) {
            tables++;
            String table = line.substring(at + marker.length()).strip().split("\\s+")[0];
            int total = expected > 0 ? Math.max(expected, tables) : 0;
            listener.progress(Character.toUpperCase(verb.charAt(0)) + verb.substring(1) + " " + tables
                    + (total > 0 ? " of " + total : "") + " tables: " + table, tables, total);
        }
    }

    int tables() {
        return tables;
    }
}
