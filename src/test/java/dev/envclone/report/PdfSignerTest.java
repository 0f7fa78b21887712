package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing a PDF and checking it, judged by poppler's pdfsig as well as by {@link SignatureCheck}: a signature only
 * envclone's own checker accepts would prove nothing to the people who read the report.
 */
class PdfSignerTest {
    /** A store password that must never reach the signed PDF or any message. */
    private static final String CANARY = "Canary-Storepass-5e81c2";
    /** Text in an uncompressed content stream, so one of its letters can be changed in the signed bytes. */
    private static final String MARKER = "MARKER-EVIDENCE-OK";
    private static final Instant SIGNED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static X509Certificate authorityCertificate;
    private static KeyPair rsa;
    private static X509Certificate rsaCertificate;
    private static KeyPair ec;
    private static X509Certificate ecCertificate;
    private static byte[] unsigned;

    @TempDir
    static Path selfSignedFolder;
    private static SigningIdentity selfSigned;

    @TempDir
    Path folder;

    @BeforeAll
    static void keysAndDocument() throws Exception {
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        KeyPair authority = rsaGenerator.generateKeyPair();
        authorityCertificate = certificate(authority, "CN=Example Test CA", authority, "CN=Example Test CA",
                "SHA256withRSA");
        rsa = rsaGenerator.generateKeyPair();
        rsaCertificate = certificate(rsa, "CN=Ana Operator, O=Example Ops", authority, "CN=Example Test CA",
                "SHA256withRSA");
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGenerator.generateKeyPair();
        ecCertificate = certificate(ec, "CN=Eco Curve, O=Example Ops", ec, "CN=Eco Curve, O=Example Ops",
                "SHA256withECDSA");
        unsigned = document();
        selfSigned = SigningKeys.selfSigned(selfSignedFolder, "Ana Operator");
    }

    @Test
    void pkcs12KeySignsAWholeDocumentThatPdfsigAccepts() throws Exception {
        SigningIdentity identity = SigningKeys.fromPkcs12(pkcs12(rsa, rsaCertificate), CANARY.toCharArray());
        assertEquals("Ana Operator", identity.signerName());
        assertFalse(identity.selfSigned());
        assertEquals(List.of(rsaCertificate, authorityCertificate), identity.chain());

        byte[] signed = PdfSigner.sign(unsigned, identity, SIGNED_AT, "Evidence of a test run");

        String pdfsig = Pdfsig.run(write(signed));
        assertTrue(pdfsig.contains("Signature is Valid."), pdfsig);
        assertTrue(pdfsig.contains("Total document signed"), pdfsig);
        assertTrue(pdfsig.contains("Signature Type: ETSI.CAdES.detached"), pdfsig);
        assertTrue(pdfsig.contains("Signer Certificate Common Name: Ana Operator"), pdfsig);
        assertFalse(pdfsig.contains("Not total document signed"), pdfsig);

        SignatureCheck.Result check = SignatureCheck.check(signed);
        assertTrue(check.valid(), check.reason());
        assertEquals("signature valid; whole document signed", check.reason());
        assertEquals("Ana Operator", check.signer());
        assertFalse(check.selfSigned());
        assertEquals(SIGNED_AT, check.signedAt());
    }

