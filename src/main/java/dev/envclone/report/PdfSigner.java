package dev.envclone.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF as PAdES baseline B-B: an incremental update holding a CMS detached signature (subfilter
 * ETSI.CAdES.detached) over the whole file but the signature itself, with the signer's certificate chain embedded.
 * The signed attributes are content-type, message-digest and signing-certificate-v2; signing-time is left out, as
 * PAdES requires, and the time goes in the signature dictionary's /M.
 */
public final class PdfSigner {
    /** Room for the CMS: an RSA 4096 signature with a chain of a few certificates fits well inside. */
    private static final int SIGNATURE_SIZE = 24_000;

    private PdfSigner() {
    }

    /**
     * Returns {@code pdf} with one more incremental update that signs it.
     *
     * @param signingTime written to the signature's /M (the CMS carries no time of its own)
     * @param reason the signature's /Reason, shown by PDF readers
     */
    public static byte[] sign(byte[] pdf, SigningIdentity identity, Instant signingTime, String reason)
            throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf);
             SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            signature.setName(identity.signerName());
            signature.setReason(reason);
            Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            time.setTimeInMillis(signingTime.toEpochMilli());
            signature.setSignDate(time);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, content -> cms(content, identity), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static byte[] cms(InputStream content, SigningIdentity identity) throws IOException {
        try {
            X509Certificate certificate = identity.certificate();
            String algorithm = "SHA256with" + ("EC".equals(identity.key().getAlgorithm()) ? "ECDSA" : "RSA");
            JcaSignerInfoGeneratorBuilder info = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build());
            info.setSignedAttributeGenerator(new PadesAttributes(certificate));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(info.build(new JcaContentSignerBuilder(algorithm).build(identity.key()),
                    certificate));
            generator.addCertificates(new JcaCertStore(identity.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (OperatorCreationException | CMSException | CertificateEncodingException e) {
            throw new IOException("could not sign with " + identity.signerName() + "'s key: " + e.getMessage(), e);
        }
    }

    /**
     * BouncyCastle's default signed attributes (content-type, message-digest), plus signing-certificate-v2, which
     * binds the signer's certificate to the signature; less signing-time, which PAdES forbids (the time is /M), and
     * less the CMS algorithm-protection attribute BouncyCastle adds, so the set is exactly the PAdES B-B one.
     */
    private static final class PadesAttributes implements CMSAttributeTableGenerator {
        private final DefaultSignedAttributeTableGenerator defaults;

        PadesAttributes(X509Certificate certificate) throws CertificateEncodingException {
            Hashtable<ASN1ObjectIdentifier, Attribute> extra = new Hashtable<>();
            extra.put(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificate(certificate))));
            this.defaults = new DefaultSignedAttributeTableGenerator(new AttributeTable(extra));
        }

        @Override
        @SuppressWarnings("rawtypes")
        public AttributeTable getAttributes(Map parameters) {
            return defaults.getAttributes(parameters).remove(CMSAttributes.signingTime)
                    .remove(CMSAttributes.cmsAlgorithmProtect);
        }

        private static SigningCertificateV2 signingCertificate(X509Certificate certificate)
                throws CertificateEncodingException {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
                IssuerSerial issuer = new IssuerSerial(new GeneralNames(new GeneralName(
                        X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                        certificate.getSerialNumber());
                return new SigningCertificateV2(new ESSCertIDv2[] {
                    new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuer)});
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
