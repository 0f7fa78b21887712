package dev.envclone.report;

import dev.envclone.run.JournalEntry;
import dev.envclone.run.JournalException;
import dev.envclone.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * {@code envclone verify}: is the report the one that was signed, who signed it and does the reader trust them, and,
 * given its run folder, do the journal and the pre-image files still say what the report says? Integrity (the
 * signature and the folder) decides valid or invalid; trust is a separate verdict on a valid report.
 */
public final class ReportVerifier {
    private ReportVerifier() {
    }

    /**
     * @param valid true when the signature and, if asked, the run folder check out
     * @param trust the verdict on the signer when valid, null when invalid
     * @param signer the signer's certificate when valid, null when invalid
     * @param lines what was checked, one finding per line; when invalid, the only line says why
     */
    public record Verdict(boolean valid, TrustVerdict trust, SignerCertificate signer, List<String> lines) {
        static Verdict invalid(String why) {
            return new Verdict(false, null, null, List.of(why));
        }
    }

    /** Checks the signature, judges its signer by {@code trust}, then (with {@code runDir}) the run folder. */
    public static Verdict verify(byte[] pdf, Path runDir, SignerTrust trust) throws IOException {
        SignatureCheck.Result signature = SignatureCheck.check(pdf);
        if (!signature.valid()) {
            return Verdict.invalid("signature invalid: " + signature.reason());
        }
        Instant at = signature.signedAt() == null ? Instant.now() : signature.signedAt();
        List<String> lines = new ArrayList<>();
        lines.add("signature valid: the whole document but the signature is covered, and its signed attributes "
                + "(content-type, message-digest, signing-certificate-v2) check out; signed at "
                + (signature.signedAt() == null ? "an unstated time" : signature.signedAt()));
        SignerCertificate signer = SignerCertificate.of(signature.certificate());
        lines.addAll(signer.lines());
        SignerTrust.Judgement judgement = trust.judge(signature.certificate(), signature.embedded(),
                signature.selfSigned(), at);
        lines.add("trust: " + judgement.verdict().word() + ": " + judgement.detail() + ". What this proves: "
                + judgement.verdict().proves() + ".");
        if (!judgement.verdict().accepted()) {
            lines.add("to accept this signer: check its SHA-256 fingerprint with them over a channel you trust and "
                    + "give it as --signer, or give --trust-store FILE with the root certificate that issued it");
        }
        if (runDir == null) {
            return new Verdict(true, judgement.verdict(), signer, lines);
        }
        ReportEvidence evidence;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            evidence = RunReport.evidence(document);
        }
        if (evidence == null) {
            return Verdict.invalid("not an envclone run report: it carries no " + ReportEvidence.ATTACHMENT
                    + ", so there is nothing to compare with " + runDir);
        }
        String mismatch = compare(evidence, runDir);
        if (mismatch != null) {
            return Verdict.invalid("run folder does not match the report: " + mismatch);
        }
        lines.add("run folder matches: journal " + evidence.journalEntries() + " entries, final hash "
                + evidence.journalHash() + "; " + evidence.preImages().size() + " pre-image files with their SHA-256");
        return new Verdict(true, judgement.verdict(), signer, lines);
    }

    private static String compare(ReportEvidence evidence, Path runDir) throws IOException {
        RunFolder run;
        try {
            run = RunFolder.open(runDir, Clock.systemUTC());
        } catch (JournalException | IllegalArgumentException e) {
            return e.getMessage();
        }
        List<JournalEntry> entries = run.journal().entries();
        if (!evidence.planSha256().equals(entries.get(0).get("plan.sha256"))) {
            return "the report is of another run (its plan.json SHA-256 is " + evidence.planSha256() + ")";
        }
        int covered = evidence.journalEntries();
        if (entries.size() < covered) {
            return "the journal has " + entries.size() + " entries, the report covers " + covered
                    + ": entries were removed";
        }
        if (!entries.get(covered - 1).hash().equals(evidence.journalHash())) {
            return "journal entry " + covered + " has hash " + entries.get(covered - 1).hash() + ", the report says "
                    + evidence.journalHash();
        }
        if (entries.size() > covered) {
            return "the run went on after the report: the journal has " + entries.size() + " entries, the report "
                    + "covers " + covered + ". Write a new report.";
        }
        for (RunRecord.PreImageFile image : evidence.preImages()) {
            Path file = runDir.resolve(image.file()).normalize();
            if (!file.startsWith(runDir.normalize()) || !Files.isRegularFile(file)) {
                return "pre-image file " + image.file() + " is missing";
            }
            String actual = sha256(file);
            if (!actual.equals(image.sha256())) {
                return "pre-image file " + image.file() + " was changed: its SHA-256 is " + actual + ", the report "
                        + "says " + image.sha256();
            }
        }
        return null;
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
