package dev.envclone.procedure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * plan.json: the plan as the operator approved it, read back unchanged by later stages. Reading checks it again,
 * since the file may have been edited by hand.
 */
public final class PlanJson {
    /** Bumped when a field changes meaning; a reader refuses a format it does not know. */
    public static final int FORMAT = 1;

    private PlanJson() {
    }

    /** What plan.json holds: its format and the plan. */
    record PlanDocument(int format, MigrationPlan plan) {
    }

    public static String write(MigrationPlan plan) {
        try {
            return PlanJsonWriter.write(FORMAT, plan).replace("\r\n", "\n") + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Set up when a plan is first read: a plan written is not read back by the same command.
    private static final class Reader {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Reads and checks a plan; throws {@link PlanException} for a plan that is not usable. */
    public static MigrationPlan read(Path file) throws IOException {
        PlanDocument document;
        try {
            document = Reader.MAPPER.readValue(Files.readString(file), PlanDocument.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new PlanException(java.util.List.of(file + " is not a readable plan: "
                    + e.getOriginalMessage()));
        }
        if (document.format() != FORMAT) {
            throw new PlanException(java.util.List.of(file + " has plan format " + document.format()
                    + "; this envclone reads format " + FORMAT));
        }
        return PlanValidator.check(document.plan());
    }
}
