package dev.envclone.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envclone.files.OwnerOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * journal.jsonl: append-only, one JSON entry per line, each forced to disk before {@link #append} returns and
 * chained to the one before by SHA-256, so that an edited, reordered or removed entry is detected when the journal
 * is opened. A last line cut short by a crash mid-write (no newline yet) is not an edit: it is reported and left
 * out, since the action it announced had not started.
 */
public final class JournalFile {
    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final Clock clock;
    private final List<JournalEntry> entries;
    private final boolean tornTail;
    private final long validLength;
    private final int initialSize;

    private JournalFile(Path file, Clock clock, List<JournalEntry> entries, boolean tornTail, long validLength) {
        this.file = file;
        this.clock = clock;
        this.entries = entries;
        this.tornTail = tornTail;
        this.validLength = validLength;
        this.initialSize = entries.size();
    }

    /** Opens (or starts) a journal and verifies its chain; throws {@link JournalException} when it was edited. */
    public static JournalFile open(Path file, Clock clock) throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        boolean torn = false;
        long validLength = 0;
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            validLength = text.substring(0, text.lastIndexOf('\n') + 1).getBytes(StandardCharsets.UTF_8).length;
            String[] lines = text.split("\n", -1);
            // The last element is "" after a final newline; anything else there is a torn write.
            torn = !lines[lines.length - 1].isEmpty();
            String previous = GENESIS;
            for (int i = 0; i < lines.length - 1; i++) {
                JournalEntry entry = parse(file, i + 1, lines[i]);
                String expected = hash(previous, entry);
                if (entry.seq() != i + 1 || !entry.previous().equals(previous) || !entry.hash().equals(expected)) {
                    throw new JournalException(file + " was changed after it was written: entry " + (i + 1)
                            + " (" + entry.event() + (entry.step() == null ? "" : " " + entry.step())
                            + ") does not match its hash chain. Do not continue this run; keep the folder as "
                            + "evidence and start a new run from plan.json.");
                }
                entries.add(entry);
                previous = entry.hash();
            }
        }
        return new JournalFile(file, clock, entries, torn, validLength);
    }

    /** Whether the last line was cut short by a crash while it was being written. */
    public boolean hadTornTail() {
        return tornTail;
    }

    public List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    /** The hash of the last entry: what a report signs to cover the whole journal. */
    public String lastHash() {
        return entries.isEmpty() ? GENESIS : entries.get(entries.size() - 1).hash();
    }

    /** Writes one entry and forces it to disk before returning. */
    public synchronized JournalEntry append(JournalEvent event, String step, String operator,
                                            Map<String, String> data) throws IOException {
        if (tornTail && entries.size() == initialSize) {
            // Drop the half-written line before appending, so that the file stays one entry per line.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(validLength);
                channel.force(true);
            }
        }
        long seq = entries.size() + 1L;
        JournalEntry draft = new JournalEntry(seq, Instant.now(clock).toString(), event, step, operator, data,
                lastHash(), null);
        JournalEntry entry = new JournalEntry(draft.seq(), draft.time(), event, step, operator, draft.data(),
                draft.previous(), hash(draft.previous(), draft));
        byte[] line = (MAPPER.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        OwnerOnly.append(file, line, "journal");
        entries.add(entry);
        return entry;
    }

    static String hash(String previous, JournalEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", entry.seq());
        fields.put("time", entry.time());
        fields.put("event", entry.event());
        fields.put("step", entry.step());
        fields.put("operator", entry.operator());
        fields.put("data", entry.data());
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(MAPPER.writeValueAsBytes(fields));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JournalEntry parse(Path file, int line, String json) {
        try {
            return MAPPER.readValue(json, JournalEntry.class);
        } catch (IOException e) {
            throw new JournalException(file + " line " + line + " is not a journal entry: it was changed after it "
                    + "was written. Keep the folder as evidence and start a new run from plan.json.");
        }
    }
}
