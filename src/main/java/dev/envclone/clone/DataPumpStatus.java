package dev.envclone.clone;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One GET_STATUS answer as the status block flattens it ({@link DataPumpJobSql#status()}): the job state, percent
 * done and error count from ku$_JobStatus when the status holds one, and the new ku$_LogEntry lines with their
 * error numbers.
 *
 * @param state the job's state
 * @param percentDone percent done (0..100), or null when this status carries no job status
 * @param errorCount the job's errors so far, or null likewise
 * @param lines the log lines, each as Data Pump wrote it and, for an error entry whose text does not name its
 *     number, prefixed with {@code ORA-nnnnn: } so that {@link DataPumpLog} reads it as expdp's log would show it
 */
record DataPumpStatus(State state, Integer percentDone, Integer errorCount, List<String> lines) {

    DataPumpStatus {
        lines = List.copyOf(lines);
    }

    /**
     * The job states of Oracle's Data Pump API ("Using the Oracle Data Pump API", job states), as GET_STATUS and
     * USER_DATAPUMP_JOBS.STATE spell them.
     */
    enum State {
        UNDEFINED, DEFINING, EXECUTING, COMPLETING, COMPLETED, STOP_PENDING, STOPPING, STOPPED, IDLING, NOT_RUNNING;

        /** Reads the state as Oracle spells it: {@code EXECUTING}, {@code STOP PENDING}, {@code NOT RUNNING}. */
        static State parse(String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("Data Pump gave no job state");
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Data Pump gave the job state '" + text.strip()
                        + "', which is not one of Oracle's documented states: envclone stops following the job; "
                        + "look at it in USER_DATAPUMP_JOBS", e);
            }
        }

        /** The status loop ends: the job's processes are gone (COMPLETED) or it was stopped (STOPPED). */
        boolean ended() {
            return this == COMPLETED || this == STOPPED;
        }

        /** As Oracle spells it. */
        String spelled() {
            return name().replace('_', ' ');
        }
    }

    /**
     * Reads the status block's OUT binds.
     *
     * @param entries the flattened entries: error number (may be empty), {@link DataPumpJobSql#FIELD}, text,
     *     {@link DataPumpJobSql#ENTRY}; null or empty when there are none
     * @throws IllegalArgumentException when the text is not in that form or the state is unknown: the message says
     *     what came back
     */
    static DataPumpStatus read(String state, Number percentDone, Number errorCount, String entries) {
        return new DataPumpStatus(State.parse(state), whole(percentDone, "percent done"),
                whole(errorCount, "error count"), lines(entries));
    }

    static List<String> lines(String entries) {
        List<String> out = new ArrayList<>();
        if (entries == null || entries.isEmpty()) {
            return out;
        }
        if (entries.charAt(entries.length() - 1) != DataPumpJobSql.ENTRY) {
            throw new IllegalArgumentException("the Data Pump status ended in the middle of a log entry: "
                    + shown(entries));
        }
        for (String entry : entries.substring(0, entries.length() - 1).split(String.valueOf(DataPumpJobSql.ENTRY),
                -1)) {
            int field = entry.indexOf(DataPumpJobSql.FIELD);
            if (field < 0) {
                throw new IllegalArgumentException("a Data Pump log entry has no error-number field: "
                        + shown(entry));
            }
            String number = entry.substring(0, field).strip();
            String text = entry.substring(field + 1);
            String prefix = "";
            if (!number.isEmpty() && !number.equals("0")) {
                if (!number.matches("\\d{1,5}")) {
                    throw new IllegalArgumentException("a Data Pump log entry has the error number '" + number
                            + "', not a number");
                }
                String ora = String.format(Locale.ROOT, "ORA-%05d", Integer.parseInt(number));
                prefix = text.contains(ora) ? "" : ora + ": ";
            }
            // An error entry can span lines (ORA-39083 ... Failing sql is: ...); each is shown as a line.
            String[] parts = text.split("\\r?\\n", -1);
            int last = parts.length;
            while (last > 0 && parts[last - 1].isEmpty()) {
                last--;
            }
            for (int i = 0; i < last; i++) {
                out.add(i == 0 ? prefix + parts[i] : parts[i]);
            }
        }
        return out;
    }

    private static Integer whole(Number value, String what) {
        if (value == null) {
            return null;
        }
        double d = value.doubleValue();
        if (d < 0 || Double.isNaN(d) || (what.startsWith("percent") && d > 100)) {
            throw new IllegalArgumentException("Data Pump gave the " + what + " " + value + ", out of range");
        }
        return (int) Math.floor(d);
    }

    private static String shown(String text) {
        String visible = text.replace(DataPumpJobSql.FIELD, '|').replace(DataPumpJobSql.ENTRY, '/');
        return "'" + (visible.length() > 120 ? visible.substring(0, 120) + "..." : visible) + "'";
    }
}
