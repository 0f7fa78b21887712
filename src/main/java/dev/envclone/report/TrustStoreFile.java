package dev.envclone.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The roots a reader trusts, from the file given to {@code verify --trust-store}: a PKCS#12 or JKS store (its
 * trusted-certificate entries, as the JDK's own trust stores are read) or a PEM file of certificates. Every problem
 * is an {@link IllegalArgumentException} whose one line names the option and what to do; no message repeats the
 * password.
 */
public final class TrustStoreFile {
    private static final String PEM = "-----BEGIN CERTIFICATE-----";

    private TrustStoreFile() {
    }

    /** @param password null when none was given: JKS and password-less PKCS#12 stores still load */
    public static SignerTrust read(Path file, char[] password) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw bad(file, "no such file: give a PKCS#12, JKS or PEM file of the root certificates you trust");
        } catch (AccessDeniedException e) {
            throw bad(file, "cannot be read by this user");
        } catch (IOException e) {
            throw bad(file, "cannot be read (" + e.getMessage() + ")");
        }
        List<X509Certificate> roots = new String(bytes, StandardCharsets.ISO_8859_1).contains(PEM)
                ? pem(file, bytes) : store(file, password);
        if (roots.isEmpty()) {
            throw bad(file, "holds no trusted certificate" + (password == null ? ": if it is a PKCS#12 store with a "
                    + "password, name the variable that holds it with --trust-store-password-env" : ""));
        }
        return SignerTrust.roots(roots, "the trust store " + file);
    }

    static List<X509Certificate> trustedCertificates(KeyStore store) throws KeyStoreException {
        List<X509Certificate> roots = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isCertificateEntry(alias) && store.getCertificate(alias) instanceof X509Certificate root) {
                roots.add(root);
            }
        }
        return roots;
    }

    private static List<X509Certificate> pem(Path file, byte[] bytes) {
        try {
            List<X509Certificate> roots = new ArrayList<>();
            for (Certificate each : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes))) {
                roots.add((X509Certificate) each);
            }
            return roots;
        } catch (CertificateException e) {
            throw bad(file, "is a PEM file whose certificates cannot be read (" + e.getMessage() + ")");
        }
    }

    private static List<X509Certificate> store(Path file, char[] password) {
        try {
            // The JDK finds out whether the file is PKCS#12 or JKS itself.
            return trustedCertificates(KeyStore.getInstance(file.toFile(), password));
        } catch (KeyStoreException e) {
            throw bad(file, "is not a PKCS#12, JKS or PEM file of certificates");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw bad(file, "wrong password: check the environment variable --trust-store-password-env names");
            }
            throw bad(file, "cannot be read as a PKCS#12 or JKS store (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw bad(file, "cannot be read as a PKCS#12 or JKS store (" + e.getMessage() + ")");
        }
    }

    private static IllegalArgumentException bad(Path file, String problem) {
        return new IllegalArgumentException("--trust-store " + file + ": " + problem);
    }
}
