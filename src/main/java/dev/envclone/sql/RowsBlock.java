package dev.envclone.sql;

/**
 * A step may not run while {@code table} has rows: the operator must first do something elsewhere (in Service
 * Center) that empties it. The engine checks it before the step; a script checks it at the start of the step.
 *
 * @param message what the operator must do, shown when the step is blocked
 */
public record RowsBlock(String table, String message) {

    public String countSql() {
        return "select count(*) from " + table;
    }
}
