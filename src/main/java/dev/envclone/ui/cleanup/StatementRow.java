package dev.envclone.ui.cleanup;

/**
 * One statement of a cleanup step as the last preview or execution resolved it, with its row count.
 *
 * @param number 1-based position in the step, as in the engine's messages ("Statement 2 failed")
 * @param sql the statement as it runs
 * @param rows rows it would change (after a preview) or changed (after an execution)
 * @param note what the statement is about (the security context: the user, what it owns, its login), or null
 */
public record StatementRow(int number, String sql, long rows, String note) {
    public StatementRow(int number, String sql, long rows) {
        this(number, sql, rows, null);
    }
}
