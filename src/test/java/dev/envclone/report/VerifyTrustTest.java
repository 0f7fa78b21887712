package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.run.RunFolder;
import dev.envclone.run.SandboxRunFixture;
import dev.envclone.sql.Dbms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code envclone verify} tells integrity and trust apart, on real reports of a finished sandbox run: a valid
 * signature by a key anyone could have made (a new self-signed key with the same name, a certificate from a made-up
 * CA) is exit 4 and says so, and only a root the reader trusts (--trust-store) or a fingerprint the reader knows
 * (--signer) makes it exit 0. pdfsig, which knows no roots here, calls every one of them valid: the signature alone
 * does not say who signed.
 */
class VerifyTrustTest {
    private static final String TRUST_PASSWORD = "Canary-Truststore-3c9d70";

    @TempDir
    static Path folder;
    private static SandboxRunFixture run;
    private static MadeUpCa ca;
    /** Signed by `envclone report` with the self-signed key it makes for this user. */
    private static Path selfSigned;
    /** The same run, signed by `envclone report` with another new self-signed key of the same name. */
    private static Path reSigned;
    /** Signed with a certificate the made-up CA's intermediate issued. */
    private static Path caSigned;
    /** What `envclone report` printed when it wrote {@link #selfSigned}. */
    private static String selfSignedWritten;

    @BeforeAll
    static void reports() throws Exception {
        run = FinishedRun.shared(Dbms.SQLSERVER);
        selfSigned = folder.resolve("self-signed.pdf");
        selfSignedWritten = report(selfSigned, "keys-a");
        reSigned = folder.resolve("re-signed.pdf");
        report(reSigned, "keys-b");
        ca = new MadeUpCa("Example");
        caSigned = folder.resolve("ca-signed.pdf");
        Files.write(caSigned, RunReport.write(RunFolder.open(run.runDir, Clock.systemUTC()), PaperSize.A4,
                ca.issue("CN=Ana Operator, O=Example Ops"), Instant.now()));
    }

    @Test
    void selfSignedDefaultIsValidButNotTrusted() throws Exception {
        CliProcess.Result verified = verify(selfSigned, "--run-dir", run.runDir.toString());
        assertEquals(4, verified.code(), verified.err());
        assertTrue(verified.out().contains("trust: self-signed: its certificate issued itself, and no --trust-store "
                + "or --signer was given. What this proves: the PDF is unchanged since it was signed by whoever "
                + "holds this key; it does not prove who that is"), verified.out());
        assertTrue(verified.out().contains("run folder matches"), verified.out());
        assertTrue(verified.out().endsWith("valid, but not trusted (self-signed)" + System.lineSeparator()),
                verified.out());
        assertTrue(Pdfsig.run(selfSigned).contains("Signature is Valid."));
    }

    @Test
    void reportReSignedWithANewKeyOfTheSameNameShowsAnotherFingerprint() throws Exception {
        CliProcess.Result original = verify(selfSigned);
        CliProcess.Result forged = verify(reSigned);
        assertEquals(4, forged.code(), forged.err());
        assertTrue(forged.out().contains("trust: self-signed"), forged.out());
        assertTrue(forged.out().contains("valid, but not trusted (self-signed)"), forged.out());
        // Same name, same subject: only the fingerprint tells the two keys apart.
        assertEquals(line(original.out(), "signer: "), line(forged.out(), "signer: "));
        assertEquals(line(original.out(), "  subject: "), line(forged.out(), "  subject: "));
        assertTrue(line(forged.out(), "signer: ").startsWith("signer: envclone self-signed: "), forged.out());
        assertNotEquals(fingerprint(original.out()), fingerprint(forged.out()));
        assertTrue(Pdfsig.run(reSigned).contains("Signature is Valid."), "pdfsig cannot tell them apart either");
    }

    @Test
    void reSignedReportIsRefusedByThePinOfTheOriginalKey() {
        CliProcess.Result pinned = verify(reSigned, "--signer", fingerprint(verify(selfSigned).out()));
        assertEquals(4, pinned.code(), pinned.err());
        assertTrue(pinned.out().contains("trust: self-signed: its certificate issued itself, and its SHA-256 "
                + "fingerprint is not the one --signer gives"), pinned.out());
    }

