package dev.envclone.cli;

import dev.envclone.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Writing a PDF the operator asked for: never over an existing file, never half a file. */
final class ReportFiles {
    private ReportFiles() {
    }

    static void refuseExisting(CommandSpec spec, Path out) {
        if (Files.exists(out)) {
            throw new ParameterException(spec.commandLine(), out + " exists already: give another --out, or move "
                    + "that file away first");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + ": the folder " + parent
                    + " does not exist");
        }
    }

    /** Owner-only, through a temporary file and a rename; {@code what} names it in an error ("report"). */
    static void write(Path out, byte[] bytes, String what) throws IOException {
        OwnerOnly.write(out, bytes, what);
    }
}
