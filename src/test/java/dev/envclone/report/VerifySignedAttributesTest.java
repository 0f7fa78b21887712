package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code envclone verify} checks the whole CMS of a real report, not only that some signature verifies: each signed
 * attribute changed in the PDF's signature hole — with the signature value kept, and again re-signed with the
 * report's own key so that only the attribute's meaning can give it away — makes the report invalid (exit 1), and so
 * does a second signer. Re-encoding the CMS unchanged keeps it valid, so the failures come from the changes.
 */
class VerifySignedAttributesTest {
    @TempDir
    static Path folder;
    private static byte[] report;
    private static PrivateKey key;
    private static X509Certificate certificate;

    @BeforeAll
    static void report() throws Exception {
        var run = FinishedRun.shared(Dbms.SQLSERVER);
        Path out = folder.resolve("report.pdf");
        CliProcess.Result written = CliProcess.inProcess("report", "--run-dir", run.runDir.toString(), "--out",
                out.toString(), "--key-folder", folder.resolve("keys").toString());
        assertEquals(0, written.code(), written.err());
        report = Files.readAllBytes(out);
        SigningIdentity identity = SigningKeys.selfSigned(folder.resolve("keys"), "unused");
        key = identity.key();
        certificate = identity.certificate();
    }

    @Test
    void reEncodingTheUnchangedCmsKeepsTheReportValid() throws Exception {
        Path same = write("unchanged.pdf", CmsSurgery.patch(report, signer -> signer));
        CliProcess.Result verified = verify(same);
        assertEquals(4, verified.code(), verified.err());
        assertTrue(Pdfsig.run(same).contains("Signature is Valid."));
    }

    @Test
    void changedContentTypeAttributeIsInvalid() throws Exception {
        Path changed = write("content-type.pdf", CmsSurgery.patch(report, signer -> CmsSurgery.replaceAttribute(
                signer, CMSAttributes.contentType, CMSObjectIdentifiers.signedData)));
        assertInvalid(changed, "signature invalid: the signed content-type attribute is 1.2.840.113549.1.7.2, not "
                + "id-data (1.2.840.113549.1.7.1)");
        assertFalse(Pdfsig.run(changed).contains("Signature is Valid."));
    }

    @Test
    void changedContentTypeAttributeReSignedWithTheSameKeyIsInvalid() throws Exception {
        Path changed = write("content-type-re-signed.pdf", CmsSurgery.patch(report, signer -> CmsSurgery.reSigned(
                CmsSurgery.replaceAttribute(signer, CMSAttributes.contentType, CMSObjectIdentifiers.signedData),
                key)));
        assertInvalid(changed, "the signed content-type attribute is 1.2.840.113549.1.7.2, not id-data");
    }

    @Test
    void changedSigningCertificateV2HashIsInvalid() throws Exception {
        Path changed = write("ess-hash.pdf", CmsSurgery.patch(report, signer -> CmsSurgery.replaceAttribute(
                signer, PKCSObjectIdentifiers.id_aa_signingCertificateV2, otherCertificateHash(signer))));
        assertInvalid(changed, "signature invalid: the signing-certificate-v2 attribute names another certificate "
                + "than the embedded signer's: its hash of the certificate differs");
        assertFalse(Pdfsig.run(changed).contains("Signature is Valid."));
    }

    @Test
    void changedSigningCertificateV2HashReSignedWithTheSameKeyIsInvalid() throws Exception {
        Path changed = write("ess-hash-re-signed.pdf", CmsSurgery.patch(report, signer -> CmsSurgery.reSigned(
                CmsSurgery.replaceAttribute(signer, PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                        otherCertificateHash(signer)), key)));
        assertInvalid(changed, "the signing-certificate-v2 attribute names another certificate");
    }

    @Test
    void signingCertificateV2RemovedAndReSignedIsInvalid() throws Exception {
        Path changed = write("ess-removed.pdf", CmsSurgery.patch(report, signer -> CmsSurgery.reSigned(
                CmsSurgery.replaceAttribute(signer, PKCSObjectIdentifiers.id_aa_signingCertificateV2, null), key)));
        assertInvalid(changed, "the signed attributes must hold exactly one signing-certificate-v2");
    }

    @Test
    void changedMessageDigestReSignedWithTheSameKeyIsInvalid() throws Exception {
        Path changed = write("digest.pdf", CmsSurgery.patch(report, signer -> CmsSurgery.reSigned(
                CmsSurgery.replaceAttribute(signer, CMSAttributes.messageDigest, new DEROctetString(new byte[32])),
                key)));
        assertInvalid(changed, "signature invalid: the document was changed after it was signed (digest mismatch)");
    }

    @Test
    void anAddedSignedAttributeBreaksTheSignatureOverTheAttributes() throws Exception {
        Path changed = write("added.pdf", CmsSurgery.patch(report, signer -> CmsSurgery.withAttributes(signer,
                new AttributeTable(signer.getAuthenticatedAttributes()).add(
                        PKCSObjectIdentifiers.pkcs_9_at_signingDescription, new DERUTF8String("approved")))));
        assertInvalid(changed, "signature invalid: the signature over the signed attributes does not verify");
        assertFalse(Pdfsig.run(changed).contains("Signature is Valid."));
    }

    @Test
    void aSecondSignerIsInvalid() throws Exception {
        Path changed = write("two-signers.pdf", CmsSurgery.patchSignedData(report, signedData -> {
            ASN1Encodable signer = signedData.getSignerInfos().getObjectAt(0);
            SignerInfo twin = CmsSurgery.withAttributes(SignerInfo.getInstance(signer),
                    new AttributeTable(SignerInfo.getInstance(signer).getAuthenticatedAttributes()));
            return CmsSurgery.withSigners(signedData, new DERSet(new ASN1Encodable[] {signer,
                CmsSurgery.reSigned(twin, key)}));
        }));
        assertInvalid(changed, "signature invalid: the signature has 2 signers, not one");
    }

    private static void assertInvalid(Path pdf, String reason) {
        CliProcess.Result verified = verify(pdf);
        assertEquals(1, verified.code(), verified.out() + verified.err());
        assertEquals("", verified.out());
        assertTrue(verified.err().startsWith("envclone verify: invalid: "), verified.err());
        assertTrue(verified.err().contains(reason), verified.err());
    }

    /** A signing-certificate-v2 naming the right issuer and serial but a certificate hash off by one bit. */
    private static SigningCertificateV2 otherCertificateHash(SignerInfo signer) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            hash[0] ^= 0x01;
            ESSCertIDv2 original = SigningCertificateV2.getInstance(new AttributeTable(
                    signer.getAuthenticatedAttributes()).get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)
                    .getAttrValues().getObjectAt(0)).getCerts()[0];
            return new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, original.getIssuerSerial())});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CliProcess.Result verify(Path pdf) {
        return CliProcess.inProcess("verify", pdf.toString());
    }

    private static Path write(String name, byte[] pdf) throws Exception {
        return Files.write(folder.resolve(name), pdf);
    }
}
