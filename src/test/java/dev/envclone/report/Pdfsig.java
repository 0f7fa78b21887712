package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Poppler's pdfsig, a verifier that is not envclone's own. It exits 0 even for a broken signature, so tests read its
 * words ("Signature is Valid.", "Total document signed"), never its exit code.
 */
final class Pdfsig {
    private Pdfsig() {
    }

    static String run(Path pdf) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("pdfsig", "-nocert", "-no-ocsp", pdf.toString()).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return fail("pdfsig not found: install poppler-utils (apt-get install poppler-utils); .ci/run does");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return fail("pdfsig did not finish in 60 s on " + pdf);
        }
        return output;
    }
}
