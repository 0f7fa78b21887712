package dev.envclone.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON text as plain values: an object is a {@link LinkedHashMap} in the order of the text, an array a
 * {@link List}, a string a {@link String}, an integer a {@link Long} (a {@link java.math.BigInteger} beyond a long),
 * another number a {@link Double} or {@link java.math.BigDecimal}, {@code true}/{@code false} a {@link Boolean}, and
 * {@code null} null. Stricter than databind's {@code readTree}: a name twice in one object and anything after the
 * value are refused, since either would let a file say one thing to one reader and another to the next.
 */
public final class JsonTree {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonTree() {
    }

    /** The factory every envclone JSON file is read and written with. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    public static Object parse(String text) throws JsonException {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The value of {@code text}; a {@link JsonException} naming line and column when it is not one JSON value. */
    public static Object parse(byte[] text) throws JsonException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonException("it is empty: no JSON value in it");
            }
            Object value = value(parser, first);
            if (parser.nextToken() != null) {
                throw new JsonException("more follows the JSON value at " + where(parser.currentTokenLocation()));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new JsonException(e.getOriginalMessage() + " at " + where(e.getLocation()));
        } catch (JsonException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonException(e.getMessage());
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue()
                        : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL ? parser.getDecimalValue()
                        : (Object) parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonException("unexpected " + token + " at " + where(parser.currentTokenLocation()));
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "an unknown place"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
