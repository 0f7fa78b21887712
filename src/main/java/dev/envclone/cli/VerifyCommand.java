package dev.envclone.cli;

import dev.envclone.report.ReportVerifier;
import dev.envclone.report.SignerTrust;
import dev.envclone.report.TrustStoreFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a report's signature (the whole file is covered; content-type, message-digest and "
                + "signing-certificate-v2 are what they must be; the signature verifies), print who signed it "
                + "(subject, issuer, serial, SHA-256 fingerprint) and one trust verdict: trusted (chains to a root "
                + "in --trust-store, or on Windows without it the user's root store; PKIX at the signing time, "
                + "revocation not checked), pinned (the fingerprint --signer gives), self-signed, or untrusted. "
                + "With --run-dir, also check that the run folder's journal and pre-image files still match the "
                + "report.",
            "Exit 0: valid, and the signer is trusted or pinned.",
            "Exit 1: invalid (the signature, or the run folder), with the reason.",
            "Exit 2: bad input (a missing or unreadable file, a trust store that cannot be opened, a --signer that "
                + "is not 64 hex digits), with the option it concerns.",
            "Exit 4: valid, but the signer is not trusted (self-signed or untrusted); the self-signed key "
                + "'envclone report' makes by default lands here. The PDF is unchanged since it was signed, but "
                + "that does not prove who signed it."})
final class VerifyCommand implements Callable<Integer> {
    /** A valid signature by a signer the reader did not say they trust. */
    static final int NOT_TRUSTED = 4;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPORT.pdf", description = "The report to check.")
    Path report;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "The run folder the report was written from.")
    Path runDir;

    @Option(names = "--trust-store", paramLabel = "FILE", description = "A PKCS#12, JKS or PEM file of the root "
            + "certificates you trust; the signer is trusted when its certificate chains to one of them.")
    Path trustStore;

    @Option(names = "--trust-store-password-env", paramLabel = "VAR", description = "The environment variable "
            + "holding --trust-store's password, when it has one (never the command line).")
    String trustStorePasswordVariable;

    @Option(names = "--signer", paramLabel = "SHA256", description = "The SHA-256 fingerprint of the one "
            + "certificate you accept (64 hex digits, colons allowed), as verify prints it. Not with "
            + "--trust-store.")
    String signer;

    @Override
    public Integer call() throws Exception {
        SignerTrust trust = trust();
        if (!Files.isRegularFile(report)) {
            throw new ParameterException(spec.commandLine(), "REPORT.pdf " + report + ": "
                    + (Files.exists(report) ? "not a file" : "no such file") + ": give the signed report's PDF");
        }
        if (runDir != null && !Files.isDirectory(runDir)) {
            throw new ParameterException(spec.commandLine(), "--run-dir " + runDir + ": "
                    + (Files.exists(runDir) ? "not a folder" : "no such folder") + ": give the run folder the report "
                    + "was written from");
        }
        byte[] pdf;
        try {
            pdf = Files.readAllBytes(report);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "REPORT.pdf " + report + " cannot be read ("
                    + e.getMessage() + ")");
        }
        ReportVerifier.Verdict verdict = ReportVerifier.verify(pdf, runDir, trust);
        if (!verdict.valid()) {
            spec.commandLine().getErr().println("envclone verify: invalid: " + String.join("; ", verdict.lines()));
            return Cli.FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        verdict.lines().forEach(out::println);
        if (verdict.trust().accepted()) {
            out.println("valid and " + verdict.trust().word());
            return Cli.OK;
        }
        out.println("valid, but not trusted (" + verdict.trust().word() + ")");
        return NOT_TRUSTED;
    }

    /** What the reader trusts, checked before any file is read: every bad option is exit 2 with its name. */
    private SignerTrust trust() {
        if (trustStore != null && signer != null) {
            throw new ParameterException(spec.commandLine(), "give --trust-store or --signer, not both: --signer "
                    + "accepts one certificate, --trust-store any that its roots issued");
        }
        if (trustStorePasswordVariable != null && trustStore == null) {
            throw new ParameterException(spec.commandLine(), "--trust-store-password-env goes with --trust-store "
                    + "FILE: it names the variable that holds that file's password");
        }
        if (signer != null) {
            return SignerTrust.pinned(signer);
        }
        if (trustStore != null) {
            char[] password = null;
            if (trustStorePasswordVariable != null) {
                String value = System.getenv(trustStorePasswordVariable);
                if (value == null) {
                    throw new ParameterException(spec.commandLine(), "--trust-store-password-env "
                            + trustStorePasswordVariable + ": that environment variable is not set");
                }
                password = value.toCharArray();
            }
            try {
                return TrustStoreFile.read(trustStore, password);
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            try {
                return SignerTrust.windowsRoots();
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("envclone verify: " + e.getMessage() + "; judging the signer "
                        + "without it");
            }
        }
        return SignerTrust.none();
    }
}
