package dev.envclone.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A JSON object read field by field, as databind read a record: a missing or null text, object or list is null, a
 * missing or null number 0 and boolean false. A value of another type, or a field {@link #done()} finds nobody
 * asked for, is refused with the field's path ({@code plan.oracle.ssh.port}), so a hand-edited file is told what is
 * wrong where.
 */
public final class JsonFields {
    private final Map<String, Object> values;
    private final String path;
    private final Set<String> asked = new HashSet<>();

    private JsonFields(Map<String, Object> values, String path) {
        this.values = values;
        this.path = path;
    }

    /** The object a whole text is: its fields are named from the top ({@code plan.oracle}). */
    public static JsonFields of(Object value) throws JsonException {
        return of(value, "");
    }

    private static JsonFields of(Object value, String path) throws JsonException {
        if (!(value instanceof Map)) {
            throw new JsonException(label(path) + " must be an object {...}, not " + describe(value));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        return new JsonFields(object, path);
    }

    /** Where this object is, as refusals name it: {@code plan.oracle.ssh}; empty at the top. */
    public String path() {
        return path;
    }

    /** The names of the fields, in the order of the text. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** Whether the field is missing or null: where a reader needs a value, not databind's default. */
    public boolean isNull(String name) {
        return get(name) == null;
    }

    public String text(String name) throws JsonException {
        Object value = get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw wrong(name, "a text \"...\"", value);
    }

    public long longInteger(String name) throws JsonException {
        Object value = get(name);
        if (value == null) {
            return 0;
        }
        if (value instanceof Long) {
            return (Long) value;
        }
        throw wrong(name, "a whole number", value);
    }

    public int integer(String name) throws JsonException {
        long value = longInteger(name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new JsonException(pathOf(name) + " is " + value + ", too large a number");
        }
        return (int) value;
    }

    public boolean bool(String name) throws JsonException {
        Object value = get(name);
        if (value == null || value instanceof Boolean) {
            return value != null && (Boolean) value;
        }
        throw wrong(name, "true or false", value);
    }

    /** The enum constant named by the field's text; null when missing or null. */
    public <E extends Enum<E>> E name(String name, Class<E> type) throws JsonException {
        String text = text(name);
        return text == null ? null : constant(text, type, pathOf(name));
    }

    /** The nested object; null when missing or null. */
    public JsonFields object(String name) throws JsonException {
        Object value = get(name);
        return value == null ? null : of(value, pathOf(name));
    }

    /** A list of objects; null when missing or null. A null element is refused. */
    public List<JsonFields> objects(String name) throws JsonException {
        List<?> list = list(name);
        if (list == null) {
            return null;
        }
        List<JsonFields> objects = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            objects.add(of(list.get(i), pathOf(name) + "[" + i + "]"));
        }
        return objects;
    }

    /** A list of texts; null when missing or null. A null element is refused. */
    public List<String> texts(String name) throws JsonException {
        List<?> list = list(name);
        if (list == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String)) {
                throw new JsonException(pathOf(name) + "[" + i + "] must be a text \"...\", not "
                        + describe(list.get(i)));
            }
            texts.add((String) list.get(i));
        }
        return texts;
    }

    /** A list of enum constants by name; null when missing or null. */
    public <E extends Enum<E>> List<E> names(String name, Class<E> type) throws JsonException {
        List<String> texts = texts(name);
        if (texts == null) {
            return null;
        }
        List<E> constants = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            constants.add(constant(texts.get(i), type, pathOf(name) + "[" + i + "]"));
        }
        return constants;
    }

    /** Refuses the fields nobody asked for: a misspelt field would otherwise be dropped without a word. */
    public void done() throws JsonException {
        List<String> unknown = values.keySet().stream().filter(n -> !asked.contains(n)).collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            throw new JsonException((unknown.size() == 1 ? "unknown field " : "unknown fields ")
                    + unknown.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", ")) + " in "
                    + label(path));
        }
    }

    private Object get(String name) {
        asked.add(name);
        return values.get(name);
    }

    private List<?> list(String name) throws JsonException {
        Object value = get(name);
        if (value == null || value instanceof List) {
            return (List<?>) value;
        }
        throw wrong(name, "a list [...]", value);
    }

    private String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String label(String path) {
        return path.isEmpty() ? "the top level" : path;
    }

    private JsonException wrong(String name, String expected, Object value) {
        return new JsonException(pathOf(name) + " must be " + expected + ", not " + describe(value));
    }

    private static <E extends Enum<E>> E constant(String text, Class<E> type, String path) throws JsonException {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new JsonException(path + " is \"" + text + "\", not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String) {
            String text = (String) value;
            // A refusal quotes what the file holds, never a page of it.
            return "the text \"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"";
        }
        return value.toString();
    }
}
