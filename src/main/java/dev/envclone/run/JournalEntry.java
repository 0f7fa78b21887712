package dev.envclone.run;

import java.util.Map;
import java.util.TreeMap;

/**
 * One event of a run, as one line of journal.jsonl.
 *
 * @param seq 1, 2, 3 ... in the order written
 * @param time when it happened, ISO-8601 UTC
 * @param event what happened
 * @param step the step it concerns, or null for the run as a whole
 * @param operator who was at the keyboard (the OS user unless told otherwise)
 * @param data the event's details: counts, files and their SHA-256, reasons, notes (never a password)
 * @param previous the hash of the entry before (the SHA-256 of its line), or 64 zeros for the first
 * @param hash SHA-256 of this entry's line, byte for byte as it is in the file (without its newline); not a field of
 *             the line, which cannot hold its own hash, but of the next line ({@code previous}) and of journal.head
 */
public record JournalEntry(long seq, String time, JournalEvent event, String step, String operator,
                           Map<String, String> data, String previous, String hash) {
    public JournalEntry {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(data));
    }

    public String get(String key) {
        return data.get(key);
    }
}
