package dev.envclone.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Two plan.json texts compared field by field, so that a refusal can say what differs, not only that it does. */
final class PlanDifferences {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX = 10;

    private PlanDifferences() {
    }

    static List<String> between(String recorded, String given) {
        Map<String, String> left = flatten(recorded);
        Map<String, String> right = flatten(given);
        TreeMap<String, String> all = new TreeMap<>(left);
        right.forEach(all::putIfAbsent);
        List<String> lines = new ArrayList<>();
        for (String field : all.keySet()) {
            String was = left.getOrDefault(field, "(none)");
            String now = right.getOrDefault(field, "(none)");
            if (!was.equals(now) && lines.size() < MAX) {
                lines.add(field + ": " + was + " -> " + now);
            }
        }
        return lines;
    }

    private static Map<String, String> flatten(String json) {
        Map<String, String> fields = new TreeMap<>();
        try {
            flatten(MAPPER.readTree(json), "", fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> fields) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), fields);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", fields);
            }
        } else {
            fields.put(path, node.asText());
        }
    }
}
