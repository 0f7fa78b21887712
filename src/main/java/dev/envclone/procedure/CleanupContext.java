package dev.envclone.procedure;

import dev.envclone.sql.Dialect;

/** What a cleanup definition needs to produce its statements: the dialect and the checked admin user. */
public record CleanupContext(Dialect dialect, String adminUser) {
}
