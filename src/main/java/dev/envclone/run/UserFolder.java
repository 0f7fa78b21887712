package dev.envclone.run;

import java.nio.file.Path;

/**
 * envclone's per-user folder: ~/.envclone, or the folder the system property envclone.home names (tests, and an
 * operator who keeps it elsewhere). The self-signed signing key, the wizard's settings, rehearsals and new runs live
 * under it; the command line and the wizard find it here, the same way.
 */
public final class UserFolder {
    private UserFolder() {
    }

    public static Path home() {
        String home = System.getProperty("envclone.home");
        return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".envclone");
    }
}
