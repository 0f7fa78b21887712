package dev.envclone.cli;

import dev.envclone.procedure.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --ssh USER@HOST[:PORT] --ssh-key FILE [--ssh-known-hosts FILE]} as {@link SshSettings}: checked before
 * anything is connected or written. No password option: one is asked when the route needs it, never given here.
 */
final class SshOption {
    private static final String FORM = "give --ssh USER@HOST or USER@HOST:PORT";

    private SshOption() {
    }

    /** @return the settings, or null when {@code --ssh} is not given (then the key options must not be either) */
    static SshSettings parse(String ssh, Path key, Path knownHosts) {
        if (ssh == null) {
            if (key != null || knownHosts != null) {
                throw new IllegalArgumentException((key != null ? "--ssh-key" : "--ssh-known-hosts") + " needs --ssh "
                        + "USER@HOST[:PORT]: the database host Data Pump runs on");
            }
            return null;
        }
        int at = ssh.indexOf('@');
        if (at <= 0 || at == ssh.length() - 1 || ssh.indexOf('@', at + 1) >= 0) {
            throw new IllegalArgumentException("--ssh " + ssh + ": no user or no host: " + FORM);
        }
        String user = ssh.substring(0, at);
        if (!user.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}")) {
            throw new IllegalArgumentException("--ssh: user '" + user + "' is not an OS account name (letters, "
                    + "digits, '.', '-', '_'): " + FORM);
        }
        String rest = ssh.substring(at + 1);
        int port = 22;
        String host = rest;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && !rest.endsWith("]")) {
            host = rest.substring(0, colon);
            String digits = rest.substring(colon + 1);
            if (!digits.matches("[0-9]{1,5}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
                throw new IllegalArgumentException("--ssh: port '" + digits + "' is not allowed: give a number from 1 "
                        + "to 65535");
            }
            port = Integer.parseInt(digits);
        }
        if (!host.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}|\\[[0-9A-Fa-f:.]{2,45}]")) {
            throw new IllegalArgumentException("--ssh: host '" + host + "' is not allowed: give a host name or "
                    + "address (" + FORM + ")");
        }
        return new SshSettings(host, port, user, file("--ssh-key", key), file("--ssh-known-hosts", knownHosts));
    }

    private static String file(String option, Path file) {
        if (file == null) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " " + file + ": no such file");
        }
        return file.toAbsolutePath().normalize().toString();
    }
}
