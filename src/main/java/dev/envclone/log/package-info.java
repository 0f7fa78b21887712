/**
 * envclone's log file: where it is (the user folder's {@code logs/envclone.log}), how Logback writes it (owner-only,
 * rolled by day and size, secrets in URLs masked once more), and what an error nobody caught leaves in it. The
 * engine logs through SLF4J alone; only this package knows Logback. See docs/decisions/0012.
 */
package dev.envclone.log;
