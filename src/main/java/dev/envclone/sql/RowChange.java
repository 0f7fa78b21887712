package dev.envclone.sql;

/**
 * One DELETE or UPDATE of a cleanup step, with what is needed to show its effect before it runs.
 *
 * @param table the table it changes, as written in the statement (quoted if the name came from outside)
 * @param sql the statement envclone executes over JDBC, without terminator
 * @param where its WHERE condition, or null for every row; the preview and pre-image queries use the same one
 * @param requiresTable run only when {@code table} exists (tables that some platform versions lack)
 */
public record RowChange(String table, String sql, String where, boolean requiresTable) implements CleanupItem {

    public static RowChange delete(String table, String where) {
        return new RowChange(table, "delete from " + table + whereClause(where), where, false);
    }

    public static RowChange update(String table, String set, String where) {
        return new RowChange(table, "update " + table + " set " + set + whereClause(where), where, false);
    }

    /** A statement whose text is not the plain form (a rewrite of the document's join syntax). */
    public static RowChange custom(String table, String sql, String where) {
        return new RowChange(table, sql, where, false);
    }

    public RowChange whenTableExists() {
        return new RowChange(table, sql, where, true);
    }

    /** Counts the rows the statement will touch. */
    public String previewSql() {
        return "select count(*) from " + table + whereClause(where);
    }

    /** Selects the rows the statement will touch, as they are now. */
    public String preImageSql() {
        return "select * from " + table + whereClause(where);
    }

    private static String whereClause(String where) {
        return where == null ? "" : " where " + where;
    }
}
