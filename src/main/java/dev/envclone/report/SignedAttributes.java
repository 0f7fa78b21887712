package dev.envclone.report;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The CAdES signed attributes of the report's signature, each checked for what it says rather than only for being
 * signed: content-type is id-data, message-digest is the digest of the signed byte range, and signing-certificate-v2
 * names the very certificate embedded as the signer's. The signature over the attributes is checked afterwards by
 * {@link SignatureCheck}; these checks make a re-signed forgery fail on what it changed, not just on the key.
 */
final class SignedAttributes {
    private SignedAttributes() {
    }

    /**
     * @return why the attributes are wrong, or null when they are right
     * @param eContentType the SignedData's own content type, which the attribute must repeat
     */
    static String problem(SignerInformation signer, ASN1ObjectIdentifier eContentType, byte[] signedBytes,
            X509Certificate certificate) throws OperatorCreationException, CertificateEncodingException {
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) {
            return "the signature has no signed attributes: it is not a CAdES signature";
        }
        ASN1Encodable contentType = single(attributes, CMSAttributes.contentType);
        if (contentType == null) {
            return "the signed attributes must hold exactly one content-type with one value";
        }
        if (!CMSObjectIdentifiers.data.equals(contentType)) {
            return "the signed content-type attribute is " + contentType + ", not id-data ("
                    + CMSObjectIdentifiers.data + "): the signature does not claim to be over the PDF's bytes";
        }
        if (!CMSObjectIdentifiers.data.equals(eContentType)) {
            return "the signature's encapsulated content type is " + eContentType + ", not id-data";
        }
        ASN1Encodable digest = single(attributes, CMSAttributes.messageDigest);
        if (!(digest instanceof ASN1OctetString signedDigest)) {
            return "the signed attributes must hold exactly one message-digest with one value";
        }
        if (!Arrays.equals(signedDigest.getOctets(), digest(signer.getDigestAlgorithmID(), signedBytes))) {
            return SignatureCheck.DIGEST_MISMATCH;
        }
        ASN1Encodable essValue = single(attributes, PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (essValue == null) {
            return "the signed attributes must hold exactly one signing-certificate-v2 with one value: without it "
                    + "the signature does not bind its certificate";
        }
        ESSCertIDv2[] ids;
        try {
            ids = SigningCertificateV2.getInstance(essValue).getCerts();
        } catch (IllegalArgumentException e) {
            return "the signing-certificate-v2 attribute cannot be read: " + e.getMessage();
        }
        if (ids.length == 0) {
            return "the signing-certificate-v2 attribute names no certificate";
        }
        // RFC 5035: the first ESSCertIDv2 is the signer's certificate.
        ESSCertIDv2 id = ids[0];
        if (!Arrays.equals(id.getCertHash(), digest(id.getHashAlgorithm(), certificate.getEncoded()))) {
            return "the signing-certificate-v2 attribute names another certificate than the embedded signer's: "
                    + "its hash of the certificate differs";
        }
        IssuerSerial issuerSerial = id.getIssuerSerial();
        if (issuerSerial != null && !names(issuerSerial, certificate)) {
            return "the signing-certificate-v2 attribute names another issuer or serial number than the embedded "
                    + "signer's certificate";
        }
        return null;
    }

    /** The value of an attribute that occurs once with one value, or null. */
    private static ASN1Encodable single(AttributeTable attributes, ASN1ObjectIdentifier type) {
        if (attributes.getAll(type).size() != 1) {
            return null;
        }
        ASN1Set values = ((Attribute) attributes.getAll(type).get(0)).getAttrValues();
        return values.size() == 1 ? values.getObjectAt(0) : null;
    }

    private static byte[] digest(AlgorithmIdentifier algorithm, byte[] bytes) throws OperatorCreationException {
        DigestCalculator calculator = new JcaDigestCalculatorProviderBuilder().build().get(algorithm);
        try (var out = calculator.getOutputStream()) {
            out.write(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a digest stream in memory failed", e);
        }
        return calculator.getDigest();
    }

    private static boolean names(IssuerSerial issuerSerial, X509Certificate certificate) {
        if (!issuerSerial.getSerial().hasValue(certificate.getSerialNumber())) {
            return false;
        }
        X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        for (GeneralName name : issuerSerial.getIssuer().getNames()) {
            if (name.getTagNo() == GeneralName.directoryName && issuer.equals(X500Name.getInstance(name.getName()))) {
                return true;
            }
        }
        return false;
    }
}
