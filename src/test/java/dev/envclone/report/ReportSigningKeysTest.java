package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.run.SandboxRunFixture;
import dev.envclone.sql.Dbms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code envclone report} with an operator's own PKCS#12 key, its password passed the only way envclone takes it (an
 * environment variable, in a process of its own): pdfsig accepts the signature and names the signer, and the
 * password appears nowhere — not in the PDF's bytes, its text, the output, or any file the run wrote.
 */
class ReportSigningKeysTest {
    private static final String CANARY = "Canary-Storepass-7f3a91";

    @TempDir
    Path folder;

    @Test
    void pkcs12KeySignsAndItsPasswordIsWrittenNowhere() throws Exception {
        SandboxRunFixture run = FinishedRun.create(Dbms.SQLSERVER, folder.resolve("run"));
        Path keystore = folder.resolve("operator.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "report", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=Ana Operator, O=Example Ops", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", CANARY).redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
                new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        Path report = folder.resolve("report.pdf");
        Process process = CliProcess.start(folder.resolve("logs"), Map.of("envclone.home",
                        folder.resolve("home").toString()), Map.of("ENVCLONE_STOREPASS", CANARY),
                "report", "--run-dir", run.runDir.toString(), "--out", report.toString(), "--keystore",
                keystore.toString(), "--storepass-env", "ENVCLONE_STOREPASS");
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "report finished");
        String out = CliProcess.read(folder.resolve("logs/out.txt"));
        String err = CliProcess.read(folder.resolve("logs/err.txt"));
        assertEquals(0, process.exitValue(), err);
        assertTrue(out.contains("signed by Ana Operator.") && !out.contains("self-signed"), out);

        String pdfsig = Pdfsig.run(report);
        assertTrue(pdfsig.contains("Signature is Valid."), pdfsig);
        assertTrue(pdfsig.contains("Total document signed"), pdfsig);
        assertTrue(pdfsig.contains("Ana Operator"), pdfsig);
        assertFalse(Files.exists(folder.resolve("home/signing")), "no self-signed key was made");

        try (PDDocument document = Loader.loadPDF(report.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertFalse(text.contains(CANARY));
        }
        byte[] canary = CANARY.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(keystore)).toList()) {
                assertFalse(contains(Files.readAllBytes(file), canary), file + " holds the store password");
            }
        }
    }

    @Test
    void aMissingPasswordVariableOrKeystoreIsBadInputAndWritesNothing() throws Exception {
        SandboxRunFixture run = FinishedRun.create(Dbms.ORACLE, folder.resolve("run"));
        Path report = folder.resolve("report.pdf");
        CliProcess.Result unset = CliProcess.inProcess("report", "--run-dir", run.runDir.toString(), "--out",
                report.toString(), "--keystore", folder.resolve("none.p12").toString(), "--storepass-env",
                "ENVCLONE_TEST_VARIABLE_THAT_IS_NOT_SET");
        assertEquals(2, unset.code());
        assertTrue(unset.err().contains("ENVCLONE_TEST_VARIABLE_THAT_IS_NOT_SET: that environment variable is not set"),
                unset.err());
        CliProcess.Result both = CliProcess.inProcess("report", "--run-dir", run.runDir.toString(), "--out",
                report.toString(), "--keystore", "a.p12", "--storepass-env", "X", "--windows-store", "me");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give either --keystore or --windows-store, not both"), both.err());
        CliProcess.Result windows = CliProcess.inProcess("report", "--run-dir", run.runDir.toString(), "--out",
                report.toString(), "--windows-store", "me");
        assertEquals(2, windows.code());
        assertTrue(windows.err().contains("Windows only"), windows.err());
        assertFalse(Files.exists(report));
        assertEquals(List.of(), leftovers());
    }

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
