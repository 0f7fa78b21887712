package dev.envclone.sql;

/**
 * One unit of a cleanup step: either a statement known in advance ({@link RowChange}), a query whose result
 * names the tables to change ({@link TableDiscovery}), or the restored database users whose ownerships the
 * catalog tells ({@link SecurityContext}).
 */
public sealed interface CleanupItem permits RowChange, TableDiscovery, SecurityContext {
}
