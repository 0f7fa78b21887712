package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envclone.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evidence attached to a report: the bytes databind wrote for the record, read back as databind read them. */
class ReportEvidenceTest {
    private static final ObjectMapper DATABIND = new ObjectMapper();

    private static final ReportEvidence EVIDENCE = new ReportEvidence(1, "ab".repeat(32), 42, "cd".repeat(32),
            List.of(new RunRecord.PreImageFile("pre-images/0007-delete-ossys_server.csv", 3_000_000_000L,
                    "ef".repeat(32)), new RunRecord.PreImageFile("pre-images/0008 \"quoted\" é.csv", 0, null)));

    @Test
    void writesTheBytesDatabindWrote() throws Exception {
        assertArrayEquals(DATABIND.writerWithDefaultPrettyPrinter().writeValueAsBytes(EVIDENCE), EVIDENCE.toJson());
        ReportEvidence empty = new ReportEvidence(1, null, 0, null, List.of());
        assertArrayEquals(DATABIND.writerWithDefaultPrettyPrinter().writeValueAsBytes(empty), empty.toJson());
        ReportEvidence none = new ReportEvidence(1, null, 0, null, null);
        assertArrayEquals(DATABIND.writerWithDefaultPrettyPrinter().writeValueAsBytes(none), none.toJson());
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        assertEquals(EVIDENCE, ReportEvidence.fromJson(EVIDENCE.toJson()));
        assertEquals(DATABIND.readValue(EVIDENCE.toJson(), ReportEvidence.class),
                ReportEvidence.fromJson(EVIDENCE.toJson()));
    }

    @Test
    void refusesAFieldTheRecordDoesNotHave() {
        byte[] edited = new String(EVIDENCE.toJson(), StandardCharsets.UTF_8)
                .replace("\"rows\" : 0", "\"rows\" : 0, \"signedBy\" : \"me\"").getBytes(StandardCharsets.UTF_8);
        assertEquals("unknown field \"signedBy\" in preImages[1]",
                assertThrows(JsonException.class, () -> ReportEvidence.fromJson(edited)).getMessage());
    }
}
