package dev.envclone.run;

import dev.envclone.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.Path;

/**
 * envclone's per-user folder: ~/.envclone, or the folder the system property envclone.home names (tests, and an
 * operator who keeps it elsewhere). The self-signed signing key, the wizard's settings, rehearsals, new runs and the
 * log ({@code logs/envclone.log}) live under it; the command line and the wizard find it here, the same way.
 */
public final class UserFolder {
    private UserFolder() {
    }

    public static Path home() {
        String home = System.getProperty("envclone.home");
        return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".envclone");
    }

    /**
     * The user folder, made owner-only: created so, or tightened when an earlier envclone left it readable by
     * others (it holds the signing key and the rehearsals' run folders).
     */
    public static Path create() throws IOException {
        return OwnerOnly.folder(home(), "user folder");
    }
}
