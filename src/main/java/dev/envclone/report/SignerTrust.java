package dev.envclone.report;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * What the reader trusts, and the verdict it gives a signer: the roots of a trust store (or of the Windows root
 * store), or one certificate named by its fingerprint, or nothing. Chains are built and checked by the JDK's PKIX
 * ({@link CertPathBuilder}) from the certificates embedded in the signature, at the signing time the signature states,
 * with revocation off: a B-B signature carries no revocation data and verify goes to no network.
 */
public final class SignerTrust {
    /**
     * @param detail why, in a clause: which root it chains to, or what was missing
     */
    public record Judgement(TrustVerdict verdict, String detail) {
    }

    private final List<X509Certificate> roots;
    private final String source;
    private final String pin;

    private SignerTrust(List<X509Certificate> roots, String source, String pin) {
        this.roots = List.copyOf(roots);
        this.source = source;
        this.pin = pin;
    }

    /** No roots and no fingerprint: a valid signature is self-signed or untrusted. */
    public static SignerTrust none() {
        return new SignerTrust(List.of(), null, null);
    }

    /** Accepts exactly the certificate with this SHA-256 (as {@link SignerCertificate#pin(String)} returns it). */
    public static SignerTrust pinned(String sha256) {
        return new SignerTrust(List.of(), null, SignerCertificate.pin(sha256));
    }

    /** Accepts a signer that chains to one of {@code roots}; {@code source} names where they came from. */
    public static SignerTrust roots(Collection<X509Certificate> roots, String source) {
        return new SignerTrust(new ArrayList<>(roots), source, null);
    }

    /** The current user's trusted roots on Windows (KeyStore "Windows-ROOT"); refused elsewhere. */
    public static SignerTrust windowsRoots() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            throw new IllegalArgumentException("the Windows root store exists on Windows only; give --trust-store");
        }
        String where = "the Windows root store (Windows-ROOT)";
        try {
            KeyStore store = KeyStore.getInstance("Windows-ROOT");
            store.load(null, null);
            return roots(TrustStoreFile.trustedCertificates(store), where);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException(where + " could not be read (" + e.getMessage() + "): give "
                    + "--trust-store FILE");
        }
    }

    /** Where the roots come from, or null when there are none. */
    public String source() {
        return source;
    }

    /** @param at the signing time the signature states: a chain that was valid then stays valid evidence */
    Judgement judge(X509Certificate signer, Collection<X509Certificate> embedded, boolean selfSigned,
            Instant at) {
        if (pin != null) {
            if (pin.equals(SignerCertificate.of(signer).pinForm())) {
                return new Judgement(TrustVerdict.PINNED, "its SHA-256 fingerprint is the one --signer gives");
            }
            return untrusted(signer, selfSigned, "its SHA-256 fingerprint is not the one --signer gives ("
                    + pin + ")");
        }
        if (source == null) {
            return untrusted(signer, selfSigned, "no --trust-store or --signer was given");
        }
        if (roots.contains(signer)) {
            return new Judgement(TrustVerdict.TRUSTED, "its certificate is itself a root in " + source);
        }
        if (roots.isEmpty()) {
            return untrusted(signer, selfSigned, source + " holds no root certificate");
        }
        try {
            X500Principal root = chain(signer, embedded, at);
            return new Judgement(TrustVerdict.TRUSTED, "it chains to " + SignerCertificate.printable(
                    root.getName(X500Principal.RFC2253)) + ", a root in " + source + " (PKIX, as of "
                    + at + ", the signing time the signature states; revocation not checked)");
        } catch (CertPathBuilderException e) {
            return untrusted(signer, selfSigned, "it does not chain to a root in " + source + " (PKIX: "
                    + SignerCertificate.printable(e.getMessage()) + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's PKIX could not be set up: " + e.getMessage(), e);
        }
    }

    private X500Principal chain(X509Certificate signer, Collection<X509Certificate> embedded, Instant at)
            throws GeneralSecurityException {
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        for (X509Certificate root : roots) {
            anchors.add(new TrustAnchor(root, null));
        }
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(signer);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        List<X509Certificate> candidates = new ArrayList<>(embedded);
        candidates.add(signer);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(candidates)));
        PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                .build(parameters);
        return result.getTrustAnchor().getTrustedCert().getSubjectX500Principal();
    }

    private static Judgement untrusted(X509Certificate signer, boolean selfSigned, String why) {
        if (selfSigned) {
            return new Judgement(TrustVerdict.SELF_SIGNED, "its certificate issued itself, and " + why);
        }
        return new Judgement(TrustVerdict.UNTRUSTED, "its certificate was issued by " + SignerCertificate.printable(
                signer.getIssuerX500Principal().getName(X500Principal.RFC2253)) + ", and " + why);
    }
}
