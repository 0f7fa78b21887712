package dev.envclone.sql;

/**
 * One DELETE or UPDATE of a cleanup step, with what is needed to show its effect before it runs and to check it
 * afterwards.
 *
 * @param table the table it changes, as written in the statement (quoted if the name came from outside)
 * @param sql the statement envclone executes over JDBC, without terminator
 * @param where its WHERE condition, or null for every row; the preview and pre-image queries use the same one
 * @param requiresTable run only when {@code table} exists (tables that some platform versions lack)
 * @param doneWhen for an UPDATE, the condition a row meets once the update has reached it (its new values); null
 *     for a DELETE, whose rows are simply gone. It is what "done" means for the statement in the database: see
 *     {@link #remainingSql()}.
 * @param ddl true for a statement that changes the catalog rather than rows ({@link #catalogChange}): its
 *     {@code table} is the catalog view whose selected rows it makes disappear, and what it changed is measured
 *     there, since a DDL statement's update count says nothing
 * @param note what the statement is about, for the operator (the user, and the login its SID maps to); null for
 *     row changes, whose SQL says it all
 */
public record RowChange(String table, String sql, String where, boolean requiresTable, String doneWhen,
                        boolean ddl, String note) implements CleanupItem {

    public RowChange(String table, String sql, String where, boolean requiresTable, String doneWhen) {
        this(table, sql, where, requiresTable, doneWhen, false, null);
    }

    /**
     * A DDL statement over the rows {@code where} selects in the catalog view {@code view}: once it has run, the
     * view selects none (a dropped user's row is gone; a schema given to dbo no longer has the user as owner). So
     * the preview, pre-image and postcondition queries are those of a DELETE of those rows.
     */
    public static RowChange catalogChange(String view, String sql, String where, String note) {
        return new RowChange(view, sql, where, false, null, true, note);
    }

    public static RowChange delete(String table, String where) {
        return new RowChange(table, "delete from " + table + whereClause(where), where, false, null);
    }

    /**
     * @param set the SET list
     * @param doneWhen the same values as a condition (see the record's doc)
     */
    public static RowChange update(String table, String set, String where, String doneWhen) {
        return new RowChange(table, "update " + table + " set " + set + whereClause(where), where, false,
                required(doneWhen));
    }

    /** A DELETE whose text is not the plain form. */
    public static RowChange customDelete(String table, String sql, String where) {
        return new RowChange(table, sql, where, false, null);
    }

    /** An UPDATE whose text is not the plain form (a rewrite of the document's join syntax). */
    public static RowChange customUpdate(String table, String sql, String where, String doneWhen) {
        return new RowChange(table, sql, where, false, required(doneWhen));
    }

    public RowChange whenTableExists() {
        return new RowChange(table, sql, where, true, doneWhen, ddl, note);
    }

    /** Counts the rows the statement will touch. */
    public String previewSql() {
        return "select count(*) from " + table + whereClause(where);
    }

    /** Selects the rows the statement will touch, as they are now. */
    public String preImageSql() {
        return "select * from " + table + whereClause(where);
    }

    /**
     * For an UPDATE, selects the rows that have its new values (null for a DELETE or DDL): taken in the step's
     * transaction after it ran, it is the state a restore finds unchanged before it puts the old values back.
     */
    public String postImageSql() {
        return doneWhen == null || ddl ? null : "select * from " + table + " where " + doneWhen;
    }

    /**
     * Counts the rows the statement would still change: zero once its effect is in the database (the step's
     * postcondition). A DELETE leaves none of its rows; an UPDATE leaves none of its rows without its new values.
     * A row whose {@code doneWhen} is unknown (a NULL compared) counts as not done.
     */
    public String remainingSql() {
        if (doneWhen == null) {
            return previewSql();
        }
        return "select count(*) from " + table + " where " + (where == null ? "" : "(" + where + ") and ")
                + "(case when " + doneWhen + " then 1 else 0 end) = 0";
    }

    private static String whereClause(String where) {
        return where == null ? "" : " where " + where;
    }

    private static String required(String doneWhen) {
        if (doneWhen == null || doneWhen.isBlank()) {
            throw new IllegalArgumentException("an UPDATE declares the condition its rows meet once done");
        }
        return doneWhen;
    }
}
