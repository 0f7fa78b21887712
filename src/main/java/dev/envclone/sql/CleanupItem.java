package dev.envclone.sql;

/**
 * One unit of a cleanup step: either a statement known in advance ({@link RowChange}) or a query whose result
 * names the tables to change ({@link TableDiscovery}).
 */
public sealed interface CleanupItem permits RowChange, TableDiscovery {
}
