package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Poppler's pdfsig, a verifier that is not envclone's own. It exits 0 even for a broken signature, so tests read its
 * words ("Signature is Valid.", "Total document signed"), never its exit code. A missing pdfsig fails the test rather
 * than skipping it: a skipped signature test would pass silently on a machine that checks nothing.
 */
public final class Pdfsig {
    private Pdfsig() {
    }

    /** The merged output of {@code pdfsig -nocert -no-ocsp pdf}. */
    public static String run(Path pdf) throws IOException, InterruptedException {
        // Output goes to a file, not a pipe: reading a pipe would block past the timeout if pdfsig hung.
        Path output = Files.createTempFile("pdfsig-", ".txt");
        try {
            Process process;
            try {
                process = new ProcessBuilder("pdfsig", "-nocert", "-no-ocsp", pdf.toString())
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            } catch (IOException e) {
                return fail("pdfsig not found: install poppler-utils (apt-get install poppler-utils)");
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("pdfsig did not finish in 60 s on " + pdf);
            }
            return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
