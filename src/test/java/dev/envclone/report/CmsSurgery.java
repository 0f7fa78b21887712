package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;

/**
 * Changes a signed report's CMS the way an attacker with a hex editor would: decode the signature from the PDF's
 * signature hole, change its signer info, encode it again and write it back into the same hole, padded with zeros as
 * the signer left it. Every other byte of the PDF stays as it was, so the byte range and the digest of the signed
 * bytes are untouched.
 */
final class CmsSurgery {
    private CmsSurgery() {
    }

    /** The PDF with its CMS re-encoded after {@code change} rewrote the (single) signer info. */
    static byte[] patch(byte[] pdf, UnaryOperator<SignerInfo> change) throws Exception {
        return patchSignedData(pdf, signedData -> {
            SignerInfo signer = SignerInfo.getInstance(signedData.getSignerInfos().getObjectAt(0));
            return withSigners(signedData, new DERSet(change.apply(signer)));
        });
    }

    /** The PDF with its CMS re-encoded after {@code change} rewrote the whole SignedData. */
    static byte[] patchSignedData(byte[] pdf, UnaryOperator<SignedData> change) throws Exception {
        int[] range;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            range = document.getLastSignatureDictionary().getByteRange();
        }
        int holeDigits = range[2] - range[1] - 2;
        byte[] der = HexFormat.of().parseHex(new String(pdf, range[1] + 1, holeDigits, StandardCharsets.US_ASCII));
        ContentInfo info;
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            info = ContentInfo.getInstance(in.readObject());
        }
        SignedData changed = change.apply(SignedData.getInstance(info.getContent()));
        byte[] encoded = new ContentInfo(CMSObjectIdentifiers.signedData, changed).getEncoded(ASN1Encoding.DER);
        String hex = HexFormat.of().formatHex(encoded);
        assertTrue(hex.length() <= holeDigits, "the changed CMS still fits the signature hole");
        byte[] patched = pdf.clone();
        byte[] digits = (hex + "0".repeat(holeDigits - hex.length())).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, patched, range[1] + 1, holeDigits);
        return patched;
    }

    static SignedData withSigners(SignedData signedData, ASN1Set signers) {
        return new SignedData(signedData.getDigestAlgorithms(), signedData.getEncapContentInfo(),
                signedData.getCertificates(), signedData.getCRLs(), signers);
    }

    /** The signer info with one signed attribute's value replaced; the signature value is kept as it was. */
    static SignerInfo replaceAttribute(SignerInfo signer, ASN1ObjectIdentifier type, ASN1Encodable value) {
        AttributeTable attributes = new AttributeTable(signer.getAuthenticatedAttributes()).remove(type);
        return withAttributes(signer, value == null ? attributes : attributes.add(type, value));
    }

    static SignerInfo withAttributes(SignerInfo signer, AttributeTable attributes) {
        return new SignerInfo(signer.getSID(), signer.getDigestAlgorithm(), new DERSet(
                attributes.toASN1EncodableVector()), signer.getDigestEncryptionAlgorithm(),
                signer.getEncryptedDigest(), signer.getUnauthenticatedAttributes());
    }

    /** The signer info signed again with {@code key} over its (changed) signed attributes, as a forger would. */
    static SignerInfo reSigned(SignerInfo signer, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signer.getAuthenticatedAttributes().getEncoded(ASN1Encoding.DER));
            return new SignerInfo(signer.getSID(), signer.getDigestAlgorithm(), signer.getAuthenticatedAttributes(),
                    signer.getDigestEncryptionAlgorithm(), new DEROctetString(signature.sign()),
                    signer.getUnauthenticatedAttributes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
