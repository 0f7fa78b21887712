package dev.envclone.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static ReportEvidence of(RunRecord run) {
        return new ReportEvidence(1, run.created().get("plan.sha256"), run.journal().size(), run.journalHash(),
                run.preImages());
    }

    byte[] toJson() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ReportEvidence fromJson(byte[] json) throws IOException {
        return MAPPER.readValue(json, ReportEvidence.class);
    }
}