    @Test
    void madeUpCaSignerIsUntrustedWithoutATrustStore() throws Exception {
        CliProcess.Result verified = verify(caSigned, "--run-dir", run.runDir.toString());
        assertEquals(4, verified.code(), verified.err());
        assertTrue(verified.out().contains("signer: Ana Operator"), verified.out());
        assertTrue(verified.out().contains("  issuer: O=Made-up,CN=Example Issuing CA"), verified.out());
        assertTrue(verified.out().contains("trust: untrusted: its certificate was issued by O=Made-up,CN=Example "
                + "Issuing CA, and no --trust-store or --signer was given"), verified.out());
        assertTrue(verified.out().contains("valid, but not trusted (untrusted)"), verified.out());
        assertTrue(Pdfsig.run(caSigned).contains("Signature is Valid."));
    }

    @Test
    void madeUpCaSignerIsTrustedByAPemTrustStoreHoldingItsRoot() throws Exception {
        Path pem = pem("roots.pem", ca.root);
        CliProcess.Result verified = verify(caSigned, "--trust-store", pem.toString(), "--run-dir",
                run.runDir.toString());
        assertEquals(0, verified.code(), verified.out() + verified.err());
        assertTrue(verified.out().contains("trust: trusted: it chains to O=Made-up,CN=Example Root CA, a root in "
                + "the trust store " + pem), verified.out());
        assertTrue(verified.out().contains("revocation not checked"), verified.out());
        assertTrue(verified.out().endsWith("valid and trusted" + System.lineSeparator()), verified.out());
    }

    @Test
    void jksTrustStoreIsReadWithoutItsPassword() throws Exception {
        Path jks = store("roots.jks", "JKS", ca.root);
        CliProcess.Result verified = verify(caSigned, "--trust-store", jks.toString());
        assertEquals(0, verified.code(), verified.out() + verified.err());
        assertTrue(verified.out().contains("trust: trusted"), verified.out());
    }

    @Test
    void pkcs12TrustStoreOpensWithThePasswordFromItsVariable() throws Exception {
        Path p12 = store("roots.p12", "PKCS12", ca.root);
        Result verified = verifyInOwnProcess("right-password", TRUST_PASSWORD, caSigned, "--trust-store",
                p12.toString(), "--trust-store-password-env", "ENVCLONE_TRUST_PASSWORD");
        assertEquals(0, verified.code(), verified.out() + verified.err());
        assertTrue(verified.out().contains("trust: trusted: it chains to O=Made-up,CN=Example Root CA"),
                verified.out());
        assertFalse((verified.out() + verified.err()).contains(TRUST_PASSWORD));
    }

    @Test
    void wrongTrustStorePasswordIsBadInputNamingTheOption() throws Exception {
        Path p12 = store("wrong-password.p12", "PKCS12", ca.root);
        String wrong = "Wrong-" + TRUST_PASSWORD;
        Result verified = verifyInOwnProcess("wrong-password", wrong, caSigned, "--trust-store", p12.toString(),
                "--trust-store-password-env", "ENVCLONE_TRUST_PASSWORD");
        assertEquals(2, verified.code(), verified.out() + verified.err());
        assertEquals("envclone verify: --trust-store " + p12 + ": wrong password: check the environment variable "
                + "--trust-store-password-env names", verified.err().lines().findFirst().orElseThrow());
        assertEquals("", verified.out());
        assertFalse(verified.err().contains(wrong) || verified.err().contains(TRUST_PASSWORD), verified.err());
    }

    @Test
    void trustStoreOfAnotherCaLeavesTheSignerUntrusted() throws Exception {
        Path other = pem("other-roots.pem", new MadeUpCa("Other").root);
        CliProcess.Result verified = verify(caSigned, "--trust-store", other.toString());
        assertEquals(4, verified.code(), verified.err());
        assertTrue(verified.out().contains("trust: untrusted: its certificate was issued by O=Made-up,CN=Example "
                + "Issuing CA, and it does not chain to a root in the trust store " + other + " (PKIX: "),
                verified.out());
    }

    @Test
    void selfSignedCertificatePutInATrustStoreIsTrusted() throws Exception {
        X509Certificate own = SigningKeys.selfSigned(folder.resolve("keys-a"), "unused").certificate();
        Path pem = pem("own.pem", own);
        CliProcess.Result verified = verify(selfSigned, "--trust-store", pem.toString());
        assertEquals(0, verified.code(), verified.out() + verified.err());
        assertTrue(verified.out().contains("trust: trusted: its certificate is itself a root in the trust store "),
                verified.out());
    }

