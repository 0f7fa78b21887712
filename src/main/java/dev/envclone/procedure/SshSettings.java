package dev.envclone.procedure;

/**
 * The Oracle database host as Data Pump's SSH route reaches it, when the site mandates the client tools
 * ({@code expdp}/{@code impdp} on the host) rather than DBMS_DATAPUMP over JDBC. No password: one is asked when
 * the run needs it, never stored.
 *
 * @param host the database host
 * @param port its SSH port (22 by default)
 * @param user the OS account that runs expdp/impdp
 * @param keyFile the private key file; null for password authentication
 * @param knownHosts the known_hosts file that holds the host's key; null for the user's {@code ~/.ssh/known_hosts}
 */
public record SshSettings(String host, int port, String user, String keyFile, String knownHosts) {
    /** SSH's own port. */
    public static final int DEFAULT_PORT = 22;

    /**
     * Reads {@code USER@HOST} or {@code USER@HOST:PORT}, as {@code envclone plan --ssh} takes it; the names are
     * checked by {@link PlanValidator}, only the shape here.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    public static SshSettings parse(String text, String keyFile, String knownHosts) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("SSH target '" + text + "' must be USER@HOST or USER@HOST:PORT, "
                    + "e.g. oracle@dbhost.example.com:22");
        }
        String hostPort = text.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        int port = DEFAULT_PORT;
        if (colon >= 0) {
            String digits = hostPort.substring(colon + 1);
            if (!digits.matches("[0-9]{1,5}")) {
                throw new IllegalArgumentException("SSH port '" + digits + "' in '" + text + "' is not a number: "
                        + "give a port from 1 to 65535 (22 by default)");
            }
            port = Integer.parseInt(digits);
            hostPort = hostPort.substring(0, colon);
        }
        return new SshSettings(hostPort, port, text.substring(0, at), keyFile, knownHosts);
    }

    /** {@code oracle@dbhost:22}, as the operator typed it and the run's messages name it. */
    public String target() {
        return user + "@" + host + ":" + port;
    }
}
