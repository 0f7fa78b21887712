package dev.envclone.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.envclone.json.JsonException;
import dev.envclone.json.JsonFields;
import dev.envclone.json.JsonTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of journal.jsonl as bytes: written once, in a fixed field order, and never serialised again. An entry's
 * hash is the SHA-256 of its line's exact bytes (without the newline), so a later Jackson that escapes differently
 * changes only the lines it writes, never the hash of a line already on disk.
 */
final class JournalLine {
    /** The fields of a line, in the order they are written. */
    static final List<String> FIELDS = List.of("seq", "previous", "time", "event", "step", "operator", "data");

    private JournalLine() {
    }

    /** The line for an entry (its {@code hash} is not part of it), without the newline. */
    static byte[] write(long seq, String previous, String time, JournalEvent event, String step, String operator,
                        Map<String, String> data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JsonTree.factory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeNumberField("seq", seq);
            json.writeStringField("previous", previous);
            json.writeStringField("time", time);
            json.writeStringField("event", event.name());
            json.writeStringField("step", step);
            json.writeStringField("operator", operator);
            json.writeObjectFieldStart("data");
            for (Map.Entry<String, String> field : data.entrySet()) {
                json.writeStringField(field.getKey(), field.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a line back as an entry whose hash is the line's SHA-256; null when it is not a journal line (not
     * JSON, another set of fields, an unknown event).
     */
    static JournalEntry read(byte[] line) {
        try {
            // JsonTree refuses a field twice: two fields of one name would let a line say one thing to one
            // reader and another to the next.
            JsonFields entry = JsonFields.of(JsonTree.parse(line));
            if (!entry.names().equals(FIELDS)) {
                return null;
            }
            JsonFields data = entry.object("data");
            String previous = entry.text("previous");
            String time = entry.text("time");
            String event = entry.text("event");
            String operator = entry.text("operator");
            if (entry.isNull("seq") || data == null || previous == null || time == null || event == null
                    || operator == null) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String field : data.names()) {
                String value = data.text(field);
                if (value == null) {
                    return null;
                }
                values.put(field, value);
            }
            // longInteger refuses a seq that is no whole number within a long; valueOf an unknown event.
            return new JournalEntry(entry.longInteger("seq"), time, JournalEvent.valueOf(event), entry.text("step"),
                    operator, values, previous, sha256(line));
        } catch (JsonException | IllegalArgumentException e) {
            return null;
        }
    }

    /** SHA-256 of the line's exact bytes, in hex. */
    static String sha256(byte[] line) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A parser for a tail that may stop anywhere: it reports what it has read and waits for the rest. */
    static JsonParser partialParser() throws IOException {
        return JsonTree.factory().createNonBlockingByteArrayParser();
    }
}
