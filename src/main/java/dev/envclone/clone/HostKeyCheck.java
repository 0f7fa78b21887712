package dev.envclone.clone;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import dev.envclone.files.FileWriteException;
import dev.envclone.files.OwnerOnly;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database host's SSH key checked against known_hosts, as OpenSSH's {@code StrictHostKeyChecking=yes} does,
 * with one way through that the operator takes on purpose: the fingerprint envclone showed, given back as
 * {@code acceptedFingerprint}. A key not in the file is then added to it (as {@code ssh} does after "yes"); a
 * changed key is used for this connection only and the file keeps the old line, which only the operator removes
 * ({@code ssh-keygen -R}), after the host's administrator confirmed the new key. Never "accept any key".
 *
 * <p>JSch (2.28.8, {@code Session.checkHost}) asks the repository and, with {@code StrictHostKeyChecking=yes},
 * throws on {@link #NOT_INCLUDED} and {@link #CHANGED}; this class records why, so that the refusal names the
 * host, the key type and its fingerprint in OpenSSH's form ({@code SHA256:} and unpadded Base64 of the key blob,
 * what {@code ssh-keygen -lf} prints).
 */
final class HostKeyCheck implements HostKeyRepository {
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyCheck.class);

    private final HostKeyRepository known;
    private final String accepted;
    private final Path file;
    private volatile String refusal;
    private volatile String refusedFingerprint;

    /**
     * @param known JSch's repository, read from {@code file}
     * @param accepted the fingerprint the operator accepted after it was shown, or null
     * @param file the known_hosts file, which may not exist yet
     */
    HostKeyCheck(HostKeyRepository known, String accepted, Path file) {
        this.known = known;
        this.accepted = accepted == null || accepted.isBlank() ? null : accepted.strip();
        this.file = file;
    }

    /** Why the host was refused, with what to do; null when it was not. */
    String refusal() {
        return refusal;
    }

    /** The fingerprint of the key that was refused, for the operator to confirm; null when none was. */
    String refusedFingerprint() {
        return refusedFingerprint;
    }

    @Override
    public int check(String host, byte[] key) {
        int result = known.check(host, key);
        if (result == OK) {
            return OK;
        }
        String type = type(host, key);
        String fingerprint = fingerprint(key);
        boolean changed = result == CHANGED;
        if (fingerprint.equals(accepted)) {
            if (changed) {
                LOG.warn("The SSH host key of {} changed; the operator accepted the new {} key {} for this "
                        + "connection; {} keeps the old line", host, type, fingerprint, file);
            } else {
                remember(host, type, key);
            }
            return OK;
        }
        refusedFingerprint = fingerprint;
        refusal = changed
                ? "The SSH host key of " + host + " has CHANGED since it was recorded in " + file + ": the host now "
                        + "shows a " + type + " key with fingerprint " + fingerprint + ". Someone may be between you "
                        + "and the host, or the host was reinstalled. Nothing was sent to it. Ask the host's "
                        + "administrator for the fingerprint of its key (ssh-keygen -lf on the host's public key "
                        + "file); only if it is exactly " + fingerprint + ", accept that fingerprint (envclone run "
                        + "--ssh-accept-host-key " + fingerprint + ") and remove the old line (ssh-keygen -R '" + host
                        + "' -f " + file + ")."
                : "The SSH host key of " + host + " is not in " + file + ": the host shows a " + type + " key with "
                        + "fingerprint " + fingerprint + ". Nothing was sent to it. Ask the host's administrator for "
                        + "the fingerprint of its key (ssh-keygen -lf on the host's public key file); only if it is "
                        + "exactly " + fingerprint + ", accept that fingerprint (envclone run --ssh-accept-host-key "
                        + fingerprint + "), and envclone adds the key to " + file + "; or connect once with ssh, "
                        + "which asks the same question and adds it.";
        LOG.warn("Refused the SSH host {}: {} key {} is {} {}", host, type, fingerprint,
                changed ? "different from the one in" : "not in", file);
        return result;
    }

    /** OpenSSH's form of a key's fingerprint: {@code SHA256:} and the unpadded Base64 of the blob's SHA-256. */
    static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String type(String host, byte[] key) {
        try {
            return new HostKey(host, key).getType();
        } catch (JSchException e) {
            return "unknown";
        }
    }

    /** Appends the accepted key in known_hosts' form, as {@code ssh} does after the operator said yes. */
    private void remember(String host, String type, byte[] key) {
        String line = host + " " + type + " " + Base64.getEncoder().encodeToString(key) + "\n";
        try {
            OwnerOnly.append(file, line.getBytes(StandardCharsets.US_ASCII), "the known_hosts file");
            LOG.info("Added the accepted {} key {} of {} to {}", type, fingerprint(key), host, file);
        } catch (FileWriteException e) {
            // The key was accepted for this connection; the next one asks again, which is safe.
            LOG.warn("Could not add the accepted key of {} to {}: {}; the next connection asks again", host, file,
                    e.getMessage());
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // JSch adds only under StrictHostKeyChecking=no or ask, which envclone never sets.
    }

    @Override
    public void remove(String host, String type) {
        known.remove(host, type);
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        known.remove(host, type, key);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return file.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return known.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return known.getHostKey(host, type);
    }
}
