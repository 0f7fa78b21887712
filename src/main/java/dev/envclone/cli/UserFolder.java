package dev.envclone.cli;

import java.nio.file.Path;

/** envclone's per-user folder: ~/.envclone, or the folder the system property envclone.home names (tests). */
final class UserFolder {
    private UserFolder() {
    }

    static Path signing() {
        String home = System.getProperty("envclone.home");
        return (home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".envclone"))
                .resolve("signing");
    }
}
