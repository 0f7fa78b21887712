package dev.envclone.run;

import dev.envclone.json.JsonException;
import dev.envclone.json.JsonTree;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Two plan.json texts compared field by field, so that a refusal can say what differs, not only that it does. */
final class PlanDifferences {
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
            flatten(JsonTree.parse(json), "", fields);
        } catch (JsonException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    private static void flatten(Object value, String path, Map<String, String> fields) {
        if (value instanceof Map) {
            for (Map.Entry<?, ?> field : ((Map<?, ?>) value).entrySet()) {
                flatten(field.getValue(), path.isEmpty() ? (String) field.getKey() : path + "." + field.getKey(),
                        fields);
            }
        } else if (value instanceof List) {
            List<?> items = (List<?>) value;
            for (int i = 0; i < items.size(); i++) {
                flatten(items.get(i), path + "[" + i + "]", fields);
            }
        } else {
            fields.put(path, String.valueOf(value));
        }
    }
}
