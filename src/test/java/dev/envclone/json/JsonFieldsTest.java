package dev.envclone.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {
    private static JsonFields read(String json) throws JsonException {
        return JsonFields.of(JsonTree.parse("{\"plan\":" + json + "}")).object("plan");
    }

    @Test
    void readsFieldsAndDefaultsMissingOnesAsDatabindDid() throws Exception {
        JsonFields fields = read("{\"name\":\"QA\",\"port\":2222,\"log\":true,\"day\":\"MONDAY\",\"list\":[\"a\"],"
                + "\"ssh\":{\"host\":\"db\"},\"none\":null}");
        assertEquals("QA", fields.text("name"));
        assertEquals(2222, fields.integer("port"));
        assertEquals(true, fields.bool("log"));
        assertEquals(DayOfWeek.MONDAY, fields.name("day", DayOfWeek.class));
        assertEquals(List.of("a"), fields.texts("list"));
        assertEquals("db", fields.object("ssh").text("host"));
        assertEquals("plan.ssh", fields.object("ssh").path());
        assertNull(fields.text("none"));
        assertNull(fields.text("missing"));
        assertEquals(0, fields.integer("missing"));
        assertFalse(fields.bool("missing"));
        assertNull(fields.object("missing"));
        assertNull(fields.objects("missing"));
        fields.done();
    }

    @Test
    void namesTheFieldsNobodyAskedFor() throws Exception {
        JsonFields fields = read("{\"name\":\"QA\",\"nmae\":\"QA\",\"extra\":1}");
        fields.text("name");
        assertEquals("unknown fields \"nmae\", \"extra\" in plan",
                assertThrows(JsonException.class, fields::done).getMessage());
        JsonFields ssh = read("{\"ssh\":{\"host\":\"db\",\"prot\":22}}").object("ssh");
        ssh.text("host");
        assertEquals("unknown field \"prot\" in plan.ssh", assertThrows(JsonException.class, ssh::done).getMessage());
    }

    @Test
    void refusesAValueOfAnotherTypeNamingItsPath() throws Exception {
        JsonFields fields = read("{\"port\":\"22\",\"big\":9999999999,\"half\":1.5,\"name\":7,\"log\":\"yes\","
                + "\"list\":[\"a\",null],\"objects\":[{},3],\"day\":\"FUNDAY\",\"ssh\":[]}");
        assertEquals("plan.port must be a whole number, not the text \"22\"",
                assertThrows(JsonException.class, () -> fields.integer("port")).getMessage());
        assertEquals("plan.big is 9999999999, too large a number",
                assertThrows(JsonException.class, () -> fields.integer("big")).getMessage());
        assertEquals("plan.half must be a whole number, not 1.5",
                assertThrows(JsonException.class, () -> fields.integer("half")).getMessage());
        assertEquals("plan.name must be a text \"...\", not 7",
                assertThrows(JsonException.class, () -> fields.text("name")).getMessage());
        assertEquals("plan.log must be true or false, not the text \"yes\"",
                assertThrows(JsonException.class, () -> fields.bool("log")).getMessage());
        assertEquals("plan.list[1] must be a text \"...\", not null",
                assertThrows(JsonException.class, () -> fields.texts("list")).getMessage());
        assertEquals("plan.objects[1] must be an object {...}, not 3",
                assertThrows(JsonException.class, () -> fields.objects("objects")).getMessage());
        assertEquals("plan.day is \"FUNDAY\", not one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, "
                + "SUNDAY", assertThrows(JsonException.class, () -> fields.name("day", DayOfWeek.class)).getMessage());
        assertEquals("plan.ssh must be an object {...}, not a list",
                assertThrows(JsonException.class, () -> fields.object("ssh")).getMessage());
    }

    @Test
    void quotesALongTextOnlyInPart() throws Exception {
        JsonFields fields = read("{\"port\":\"" + "x".repeat(500) + "\"}");
        assertEquals("plan.port must be a whole number, not the text \"" + "x".repeat(60) + "...\"",
                assertThrows(JsonException.class, () -> fields.integer("port")).getMessage());
    }
}
