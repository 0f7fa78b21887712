package dev.envclone.report;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made up for a test, as an attacker (or a company) would make one: a root, an intermediate
 * it issued, and signing certificates the intermediate issues. Nothing here is trusted by anyone until a test puts the
 * root in a trust store.
 */
final class MadeUpCa {
    final KeyPair rootKey;
    final X509Certificate root;
    final KeyPair intermediateKey;
    final X509Certificate intermediate;

    MadeUpCa(String name) throws Exception {
        rootKey = rsa();
        X500Name rootName = new X500Name("CN=" + name + " Root CA, O=Made-up");
        root = certificate(rootName, rootKey, rootName, rootKey, true);
        intermediateKey = rsa();
        intermediate = certificate(new X500Name("CN=" + name + " Issuing CA, O=Made-up"), intermediateKey, rootName,
                rootKey, true);
    }

    /** A signing identity the intermediate issued, with the intermediate in its chain as a .p12 would carry it. */
    SigningIdentity issue(String subject) throws Exception {
        KeyPair key = rsa();
        X509Certificate certificate = certificate(new X500Name(subject), key,
                X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()), intermediateKey, false);
        return new SigningIdentity(key.getPrivate(), List.of(certificate, intermediate), false);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name subject, KeyPair key, X500Name issuer, KeyPair issuerKey,
            boolean authority) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(63, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), subject, key.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
                ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey.getPrivate())));
    }
}
