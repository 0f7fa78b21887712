package dev.envclone.report;

import dev.envclone.files.OwnerOnly;
import dev.envclone.run.UserFolder;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Where a signing key comes from: a PKCS#12 file, the Windows certificate store, or envclone's self-signed key. Every
 * problem is an {@link IllegalArgumentException} whose message says what is wrong and what to do; no message ever
 * repeats a password.
 */
public final class SigningKeys {
    static final String KEY_FILE = "self-signed-key.p8";
    static final String CERTIFICATE_FILE = "self-signed-certificate.der";

    private SigningKeys() {
    }

    /** Where the per-user self-signed key is kept: signing/ in envclone's user folder. */
    public static Path defaultFolder() {
        return UserFolder.home().resolve("signing");
    }

    /** The first key in a PKCS#12 (.p12/.pfx) file, with its certificate chain. The password is never repeated. */
    public static SigningIdentity fromPkcs12(Path file, char[] storepass) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist: give the PKCS#12 (.p12/.pfx) file that holds "
                    + "your signing key");
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, storepass);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(file + " could not be opened with the given store password: check the "
                    + "password in the environment variable, and that the file is a PKCS#12 keystore");
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class)) {
                    return identity(store, alias, storepass, file.toString());
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": the key inside could not be unlocked with the store password; "
                    + "a key password different from the store password is not supported: export the file again "
                    + "with one password");
        }
        throw new IllegalArgumentException(file + " holds no private key: export the certificate together with its "
                + "key (a .pfx/.p12 with the private key)");
    }

    /** A key in the current user's Windows certificate store (Windows-MY), by its alias (friendly name). */
    public static SigningIdentity fromWindowsStore(String alias) throws IOException {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new IllegalArgumentException("--windows-store works on Windows only (the Windows-MY certificate "
                    + "store); on this machine use --keystore FILE.p12, or leave both out to sign with the "
                    + "self-signed key");
        }
        try {
            KeyStore store = KeyStore.getInstance("Windows-MY");
            store.load(null, null);
            if (!store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class)) {
                List<String> keys = new ArrayList<>();
                for (String each : Collections.list(store.aliases())) {
                    if (store.entryInstanceOf(each, KeyStore.PrivateKeyEntry.class)) {
                        keys.add(each);
                    }
                }
                throw new IllegalArgumentException("the Windows certificate store has no key named '" + alias
                        + "'; " + (keys.isEmpty() ? "it holds no keys: import your .pfx there first"
                                : "give one of these to --windows-store: " + String.join(", ", keys)));
            }
            return identity(store, alias, null, "the Windows certificate store");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the Windows certificate store could not be read: " + e.getMessage());
        }
    }

    /**
     * The per-user self-signed key: made once in {@code folder} (RSA 3072, ten years), then reused. The key file is
     * unencrypted and readable by its owner only, like an SSH key: there is no password to keep anywhere.
     */
    public static synchronized SigningIdentity selfSigned(Path folder, String owner) throws IOException {
        Path keyFile = folder.resolve(KEY_FILE);
        Path certificateFile = folder.resolve(CERTIFICATE_FILE);
        if (folder.toAbsolutePath().normalize().startsWith(UserFolder.home().toAbsolutePath().normalize())) {
            // envclone's own folders: owner-only, also when an earlier envclone left them readable by others.
            UserFolder.create();
            OwnerOnly.folder(folder, "signing folder");
        }
        if (Files.exists(keyFile) || Files.exists(certificateFile)) {
            return readSelfSigned(folder, keyFile, certificateFile);
        }
        OwnerOnly.folder(folder, "signing folder");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = certificate(pair, owner);
            // The certificate first: a key file without its certificate would be refused at the next start.
            OwnerOnly.write(certificateFile, certificate.getEncoded(), "signing certificate");
            OwnerOnly.write(keyFile, pair.getPrivate().getEncoded(), "signing key");
            return new SigningIdentity(pair.getPrivate(), List.of(certificate), true);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("could not make the self-signed key in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static SigningIdentity identity(KeyStore store, String alias, char[] password, String where)
            throws GeneralSecurityException {
        Key key = store.getKey(alias, password);
        Certificate[] chain = store.getCertificateChain(alias);
        if (!(key instanceof PrivateKey) || chain == null || chain.length == 0) {
            throw new IllegalArgumentException(where + ": the entry '" + alias + "' has no private key with a "
                    + "certificate");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate each : chain) {
            certificates.add((X509Certificate) each);
        }
        return new SigningIdentity((PrivateKey) key, certificates, false);
    }

    private static X509Certificate certificate(KeyPair pair, String owner)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        var name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "envclone self-signed: " + owner)
                .addRDN(BCStyle.O, "envclone (self-signed; not issued by a certificate authority)").build();
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3653))), name,
                pair.getPublic());
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }

    private static SigningIdentity readSelfSigned(Path folder, Path keyFile, Path certificateFile)
            throws IOException {
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile)));
            X509Certificate certificate;
            try (InputStream in = Files.newInputStream(certificateFile)) {
                certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            if (!(key instanceof RSAPrivateCrtKey rsa) || !(certificate.getPublicKey() instanceof RSAPublicKey pub)
                    || !rsa.getModulus().equals(pub.getModulus())) {
                throw new InvalidKeySpecException("the key does not belong to the certificate");
            }
            return new SigningIdentity(key, List.of(certificate), true);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("the self-signed key in " + folder + " cannot be read by this user: "
                    + "sign with --keystore FILE.p12, or delete " + KEY_FILE + " and " + CERTIFICATE_FILE
                    + " there to make a new key");
        } catch (GeneralSecurityException | IOException | ClassCastException e) {
            throw new IllegalArgumentException("the self-signed key in " + folder + " is damaged or incomplete ("
                    + (e instanceof NoSuchFileException ? e.getMessage() + " is missing" : e.getMessage())
                    + "): delete " + KEY_FILE + " and " + CERTIFICATE_FILE + " there to make a new "
                    + "one");
        }
    }
}
