package dev.envclone.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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

    static final ObjectMapper MAPPER = JsonMapper.builder()
            // Two fields of one name would let a line say one thing to one reader and another to the next.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JournalLine() {
    }

    /** The line for an entry (its {@code hash} is not part of it), without the newline. */
    static byte[] write(long seq, String previous, String time, JournalEvent event, String step, String operator,
                        Map<String, String> data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(bytes)) {
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
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
        if (node == null || !node.isObject() || !fieldNames(node).equals(FIELDS)) {
            return null;
        }
        JsonNode data = node.get("data");
        if (!node.get("seq").canConvertToLong() || !node.get("seq").isIntegralNumber() || !data.isObject()
                || !textOrNull(node, "step") || !node.get("previous").isTextual() || !node.get("time").isTextual()
                || !node.get("event").isTextual() || !node.get("operator").isTextual()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) data::fields) {
            if (!field.getValue().isTextual()) {
                return null;
            }
            values.put(field.getKey(), field.getValue().textValue());
        }
        JournalEvent event;
        try {
            event = JournalEvent.valueOf(node.get("event").textValue());
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new JournalEntry(node.get("seq").longValue(), node.get("time").textValue(), event,
                node.get("step").isNull() ? null : node.get("step").textValue(), node.get("operator").textValue(),
                values, node.get("previous").textValue(), sha256(line));
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
        return MAPPER.getFactory().createNonBlockingByteArrayParser();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean textOrNull(JsonNode node, String field) {
        return node.get(field).isTextual() || node.get(field).isNull();
    }
}