    @Test
    void signatureDictionaryCarriesNameTimeAndReason() throws Exception {
        SigningIdentity identity = SigningKeys.fromPkcs12(pkcs12(rsa, rsaCertificate), CANARY.toCharArray());
        byte[] signed = PdfSigner.sign(unsigned, identity, SIGNED_AT, "Evidence of run 42");
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertEquals("Adobe.PPKLite", signature.getFilter());
            assertEquals("ETSI.CAdES.detached", signature.getSubFilter());
            assertEquals("Ana Operator", signature.getName());
            assertEquals("Evidence of run 42", signature.getReason());
            assertEquals(SIGNED_AT, signature.getSignDate().toInstant());
        }
        // The unsigned bytes are kept as they were: the signature is an incremental update.
        byte[] prefix = new byte[unsigned.length];
        System.arraycopy(signed, 0, prefix, 0, unsigned.length);
        assertArrayEquals(unsigned, prefix);
    }

    @Test
    void selfSignedKeySignsAndSaysSo() throws Exception {
        assertTrue(selfSigned.selfSigned());
        assertEquals("envclone self-signed: Ana Operator", selfSigned.signerName());

        byte[] signed = PdfSigner.sign(unsigned, selfSigned, SIGNED_AT, "Evidence of a test run");

        String pdfsig = Pdfsig.run(write(signed));
        assertTrue(pdfsig.contains("Signature is Valid."), pdfsig);
        assertTrue(pdfsig.contains("Total document signed"), pdfsig);
        assertTrue(pdfsig.contains("envclone self-signed: Ana Operator"), pdfsig);

        SignatureCheck.Result check = SignatureCheck.check(signed);
        assertTrue(check.valid(), check.reason());
        assertTrue(check.selfSigned());
        assertTrue(check.signer().contains("self-signed"), check.signer());
    }

    @Test
    void selfSignedKeyIsMadeOnceKeptOwnerOnlyAndHasNoPassword() throws Exception {
        SigningIdentity again = SigningKeys.selfSigned(selfSignedFolder, "someone else");
        assertEquals(selfSigned.certificate(), again.certificate());
        assertEquals(selfSigned.key(), again.key());

        X509Certificate certificate = selfSigned.certificate();
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals("RSA", certificate.getPublicKey().getAlgorithm());
        assertEquals(3072, ((java.security.interfaces.RSAPublicKey) certificate.getPublicKey()).getModulus()
                .bitLength());
        assertTrue(certificate.getSubjectX500Principal().getName().contains("O=envclone (self-signed"));
        assertTrue(certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(3650))));
        boolean[] usage = certificate.getKeyUsage();
        assertTrue(usage[0] && usage[1], "digitalSignature and nonRepudiation");

        try (Stream<Path> files = Files.list(selfSignedFolder)) {
            assertEquals(Set.of("self-signed-key.p8", "self-signed-certificate.der"),
                    files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()));
        }
        Path key = selfSignedFolder.resolve("self-signed-key.p8");
        if (Files.getFileAttributeView(key, PosixFileAttributeView.class) != null) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        }
        // Unencrypted PKCS#8: the file is exactly the key's encoding, so no password is stored or needed.
        assertArrayEquals(selfSigned.key().getEncoded(), Files.readAllBytes(key));
    }

    @Test
    void ownerWithCommasAndPlusIsEscapedInTheSubject() throws Exception {
        SigningIdentity identity = SigningKeys.selfSigned(folder.resolve("keys"), "Doe, Jane +1 <ops>");
        assertEquals("envclone self-signed: Doe, Jane +1 <ops>", identity.signerName());
        assertEquals(2, new X500Name(identity.certificate().getSubjectX500Principal().getName()).getRDNs().length);
    }

    @Test
    void damagedSelfSignedKeyNamesTheFolderAndSaysToDeleteBothFiles() throws Exception {
        Path keys = Files.createDirectories(folder.resolve("keys"));
        Files.write(keys.resolve("self-signed-key.p8"), new byte[] {1, 2, 3});
        Files.write(keys.resolve("self-signed-certificate.der"), new byte[] {4, 5, 6});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SigningKeys.selfSigned(keys, "Ana Operator"));
        assertTrue(e.getMessage().contains(keys.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("delete self-signed-key.p8 and self-signed-certificate.der"),
                e.getMessage());
    }

    @Test
    void changedByteInsideTheSignedRangeIsCaught() throws Exception {
        byte[] signed = PdfSigner.sign(unsigned, selfSigned, SIGNED_AT, "Evidence of a test run");
        int at = indexOf(signed, MARKER.getBytes(StandardCharsets.US_ASCII));
        assertTrue(at > 0, "the marker is in the uncompressed content stream");
        int[] range;
        try (PDDocument document = Loader.loadPDF(signed)) {
            range = document.getLastSignatureDictionary().getByteRange();
        }
        assertTrue(at + MARKER.length() < range[1], "the marker lies inside the signed range");
        byte[] changed = signed.clone();
        changed[at + MARKER.indexOf("OK")] = 'N'; // MARKER-EVIDENCE-NK

        String pdfsig = Pdfsig.run(write(changed));
        assertFalse(pdfsig.contains("Signature is Valid."), pdfsig);
        assertTrue(pdfsig.contains("Signature Validation: Digest Mismatch."), pdfsig);

        SignatureCheck.Result check = SignatureCheck.check(changed);
        assertFalse(check.valid());
        assertEquals("the document was changed after it was signed (digest mismatch)", check.reason());
    }

    @Test
    void bytesAddedAfterTheSignatureAreCaught() throws Exception {
        byte[] signed = PdfSigner.sign(unsigned, selfSigned, SIGNED_AT, "Evidence of a test run");
        ByteArrayOutputStream appended = new ByteArrayOutputStream();
        appended.write(signed);
        appended.write("\n% a line added later\n".getBytes(StandardCharsets.US_ASCII));

        // pdfsig still calls the signature itself valid; it flags the coverage on a line of its own.
        String pdfsig = Pdfsig.run(write(appended.toByteArray()));
        assertTrue(pdfsig.contains("Not total document signed"), pdfsig);

        SignatureCheck.Result check = SignatureCheck.check(appended.toByteArray());
        assertFalse(check.valid());
        assertTrue(check.reason().contains("added after the signature"), check.reason());
    }

    @Test
    void unsignedAndDamagedFilesAreInvalidNotExceptions() throws Exception {
        assertEquals("the PDF has no signature", SignatureCheck.check(unsigned).reason());
        SignatureCheck.Result garbage = SignatureCheck.check("not a pdf at all".getBytes(StandardCharsets.US_ASCII));
        assertFalse(garbage.valid());
        assertTrue(garbage.reason().startsWith("the file is damaged: "), garbage.reason());

        byte[] signed = PdfSigner.sign(unsigned, selfSigned, SIGNED_AT, "Evidence of a test run");
        byte[] truncated = new byte[signed.length / 2];
        System.arraycopy(signed, 0, truncated, 0, truncated.length);
        assertFalse(SignatureCheck.check(truncated).valid());

        // A changed byte inside the CMS itself (its signature value near the end of the DER).
        int[] range;
        byte[] contents;
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            range = signature.getByteRange();
            contents = signature.getContents();
        }
        int derLength;
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            derLength = in.readObject().getEncoded().length;
        }
        byte[] badSignature = signed.clone();
        int hexAt = range[1] + 1 + 2 * (derLength - 10);
        badSignature[hexAt] = (byte) (badSignature[hexAt] == '0' ? '1' : '0');
        SignatureCheck.Result check = SignatureCheck.check(badSignature);
        assertFalse(check.valid());
        assertTrue(check.reason().contains("does not verify"), check.reason());
        assertFalse(Pdfsig.run(write(badSignature)).contains("Signature is Valid."));
    }

    @Test
    void certificateNotValidAtSigningTimeIsInvalid() throws Exception {
        SigningIdentity identity = SigningKeys.fromPkcs12(pkcs12(rsa, rsaCertificate), CANARY.toCharArray());
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
        SignatureCheck.Result check = SignatureCheck.check(PdfSigner.sign(unsigned, identity, longAgo, "old"));
        assertFalse(check.valid());
        assertTrue(check.reason().contains("certificate was not valid when the document was signed"), check.reason());
    }

    @Test
    void ecKeySignsAndVerifies() throws Exception {
        SigningIdentity identity = SigningKeys.fromPkcs12(pkcs12(ec, ecCertificate), CANARY.toCharArray());
        byte[] signed = PdfSigner.sign(unsigned, identity, SIGNED_AT, "Evidence of a test run");

        String pdfsig = Pdfsig.run(write(signed));
        assertTrue(pdfsig.contains("Signature is Valid."), pdfsig);
        assertTrue(pdfsig.contains("Total document signed"), pdfsig);
        assertTrue(pdfsig.contains("Eco Curve"), pdfsig);

        SignatureCheck.Result check = SignatureCheck.check(signed);
        assertTrue(check.valid(), check.reason());
        assertEquals("Eco Curve", check.signer());
        assertTrue(check.selfSigned(), "a certificate that issued itself counts as self-signed, whoever made it");
    }

    @Test
    void signedAttributesArePadesBaselineOnes() throws Exception {
        SigningIdentity identity = SigningKeys.fromPkcs12(pkcs12(rsa, rsaCertificate), CANARY.toCharArray());
        byte[] signed = PdfSigner.sign(unsigned, identity, SIGNED_AT, "Evidence of a test run");
        CMSSignedData cms;
        try (PDDocument document = Loader.loadPDF(signed);
             ASN1InputStream in = new ASN1InputStream(document.getLastSignatureDictionary().getContents())) {
            cms = new CMSSignedData(ContentInfo.getInstance(in.readObject()));
        }
        assertTrue(cms.isDetachedSignature());
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        AttributeTable attributes = signer.getSignedAttributes();
        assertNull(attributes.get(CMSAttributes.signingTime), "PAdES baseline forbids signing-time");
        assertNotNull(attributes.get(new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.47")),
                "signing-certificate-v2");
        assertEquals(Set.of(CMSAttributes.contentType, CMSAttributes.messageDigest,
                        PKCSObjectIdentifiers.id_aa_signingCertificateV2),
                Set.copyOf(attributes.toHashtable().keySet()));
        assertEquals(2, cms.getCertificates().getMatches(null).size(), "the chain is embedded");
    }

    @Test
    void canaryStorePasswordIsNowhereInTheSignedPdf() throws Exception {
        SigningIdentity identity = SigningKeys.fromPkcs12(pkcs12(rsa, rsaCertificate), CANARY.toCharArray());
        byte[] signed = PdfSigner.sign(unsigned, identity, SIGNED_AT, "Evidence of a test run");
        assertEquals(-1, indexOf(signed, CANARY.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(-1, indexOf(signed, CANARY.getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void badKeySourcesSayWhatIsWrong() throws Exception {
        Path missing = folder.resolve("missing.p12");
        String noFile = assertThrows(IllegalArgumentException.class,
                () -> SigningKeys.fromPkcs12(missing, CANARY.toCharArray())).getMessage();
        assertEquals(missing + " does not exist: give the PKCS#12 (.p12/.pfx) file that holds your signing key",
                noFile);

        Path p12 = pkcs12(rsa, rsaCertificate);
        String wrongPassword = "Wrong-" + CANARY;
        String badPassword = assertThrows(IllegalArgumentException.class,
                () -> SigningKeys.fromPkcs12(p12, wrongPassword.toCharArray())).getMessage();
        assertTrue(badPassword.startsWith(p12 + " could not be opened with the given store password: check the "
                + "password in the environment variable"), badPassword);
        assertFalse(badPassword.contains(wrongPassword) || badPassword.contains(CANARY), badPassword);

        Path certificateOnly = folder.resolve("certificate-only.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ana", rsaCertificate);
        try (var out = Files.newOutputStream(certificateOnly)) {
            store.store(out, CANARY.toCharArray());
        }
        String noKey = assertThrows(IllegalArgumentException.class,
                () -> SigningKeys.fromPkcs12(certificateOnly, CANARY.toCharArray())).getMessage();
        assertTrue(noKey.startsWith(certificateOnly + " holds no private key: export the certificate together with "
                + "its key"), noKey);
        assertFalse(noKey.contains(CANARY));

        if (!System.getProperty("os.name").toLowerCase().startsWith("windows")) {
            String windows = assertThrows(IllegalArgumentException.class,
                    () -> SigningKeys.fromWindowsStore("report")).getMessage();
            assertEquals("--windows-store works on Windows only (the Windows-MY certificate store); on this machine "
                    + "use --keystore FILE.p12, or leave both out to sign with the self-signed key", windows);
        }
    }

    private static X509Certificate certificate(KeyPair pair, String subject, KeyPair issuer, String issuerName,
            String algorithm) throws Exception {
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name(issuerName), BigInteger.valueOf(System.nanoTime()).abs(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name(subject), pair.getPublic())
                .build(new JcaContentSignerBuilder(algorithm).build(issuer.getPrivate())));
    }

    /** A .p12 holding the key with its chain: the certificate, then the test CA's when it issued it. */
    private Path pkcs12(KeyPair pair, X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Certificate[] chain = certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())
                ? new Certificate[] {certificate} : new Certificate[] {certificate, authorityCertificate};
        store.setKeyEntry("report", pair.getPrivate(), CANARY.toCharArray(), chain);
        Path file = Files.createTempFile(folder, "operator-", ".p12");
        try (var out = Files.newOutputStream(file)) {
            store.store(out, CANARY.toCharArray());
        }
        return file;
    }

    /** One page with text in an uncompressed content stream. */
    private static byte[] document() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page, AppendMode.OVERWRITE, false)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText("envclone run report " + MARKER);
                text.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private Path write(byte[] pdf) throws Exception {
        return Files.write(Files.createTempFile(folder, "signed-", ".pdf"), pdf);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