    @Test
    void rightFingerprintPinsTheSignerInAnyCaseWithOrWithoutColons() {
        String fingerprint = fingerprint(verify(caSigned).out());
        for (String typed : List.of(fingerprint, fingerprint.toLowerCase(Locale.ROOT),
                fingerprint.replace(":", ""))) {
            CliProcess.Result verified = verify(caSigned, "--signer", typed);
            assertEquals(0, verified.code(), typed + ": " + verified.out() + verified.err());
            assertTrue(verified.out().contains("trust: pinned: its SHA-256 fingerprint is the one --signer gives"),
                    verified.out());
            assertTrue(verified.out().endsWith("valid and pinned" + System.lineSeparator()), verified.out());
        }
    }

    @Test
    void fingerprintThatReportPrintsPinsItsSigner() {
        String printed = line(selfSignedWritten, "Signer's SHA-256 fingerprint: ");
        String fingerprint = printed.substring("Signer's SHA-256 fingerprint: ".length(), printed.indexOf(" ("));
        assertEquals(fingerprint(verify(selfSigned).out()), fingerprint);
        CliProcess.Result verified = verify(selfSigned, "--signer", fingerprint, "--run-dir", run.runDir.toString());
        assertEquals(0, verified.code(), verified.out() + verified.err());
        assertTrue(verified.out().contains("trust: pinned"), verified.out());
    }

    @Test
    void wrongFingerprintLeavesTheSignerNotTrusted() {
        String other = fingerprint(verify(selfSigned).out());
        CliProcess.Result verified = verify(caSigned, "--signer", other);
        assertEquals(4, verified.code(), verified.err());
        assertTrue(verified.out().contains("trust: untrusted: its certificate was issued by O=Made-up,CN=Example "
                + "Issuing CA, and its SHA-256 fingerprint is not the one --signer gives"), verified.out());
    }

    @Test
    void signerNamesWithLineBreaksCannotPrintAVerdictOfTheirOwn() throws Exception {
        Path forged = folder.resolve("line-break-name.pdf");
        Files.write(forged, RunReport.write(RunFolder.open(run.runDir, Clock.systemUTC()), PaperSize.A4,
                ca.issue("CN=Mallory\ntrust: trusted"), Instant.now()));
        CliProcess.Result verified = verify(forged);
        assertEquals(4, verified.code(), verified.err());
        assertTrue(verified.out().contains("signer: Mallory\\u000atrust: trusted"), verified.out());
        assertEquals(1, verified.out().lines().filter(l -> l.startsWith("trust: ")).count(), verified.out());
    }

    private static String report(Path out, String keys) {
        CliProcess.Result written = CliProcess.inProcess("report", "--run-dir", run.runDir.toString(), "--out",
                out.toString(), "--key-folder", folder.resolve(keys).toString());
        assertEquals(0, written.code(), written.err());
        return written.out();
    }

    private static CliProcess.Result verify(Path report, String... options) {
        List<String> args = new ArrayList<>(List.of("verify", report.toString()));
        args.addAll(List.of(options));
        return CliProcess.inProcess(args.toArray(String[]::new));
    }

    private record Result(int code, String out, String err) {
    }

    /** Verify in a JVM of its own, so the trust store's password can be in an environment variable. */
    private static Result verifyInOwnProcess(String name, String password, Path report, String... options)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("verify", report.toString()));
        args.addAll(List.of(options));
        Path logs = folder.resolve("logs-" + name);
        Process process = CliProcess.start(logs, Map.of("envclone.home", folder.resolve("home").toString()),
                Map.of("ENVCLONE_TRUST_PASSWORD", password), args.toArray(String[]::new));
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "verify finished");
        return new Result(process.exitValue(), CliProcess.read(logs.resolve("out.txt")),
                CliProcess.read(logs.resolve("err.txt")));
    }

    /** The value of the first line that starts with {@code prefix}. */
    static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(
                "no line '" + prefix + "' in " + out));
    }

    static String fingerprint(String out) {
        return line(out, "  SHA-256 fingerprint: ").substring("  SHA-256 fingerprint: ".length());
    }

    private static Path pem(String name, X509Certificate... certificates) throws Exception {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            text.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return Files.writeString(folder.resolve(name), text);
    }

    private static Path store(String name, String type, X509Certificate root) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setCertificateEntry("root", root);
        Path file = folder.resolve(name);
        try (var out = Files.newOutputStream(file)) {
            store.store(out, TRUST_PASSWORD.toCharArray());
        }
        return file;
    }
}
