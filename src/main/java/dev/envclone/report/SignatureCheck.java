package dev.envclone.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * Checks a signed PDF the way a reader does, and then some: the PDF has a signature whose byte range covers the whole
 * file but the signature's own hex string; the CMS in that hole has exactly one signer, whose certificate is embedded
 * once; its signed attributes say what they must ({@link SignedAttributes}: content-type id-data, the message digest
 * of the signed bytes, signing-certificate-v2 naming the embedded certificate); the signature over those attributes
 * verifies with that certificate; and the certificate was valid when the document was signed. A damaged file is an
 * invalid one, never an exception. Whom to trust is not decided here: see {@link SignerTrust}.
 */
public final class SignatureCheck {
    static final String DIGEST_MISMATCH = "the document was changed after it was signed (digest mismatch)";

    private SignatureCheck() {
    }

    /**
     * @param reason why it is invalid, or "signature valid; whole document signed"
     * @param signer the signer certificate's common name, when the CMS could be read
     * @param signedAt the signature dictionary's /M, inside the signed bytes; null when it has none
     * @param certificate the signer's certificate, when valid
     * @param embedded every certificate the signature carries (the signer's and its issuers'), when valid
     */
    public record Result(boolean valid, String reason, String signer, boolean selfSigned, Instant signedAt,
                         X509Certificate certificate, List<X509Certificate> embedded) {
        public Result {
            embedded = embedded == null ? List.of() : List.copyOf(embedded);
        }

        static Result invalid(String reason) {
            return new Result(false, reason, null, false, null, null, null);
        }
    }

    /** Checks the last signature of {@code pdf}; never throws for a damaged or unsigned file, it is just invalid. */
    public static Result check(byte[] pdf) {
        List<PDSignature> signatures;
        PDSignature signature;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return Result.invalid("the PDF has no signature");
            }
            // The last one is the one whose byte range reaches furthest: a later signature covers the earlier ones.
            signature = signatures.get(0);
            for (PDSignature each : signatures) {
                if (end(each) >= end(signature)) {
                    signature = each;
                }
            }
            return check(pdf, signature);
        } catch (IOException | RuntimeException e) {
            return Result.invalid("the file is damaged: " + e.getMessage());
        }
    }

    private static Result check(byte[] pdf, PDSignature signature) throws IOException {
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[0] != 0) {
            return Result.invalid("the signature's byte range does not start at the beginning of the file");
        }
        if (range[3] < 0 || (long) range[2] + range[3] != pdf.length) {
            return Result.invalid("bytes were added after the signature: the document is not the one that was signed");
        }
        if (range[1] < 0 || range[2] <= range[1] + 1 || range[2] > pdf.length || pdf[range[1]] != '<'
                || pdf[range[2] - 1] != '>' || !hexDigits(pdf, range[1] + 1, range[2] - 1)
                || (range[2] - range[1]) % 2 != 0) {
            return Result.invalid("the signature's byte range leaves out more than the signature itself: bytes there "
                    + "are not signed");
        }
        byte[] hole = HexFormat.of().parseHex(new String(pdf, range[1] + 1, range[2] - range[1] - 2,
                StandardCharsets.US_ASCII));
        if (!Arrays.equals(hole, signature.getContents())) {
            return Result.invalid("the hex string the byte range leaves out is not the signature's /Contents");
        }
        byte[] signed = signature.getSignedContent(pdf);
        CMSSignedData cms;
        try (ASN1InputStream in = new ASN1InputStream(hole)) {
            // The signature is zero-padded to its reserved size: read exactly one object; BouncyCastle would reject
            // the padding as extra data.
            ASN1Primitive object = in.readObject();
            if (object == null) {
                return Result.invalid("the signature is empty: the PDF has a signature field but was never signed");
            }
            cms = new CMSSignedData(new CMSProcessableByteArray(signed), ContentInfo.getInstance(object));
        } catch (CMSException | IllegalArgumentException | IOException e) {
            return Result.invalid("the signature is not a readable CMS signature: " + e.getMessage());
        }
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return Result.invalid("the signature has " + signers.size() + " signers, not one");
        }
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(
                (Selector<X509CertificateHolder>) signer.getSID());
        if (matches.size() != 1) {
            return Result.invalid(matches.isEmpty() ? "the signer's certificate is not embedded in the signature"
                    : "the signature embeds " + matches.size() + " certificates that match its signer, not one");
        }
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate certificate = converter.getCertificate(matches.iterator().next());
            String name = SignerCertificate.printable(SigningIdentity.commonName(certificate));
            Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
            boolean selfSigned = selfSigned(certificate);
            String attributes = SignedAttributes.problem(signer, cms.getSignedContentTypeOID() == null ? null
                    : new ASN1ObjectIdentifier(cms.getSignedContentTypeOID()), signed, certificate);
            if (attributes != null) {
                return new Result(false, attributes, name, selfSigned, signedAt, null, null);
            }
            try {
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                    return new Result(false, "the signature over the signed attributes does not verify with " + name
                            + "'s certificate: the attributes were changed, or another key signed them", name,
                            selfSigned, signedAt, null, null);
                }
            } catch (CMSSignerDigestMismatchException e) {
                return new Result(false, DIGEST_MISMATCH, name, selfSigned, signedAt, null, null);
            }
            // Without /M (not written by envclone) the certificate must be valid now.
            Instant validAt = signedAt == null ? Instant.now() : signedAt;
            try {
                certificate.checkValidity(Date.from(validAt));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                return new Result(false, name + "'s certificate was not valid when the document was signed ("
                        + validAt + "; the certificate is valid from " + certificate.getNotBefore().toInstant()
                        + " to " + certificate.getNotAfter().toInstant() + ")", name, selfSigned, signedAt, null,
                        null);
            }
            List<X509Certificate> embedded = new ArrayList<>();
            for (X509CertificateHolder each : cms.getCertificates().getMatches(null)) {
                embedded.add(converter.getCertificate(each));
            }
            return new Result(true, "signature valid; whole document signed", name, selfSigned, signedAt,
                    certificate, embedded);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            return Result.invalid("the signature does not verify: " + e.getMessage());
        }
    }

    private static long end(PDSignature signature) {
        int[] range = signature.getByteRange();
        return range == null || range.length != 4 ? -1 : (long) range[2] + range[3];
    }

    private static boolean hexDigits(byte[] pdf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
