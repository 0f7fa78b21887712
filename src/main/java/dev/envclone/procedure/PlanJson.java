package dev.envclone.procedure;

import dev.envclone.json.JsonException;
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

    /** Reads and checks a plan; throws {@link PlanException} for a plan that is not usable. */
    public static MigrationPlan read(Path file) throws IOException {
        PlanDocument document;
        try {
            document = PlanJsonReader.read(Files.readString(file));
        } catch (JsonException e) {
            throw new PlanException(java.util.List.of(file + " is not a readable plan: " + e.getMessage()));
        }
        if (document.format() != FORMAT) {
            throw new PlanException(java.util.List.of(file + " has plan format " + document.format()
                    + "; this envclone reads format " + FORMAT));
        }
        if (document.plan() == null) {
            throw new PlanException(java.util.List.of(file + " is not a readable plan: it has no \"plan\" field"));
        }
        return PlanValidator.check(document.plan());
    }
}
