package dev.envclone.sql;

/**
 * A cleanup whose tables are known only from the database: {@code namesQuery} returns physical table names (one
 * column), and each name becomes {@code statementPrefix + quoted name + statementSuffix}.
 *
 * <p>The document builds the statements as text in SQL ({@code 'update ' + physical_table_name + ...}) and has the
 * operator paste them. envclone reads the names instead, checks each against {@link NameRule#PHYSICAL_TABLE} and
 * quotes it, so text stored in the database is never executed as SQL.
 *
 * @param documentQuery the document's query, shown in scripts so the operator sees what it lists
 * @param namesQuery the query envclone runs; its order is the order the statements run in
 * @param statementPrefix e.g. {@code "delete from "}
 * @param statementSuffix e.g. {@code " set isactive=0"}, or empty
 * @param where the WHERE condition of each generated statement, or null
 * @param doneWhen for generated UPDATEs, the condition a row meets once updated ({@link RowChange#doneWhen()});
 *     null for DELETEs
 */
public record TableDiscovery(String documentQuery, String namesQuery, String statementPrefix, String statementSuffix,
                             String where, String doneWhen) implements CleanupItem {

    /** The statement for one discovered table, after checking its name. */
    public RowChange changeFor(Dialect dialect, String physicalTableName) {
        String table = dialect.quote(NameRule.PHYSICAL_TABLE.check("physical table name from ossys_entity",
                physicalTableName));
        String sql = statementPrefix + table + statementSuffix + (where == null ? "" : " where " + where);
        return doneWhen == null ? RowChange.customDelete(table, sql, where)
                : RowChange.customUpdate(table, sql, where, doneWhen);
    }
}
