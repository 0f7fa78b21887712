package dev.envclone.ui.cleanup;

/**
 * One statement of a cleanup step as the last preview or execution resolved it, with its row count.
 *
 * @param number 1-based position in the step, as in the engine's messages ("Statement 2 failed")
 * @param sql the statement as it runs
 * @param rows rows it would change (after a preview) or changed (after an execution)
 */
public record StatementRow(int number, String sql, long rows) {
}
