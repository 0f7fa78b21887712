package dev.envclone.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTreeTest {
    @Test
    void readsEveryKindOfValueInTheOrderOfTheText() throws Exception {
        Object value = JsonTree.parse("{\"z\":\"a\\u00e9\\n\",\"a\":[1,-2,9223372036854775808,1.5,true,false,null],"
                + "\"m\":{}}");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("z", "a\u00e9\n");
        expected.put("a", Arrays.asList(1L, -2L, new BigInteger("9223372036854775808"), 1.5, true, false, null));
        expected.put("m", Map.of());
        assertEquals(expected, value);
        assertEquals(List.of("z", "a", "m"), List.copyOf(((Map<?, ?>) value).keySet()));
        assertNull(JsonTree.parse(" null "));
    }

    @Test
    void refusesANameTwiceInOneObjectSayingWhere() {
        JsonException e = assertThrows(JsonException.class,
                () -> JsonTree.parse("{\"seq\":1,\n \"seq\":2}"));
        assertEquals("Duplicate field 'seq' at line 2, column 7", e.getMessage());
    }

    @Test
    void refusesWhatFollowsTheValue() {
        assertEquals("more follows the JSON value at line 1, column 12",
                assertThrows(JsonException.class, () -> JsonTree.parse("{\"a\":true} {}")).getMessage());
    }

    @Test
    void refusesEmptyAndCutText() {
        assertEquals("it is empty: no JSON value in it",
                assertThrows(JsonException.class, () -> JsonTree.parse("  \n")).getMessage());
        String cut = assertThrows(JsonException.class, () -> JsonTree.parse("{\"a\":[1,")).getMessage();
        assertEquals(true, cut.startsWith("Unexpected end-of-input") && cut.endsWith("at line 1, column 9"), cut);
    }
}
