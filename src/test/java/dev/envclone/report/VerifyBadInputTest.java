package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input to {@code envclone verify} is exit 2 with one line that names the option (or REPORT.pdf) and what
 * to do, and prints nothing on standard output: no verdict is given on a report that was not checked as asked. (A
 * wrong trust-store password needs an environment variable: see {@link VerifyTrustTest}.)
 */
class VerifyBadInputTest {
    @TempDir
    static Path folder;
    private static Path signed;

    @BeforeAll
    static void signedPdf() throws Exception {
        byte[] unsigned;
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            unsigned = out.toByteArray();
        }
        signed = Files.write(folder.resolve("signed.pdf"), PdfSigner.sign(unsigned,
                SigningKeys.selfSigned(folder.resolve("keys"), "Ana Operator"), Instant.now(), "test"));
        Files.writeString(folder.resolve("garbage.p12"), "not a key store at all");
        Files.writeString(folder.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nbm90IGJhc2U2NA==\n"
                + "-----END CERTIFICATE-----\n");
        Files.createDirectories(folder.resolve("a-folder"));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("root", SigningKeys.selfSigned(folder.resolve("keys"), "x").certificate());
        try (var out = Files.newOutputStream(folder.resolve("with-password.p12"))) {
            store.store(out, "Store-Password-1".toCharArray());
        }
    }

    /** Each case: the arguments after {@code verify}, and how the first line of stderr starts; {f} is the folder. */
    static Stream<Arguments> badInputs() {
        String pdf = "{f}/signed.pdf";
        String unset = "ENVCLONE_TEST_VARIABLE_THAT_IS_NOT_SET";
        return Stream.of(
                Arguments.of(List.of("{f}/missing.pdf"), "REPORT.pdf {f}/missing.pdf: no such file: give the signed "
                        + "report's PDF"),
                Arguments.of(List.of("{f}/a-folder"), "REPORT.pdf {f}/a-folder: not a file"),
                Arguments.of(List.of(pdf, "--run-dir", "{f}/no-run"), "--run-dir {f}/no-run: no such folder: give "
                        + "the run folder the report was written from"),
                Arguments.of(List.of(pdf, "--trust-store", "{f}/missing.p12"), "--trust-store {f}/missing.p12: no "
                        + "such file: give a PKCS#12, JKS or PEM file of the root certificates you trust"),
                Arguments.of(List.of(pdf, "--trust-store", "{f}/a-folder"), "--trust-store {f}/a-folder: cannot be "
                        + "read ("),
                Arguments.of(List.of(pdf, "--trust-store", "{f}/garbage.p12"), "--trust-store {f}/garbage.p12: is "
                        + "not a PKCS#12, JKS or PEM file of certificates"),
                Arguments.of(List.of(pdf, "--trust-store", "{f}/broken.pem"), "--trust-store {f}/broken.pem: is a "
                        + "PEM file whose certificates cannot be read"),
                Arguments.of(List.of(pdf, "--trust-store", "{f}/with-password.p12"), "--trust-store "
                        + "{f}/with-password.p12: holds no trusted certificate: if it is a PKCS#12 store with a "
                        + "password, name the variable that holds it with --trust-store-password-env"),
                Arguments.of(List.of(pdf, "--trust-store", "{f}/with-password.p12", "--trust-store-password-env",
                        unset), "--trust-store-password-env " + unset + ": that environment variable is not set"),
                Arguments.of(List.of(pdf, "--trust-store-password-env", "HOME"), "--trust-store-password-env goes "
                        + "with --trust-store FILE"),
                Arguments.of(List.of(pdf, "--trust-store", "{f}/garbage.p12", "--signer", "ab".repeat(32)),
                        "give --trust-store or --signer, not both"),
                Arguments.of(List.of(pdf, "--signer", "abc"), "--signer 'abc' is not a SHA-256 fingerprint: give "
                        + "the 64 hex digits (colons allowed) of the signer's certificate, as verify prints them"),
                Arguments.of(List.of(pdf, "--signer", "a".repeat(63)), "--signer '" + "a".repeat(63) + "' is not a "
                        + "SHA-256 fingerprint"),
                Arguments.of(List.of(pdf, "--signer", "g".repeat(64)), "--signer '" + "g".repeat(64) + "' is not a "
                        + "SHA-256 fingerprint"),
                Arguments.of(List.of(pdf, "--signer", "ab".repeat(20)), "--signer '" + "ab".repeat(20) + "' is not "
                        + "a SHA-256 fingerprint"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsExitTwoWithOneLineNamingTheOption(List<String> options, String message) {
        List<String> args = new ArrayList<>(List.of("verify"));
        for (String option : options) {
            args.add(option.replace("{f}", folder.toString()));
        }
        CliProcess.Result result = CliProcess.inProcess(args.toArray(String[]::new));
        assertEquals(2, result.code(), result.out() + result.err());
        assertEquals("", result.out());
        String first = result.err().lines().findFirst().orElse("");
        String expected = "envclone verify: " + message.replace("{f}", folder.toString());
        assertTrue(first.startsWith(expected), "expected: " + expected + "\nactual:   " + first);
        assertTrue(result.err().lines().skip(1).allMatch(line -> line.startsWith("Try 'envclone verify --help'")),
                result.err());
    }
}
