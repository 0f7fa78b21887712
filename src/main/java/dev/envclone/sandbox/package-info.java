/**
 * The rehearsal sandbox: an H2 database in the target DBMS's compatibility mode, shaped like a platform database
 * restored from production, with rows for every cleanup step; and what the sandbox does in place of Service Center
 * during a rehearsal (the extensions' unmap).
 */
package dev.envclone.sandbox;
