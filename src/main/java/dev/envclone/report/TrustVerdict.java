package dev.envclone.report;

/**
 * What a valid signature says about who signed: the signature itself only proves that the PDF is unchanged since the
 * holder of the key signed it; whether that holder is who the certificate names is a separate question, answered by
 * a root the reader trusts or by a fingerprint the reader already knows.
 */
public enum TrustVerdict {
    /** The signer's certificate chains to a root in the trust store the reader gave (or the Windows root store). */
    TRUSTED("trusted", "the PDF is unchanged since it was signed, and a certificate authority you trust vouches for "
            + "the signer's name (revocation was not checked)"),
    /** The signer's certificate is the very one whose fingerprint the reader gave. */
    PINNED("pinned", "the PDF is unchanged since it was signed with the key of the certificate you named; who holds "
            + "that key is what you knew when you took the fingerprint"),
    /** A certificate that issued itself, such as the key {@code envclone report} makes when given none. */
    SELF_SIGNED("self-signed", "the PDF is unchanged since it was signed by whoever holds this key; it does not "
            + "prove who that is: anyone can make a key with the same name"),
    /** Issued by an authority the reader did not say they trust. */
    UNTRUSTED("untrusted", "the PDF is unchanged since it was signed by whoever holds this key; it does not prove "
            + "who that is: the certificate does not chain to a root you trust");

    private final String word;
    private final String proves;

    TrustVerdict(String word, String proves) {
        this.word = word;
        this.proves = proves;
    }

    /** The verdict as verify prints it. */
    public String word() {
        return word;
    }

    /** One sentence on what the verdict proves. */
    public String proves() {
        return proves;
    }

    /** True when the reader said, by a root or a fingerprint, that they accept this signer. */
    public boolean accepted() {
        return switch (this) {
            case TRUSTED, PINNED -> true;
            case SELF_SIGNED, UNTRUSTED -> false;
        };
    }
}
