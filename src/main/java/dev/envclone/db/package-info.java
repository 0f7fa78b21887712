/**
 * The engine's side of a database: opening connections (to the restored platform database, or to an H2 database in
 * the matching compatibility mode for tests and rehearsals), each one a {@link dev.envclone.db.TargetSession} set
 * up as the dialect says; inspecting what the database holds before a statement depends on it; and running the
 * cleanup statements. Synchronous and free of any user interface: no JavaFX here.
 */
package dev.envclone.db;
