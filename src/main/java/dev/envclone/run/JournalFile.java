package dev.envclone.run;

import dev.envclone.files.FileWriteException;
import dev.envclone.files.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * journal.jsonl: append-only, one JSON entry per line, each forced to disk before {@link #append} returns. Each
 * line holds the SHA-256 of the exact bytes of the line before it ({@code previous}); an entry's hash is the
 * SHA-256 of its own line's bytes, so the last hash covers every line. journal.head ({@link JournalHead}) records
 * the last entry after each append, so that a journal cut short (a removed last line, a file cut in the middle) is
 * refused instead of read as a shorter journal.
 *
 * <p>Only a final line without its newline, whose bytes are a beginning of the entry that was being written, is a
 * crash mid-write (a torn tail): it is reported and dropped before the next append, since the action it announced
 * had not started. Anything else missing or cut is an edit. What this proves, and what it cannot (the chain is
 * unkeyed), is in docs/run-folder.md.
 */
public final class JournalFile {
    public static final String GENESIS = "0".repeat(64);
    private static final String EVIDENCE = " Do not continue this run; keep the folder as evidence and start a new "
            + "run from plan.json.";

    private final Path file;
    private final Clock clock;
    private final List<JournalEntry> entries;
    private final boolean tornTail;
    /** The bytes of the complete lines: where the next line goes. */
    private long validLength;
    /** Bytes past {@link #validLength} that are envclone's own: the torn tail found, or a write that failed. */
    private boolean dropTail;
    private long headSeq;

    private JournalFile(Path file, Clock clock, List<JournalEntry> entries, boolean tornTail, long validLength,
                        long headSeq) {
        this.file = file;
        this.clock = clock;
        this.entries = entries;
        this.tornTail = tornTail;
        this.validLength = validLength;
        this.dropTail = tornTail;
        this.headSeq = headSeq;
    }

    /** Opens (or starts) a journal and verifies it; throws {@link JournalException} when it was edited. */
    public static JournalFile open(Path file, Clock clock) throws IOException {
        JournalHead head = JournalHead.read(file);
        if (!Files.exists(file)) {
            if (head.seq() > 0) {
                throw new JournalException(file + " is missing, but " + JournalHead.FILE + " records " + head.seq()
                        + " entries: it was removed." + EVIDENCE);
            }
            return new JournalFile(file, clock, new ArrayList<>(), false, 0, 0);
        }
        byte[] bytes = Files.readAllBytes(file);
        List<JournalEntry> entries = new ArrayList<>();
        String previous = GENESIS;
        int start = 0;
        for (int end = indexOf(bytes, start); end >= 0; end = indexOf(bytes, start)) {
            JournalEntry entry = entry(file, entries.size() + 1, Arrays.copyOfRange(bytes, start, end), previous);
            entries.add(entry);
            previous = entry.hash();
            start = end + 1;
        }
        byte[] tail = Arrays.copyOfRange(bytes, start, bytes.length);
        checkAgainstHead(file, entries, head);
        if (tail.length > 0) {
            checkTorn(file, entries.size(), previous, tail, head);
        }
        return new JournalFile(file, clock, entries, tail.length > 0, start, head.seq());
    }

    /**
     * Whether the last entry is not yet in journal.head: the process ended between writing the entry and the head
     * (the next append settles it), or the entry was added by something other than envclone, which an unkeyed
     * journal cannot tell apart.
     */
    public boolean aheadOfHead() {
        return headSeq < entries.size();
    }

    /** Whether the last line was cut short by a crash while it was being written. */
    public boolean hadTornTail() {
        return tornTail;
    }

    public List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    /** The hash of the last line: what a report signs to cover the whole journal ({@link #GENESIS} when empty). */
    public String lastHash() {
        return entries.isEmpty() ? GENESIS : entries.get(entries.size() - 1).hash();
    }

    /**
     * Writes one entry and forces it to disk, then the head. The operator and step are one line of printable text
     * ({@link FreeText}); an {@link IllegalArgumentException} means nothing was written.
     */
    public synchronized JournalEntry append(JournalEvent event, String step, String operator,
                                            Map<String, String> data) throws IOException {
        FreeText.requireOneLine("operator", operator);
        FreeText.requireOneLine("step", step);
        Map<String, String> sorted = new TreeMap<>(data == null ? Map.of() : data);
        long seq = entries.size() + 1L;
        byte[] line = JournalLine.write(seq, lastHash(), Instant.now(clock).toString(), event, step, operator,
                sorted);
        byte[] terminated = Arrays.copyOf(line, line.length + 1);
        terminated[line.length] = '\n';
        // Owner-only from its creation, as everything in the run folder.
        try (FileChannel channel = OwnerOnly.open(file, "journal")) {
            long size = channel.size();
            if (size < validLength || (size > validLength && !dropTail)) {
                throw new JournalException(file + " changed while this run was open (" + size + " bytes, "
                        + validLength + " expected): another process wrote it. Nothing was written." + EVIDENCE);
            }
            if (size > validLength) {
                // Drop the half-written line before appending, so that the file stays one entry per line.
                channel.truncate(validLength);
                channel.force(true);
            }
            dropTail = false;
            if (headSeq < entries.size()) {
                // The last append ended between its line and its head: settle the head first, so that the journal
                // is never more than one entry ahead of it.
                new JournalHead(entries.size(), lastHash()).write(file);
                headSeq = entries.size();
            }
            ByteBuffer buffer = ByteBuffer.wrap(terminated);
            try {
                for (long at = validLength; buffer.hasRemaining(); ) {
                    at += channel.write(buffer, at);
                }
                channel.force(true);
            } catch (IOException e) {
                // Whatever part of the line reached the file is dropped by the next append (or read as a torn tail).
                dropTail = true;
                throw new FileWriteException(file, "write journal", e);
            }
        }
        validLength += terminated.length;
        // Read back from its bytes: the entry kept is the one every later reader of the file sees.
        JournalEntry entry = JournalLine.read(line);
        entries.add(entry);
        new JournalHead(seq, entry.hash()).write(file);
        headSeq = seq;
        return entry;
    }

    /** One complete line, checked against the line before it. */
    private static JournalEntry entry(Path file, int number, byte[] line, String previous) {
        JournalEntry entry = JournalLine.read(line);
        if (entry == null) {
            throw new JournalException(file + " line " + number + " is not a journal entry: it was changed after "
                    + "it was written." + EVIDENCE);
        }
        if (entry.seq() != number || !entry.previous().equals(previous)) {
            throw new JournalException(file + " was changed after it was written: entry " + number + " ("
                    + what(entry) + ") does not match its hash chain (it or the line before it was changed)."
                    + EVIDENCE);
        }
        return entry;
    }

    /** The journal may be one entry ahead of its head (a crash between the two writes), never behind it. */
    private static void checkAgainstHead(Path file, List<JournalEntry> entries, JournalHead head) {
        int count = entries.size();
        if (count < head.seq()) {
            throw new JournalException(file + " was cut after it was written: it has " + count + " complete "
                    + (count == 1 ? "entry" : "entries") + ", but " + JournalHead.FILE + " records " + head.seq()
                    + ". Entries were removed from its end, or the file was cut; a crash cuts at most the line being "
                    + "written." + EVIDENCE);
        }
        if (head.seq() > 0 && !entries.get((int) head.seq() - 1).hash().equals(head.hash())) {
            throw new JournalException(file + " was changed after it was written: entry " + head.seq() + " ("
                    + what(entries.get((int) head.seq() - 1)) + ") does not match the hash " + JournalHead.FILE
                    + " records." + EVIDENCE);
        }
        if (count > head.seq() + 1) {
            throw new JournalException(file + " was changed after it was written: it has " + count + " entries, "
                    + "but " + JournalHead.FILE + " records " + head.seq() + "; envclone writes the head after "
                    + "every entry." + EVIDENCE);
        }
    }

    /** A line without its newline is torn only when it is the start of the entry envclone was writing then. */
    private static void checkTorn(Path file, int count, String previous, byte[] tail, JournalHead head) {
        if (count != head.seq() || !TornTail.isStartOf(tail, count + 1L, previous)) {
            throw new JournalException(file + " was changed after it was written: its last line (" + (count + 1)
                    + ") has no newline and is not the beginning of the entry a crash could have cut short."
                    + EVIDENCE);
        }
    }

    /** "STEP_EXECUTED cleanup-front-ends" */
    private static String what(JournalEntry entry) {
        return entry.event() + (entry.step() == null ? "" : " " + FreeText.escaped(entry.step()));
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
