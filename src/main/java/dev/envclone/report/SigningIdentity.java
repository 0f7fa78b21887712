package dev.envclone.report;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * A key that signs reports and the certificate chain that names its holder. One type for every source (PKCS#12 file,
 * Windows store, self-signed) so the signer does not care where the key came from.
 *
 * @param chain the signer's certificate first, then its issuers (one certificate for a self-signed key)
 * @param selfSigned true for the per-user key envclone made itself; the report says so
 */
public record SigningIdentity(PrivateKey key, List<X509Certificate> chain, boolean selfSigned) {
    public SigningIdentity {
        if (key == null || chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a signing identity needs a private key and at least its certificate");
        }
        chain = List.copyOf(chain);
    }

    /** The signer's own certificate, the first of the chain. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The certificate's common name, or its whole subject when it has none. */
    public String signerName() {
        return commonName(certificate());
    }

    static String commonName(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        try {
            // Rdn.getValue() is the unescaped value; a CN in an unusual ASN.1 type comes back as bytes.
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN") && rdn.getValue() instanceof String name) {
                    return name;
                }
            }
        } catch (InvalidNameException e) {
            return subject;
        }
        return subject;
    }
}
