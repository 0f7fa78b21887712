package dev.envclone.report;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * A key that signs reports and the certificate chain that names its holder.
 *
 * @param chain the signer's certificate first, then its issuers (one certificate for a self-signed key)
 * @param selfSigned true for the per-user key envclone made itself; the report says so
 */
public record SigningIdentity(PrivateKey key, List<X509Certificate> chain, boolean selfSigned) {
    public SigningIdentity {
        chain = List.copyOf(chain);
    }

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
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return subject;
        }
        return subject;
    }
}
