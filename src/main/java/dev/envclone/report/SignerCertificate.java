package dev.envclone.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * Who signed, as {@code verify} prints it: the certificate's subject, issuer, serial number and SHA-256 fingerprint.
 * The fingerprint is what a person compares with the one the signer gave them, and what {@code --signer} takes.
 *
 * @param sha256 the certificate's SHA-256, upper-case hex pairs joined by colons, as keytool prints it
 */
public record SignerCertificate(String name, String subject, String issuer, String serial, String sha256) {
    /** The facts of {@code certificate}, every name with its control characters escaped. */
    public static SignerCertificate of(X509Certificate certificate) {
        return new SignerCertificate(printable(SigningIdentity.commonName(certificate)),
                printable(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253)),
                printable(certificate.getIssuerX500Principal().getName(X500Principal.RFC2253)),
                certificate.getSerialNumber().toString(16), sha256(certificate));
    }

    /** The lines verify prints about the signer. */
    public List<String> lines() {
        return List.of("signer: " + name, "  subject: " + subject, "  issuer: " + issuer,
                "  serial: " + serial + " (hex)", "  SHA-256 fingerprint: " + sha256);
    }

    /** The fingerprint as {@link #pin(String)} returns it: 64 lower-case hex digits. */
    String pinForm() {
        return sha256.replace(":", "").toLowerCase(Locale.ROOT);
    }

    /**
     * A fingerprint typed by a person: 64 hex digits, either case, with or without colons between pairs.
     *
     * @return the 64 lower-case hex digits
     * @throws IllegalArgumentException naming --signer and the rule
     */
    public static String pin(String typed) {
        String digits = typed == null ? "" : typed.strip().replace(":", "").toLowerCase(Locale.ROOT);
        if (!digits.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("--signer '" + printable(typed) + "' is not a SHA-256 fingerprint: "
                    + "give the 64 hex digits (colons allowed) of the signer's certificate, as verify prints them");
        }
        return digits;
    }

    static String sha256(X509Certificate certificate) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(hash);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate could not be encoded again", e);
        }
    }

    /**
     * A certificate's names are chosen by whoever made it: a line break in one must not print as a verify line of
     * its own (a forged "trust: trusted"), so control characters are shown escaped.
     */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
