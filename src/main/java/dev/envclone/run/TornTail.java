package dev.envclone.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Tells a line cut short by a crash from an edit. A crash while an entry is written can leave only a beginning of
 * that entry, with no newline: the bytes {@link JournalLine} would have written, cut anywhere. So a tail is torn only
 * if it starts as the next entry must (its seq, the previous line's hash) and the rest is the start of an entry's
 * fields, in their order, as envclone writes them (no spaces between tokens). Anything else is an edit.
 */
final class TornTail {
    private TornTail() {
    }

    /** Whether {@code tail} is a beginning (or all, less its newline) of entry {@code seq} after {@code previous}. */
    static boolean isStartOf(byte[] tail, long seq, String previous) {
        byte[] head = ("{\"seq\":" + seq + ",\"previous\":\"" + previous + "\",\"time\":\"")
                .getBytes(StandardCharsets.UTF_8);
        int compared = Math.min(head.length, tail.length);
        if (!Arrays.equals(tail, 0, compared, head, 0, compared)) {
            return false;
        }
        return compactOutsideStrings(tail) && fieldsInOrder(tail, seq, previous);
    }

    /** envclone's lines carry no white space between tokens; inside strings every control character is escaped. */
    private static boolean compactOutsideStrings(byte[] tail) {
        boolean inString = false;
        boolean escaped = false;
        for (byte b : tail) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                return false;
            }
        }
        return true;
    }

    /** Reads the tokens there are; a tail that stops mid-token or mid-entry is fine, a wrong token is not. */
    private static boolean fieldsInOrder(byte[] tail, long seq, String previous) {
        try (JsonParser parser = JournalLine.partialParser()) {
            ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).feedInput(tail, 0, tail.length);
            Tokens tokens = new Tokens(parser);
            if (!tokens.next(JsonToken.START_OBJECT)) {
                return tokens.ended;
            }
            for (String field : JournalLine.FIELDS) {
                if (!tokens.next(JsonToken.FIELD_NAME) || !field.equals(parser.currentName())) {
                    return tokens.ended;
                }
                if (!value(tokens, parser, field, seq, previous)) {
                    return tokens.ended;
                }
            }
            if (!tokens.next(JsonToken.END_OBJECT)) {
                return tokens.ended;
            }
            // The whole entry is there, less its newline: nothing may follow it.
            return parser.nextToken() == JsonToken.NOT_AVAILABLE;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean value(Tokens tokens, JsonParser parser, String field, long seq, String previous)
            throws IOException {
        switch (field) {
            case "seq":
                return tokens.next(JsonToken.VALUE_NUMBER_INT) && parser.getLongValue() == seq;
            case "previous":
                return tokens.next(JsonToken.VALUE_STRING) && previous.equals(parser.getText());
            case "event":
                return tokens.next(JsonToken.VALUE_STRING) && isEvent(parser.getText());
            case "step":
                return tokens.nextAnyOf(JsonToken.VALUE_STRING, JsonToken.VALUE_NULL);
            case "data":
                if (!tokens.next(JsonToken.START_OBJECT)) {
                    return false;
                }
                while (tokens.nextAnyOf(JsonToken.FIELD_NAME, JsonToken.END_OBJECT)) {
                    if (parser.currentToken() == JsonToken.END_OBJECT) {
                        return true;
                    }
                    if (!tokens.next(JsonToken.VALUE_STRING)) {
                        return false;
                    }
                }
                return false;
            default:
                return tokens.next(JsonToken.VALUE_STRING);
        }
    }

    private static boolean isEvent(String name) {
        return Arrays.stream(JournalEvent.values()).anyMatch(e -> e.name().equals(name));
    }

    /** The next token, and whether the tail ended before it (a torn write stops anywhere). */
    private static final class Tokens {
        private final JsonParser parser;
        boolean ended;

        Tokens(JsonParser parser) {
            this.parser = parser;
        }

        boolean next(JsonToken expected) throws IOException {
            return nextAnyOf(expected, expected);
        }

        boolean nextAnyOf(JsonToken one, JsonToken other) throws IOException {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.NOT_AVAILABLE) {
                ended = true;
                return false;
            }
            return token == one || token == other;
        }
    }
}
