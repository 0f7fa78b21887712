package dev.envclone.cli;

import dev.envclone.procedure.PlanValidator;
import dev.envclone.procedure.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --ssh USER@HOST[:PORT] --ssh-key FILE [--ssh-known-hosts FILE]} as {@link SshSettings}: checked before
 * anything is connected or written. No password option: one is asked when the route needs it, never given here.
 */
final class SshOption {
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
        SshSettings parsed;
        try {
            parsed = SshSettings.parse(ssh, file("--ssh-key", key), file("--ssh-known-hosts", knownHosts));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--ssh: " + e.getMessage());
        }
        // The same rules as the plan's --ssh: one rule, whichever command takes the host.
        List<String> problems = PlanValidator.sshProblems(parsed);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("--ssh " + ssh + ": " + String.join("; ", problems));
        }
        return parsed;
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
