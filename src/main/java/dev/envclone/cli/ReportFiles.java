package dev.envclone.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    static void write(Path out, byte[] bytes) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, out.getFileName().toString(), ".part");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, out, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
