package dev.envclone.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.envclone.json.JsonFields;
import dev.envclone.json.JsonTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts a report vouches for, in a form a program can check: attached to the PDF as
 * {@value #ATTACHMENT} before it is signed, so the signature covers it. {@code envclone verify --run-dir} compares
 * them with the run folder; the pages print the same values for the reader.
 *
 * @param format 1
 * @param planSha256 SHA-256 of the run's plan.json, as the journal's first entry recorded it
 * @param journalEntries how many journal entries the report covers
 * @param journalHash the hash of the last of them, which chains every entry before it
 * @param preImages every pre-image file the report lists, path relative to the run folder
 */
public record ReportEvidence(int format, String planSha256, int journalEntries, String journalHash,
                             List<RunRecord.PreImageFile> preImages) {
    static final String ATTACHMENT = "envclone-evidence.json";

    static ReportEvidence of(RunRecord run) {
        return new ReportEvidence(1, run.created().get("plan.sha256"), run.journal().size(), run.journalHash(),
                run.preImages());
    }

    /**
     * The attachment's bytes: the record's components in order with Jackson's default pretty printer, the bytes
     * databind wrote for it before decision 0029 (ReportEvidenceTest holds them against databind).
     */
    byte[] toJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JsonTree.factory().createGenerator(bytes, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("format", format);
            json.writeStringField("planSha256", planSha256);
            json.writeNumberField("journalEntries", journalEntries);
            json.writeStringField("journalHash", journalHash);
            json.writeFieldName("preImages");
            if (preImages == null) {
                json.writeNull();
            } else {
                json.writeStartArray();
                for (RunRecord.PreImageFile file : preImages) {
                    json.writeStartObject();
                    json.writeStringField("file", file.file());
                    json.writeNumberField("rows", file.rows());
                    json.writeStringField("sha256", file.sha256());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Reads the attachment back; every field of the record, no other (a JsonException names the first wrong). */
    static ReportEvidence fromJson(byte[] json) throws IOException {
        JsonFields evidence = JsonFields.of(JsonTree.parse(json));
        List<RunRecord.PreImageFile> preImages = null;
        List<JsonFields> files = evidence.objects("preImages");
        if (files != null) {
            preImages = new ArrayList<>();
            for (JsonFields file : files) {
                preImages.add(new RunRecord.PreImageFile(file.text("file"), file.longInteger("rows"),
                        file.text("sha256")));
                file.done();
            }
        }
        ReportEvidence read = new ReportEvidence(evidence.integer("format"), evidence.text("planSha256"),
                evidence.integer("journalEntries"), evidence.text("journalHash"), preImages);
        evidence.done();
        return read;
    }
}
