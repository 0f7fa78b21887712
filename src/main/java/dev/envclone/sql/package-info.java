/**
 * SQL as text: the two dialects (quoting, literals, script batches and transactions), the rules every name must
 * pass before it is spliced, cleanup statements with their preview and pre-image queries, and script rendering.
 * Knows nothing of plans or steps.
 */
package dev.envclone.sql;
