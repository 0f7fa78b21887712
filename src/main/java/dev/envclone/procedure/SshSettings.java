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
}
