package dev.envclone.sql;

import java.util.List;
import java.util.Locale;

/**
 * A cleanup whose tables are known only from the database: ossys_entity rows, joined to their module, each naming a
 * physical table that becomes {@code statementPrefix + quoted name + statementSuffix}.
 *
 * <p>The document builds the statements as text in SQL ({@code 'update ' + physical_table_name + ...}) and has the
 * operator paste them. envclone reads the rows instead and checks each one as it would a name typed by the
 * operator: the entity and module are the ones the step asked for ({@link ExpectedEntities}), the name is an
 * application table of the platform schema ({@link #applicationTable}), and the table exists in the data
 * dictionary, whose spelling the statement then uses (done where the connection is, {@code CleanupStatements}).
 * Text stored in the database is never executed as SQL.
 *
 * @param documentQuery the document's query, shown in scripts so the operator sees what it lists
 * @param entities the FROM and WHERE of the query over {@code ossys_entity} and {@code ossys_espace}, written with
 *                 those table names (the select list is {@link #COLUMNS})
 * @param order the ORDER BY over the columns of {@link #COLUMNS} as {@code d.name}; the order the statements run in
 * @param statementPrefix e.g. {@code "delete from "}
 * @param statementSuffix e.g. {@code " set isactive=0"}, or empty
 * @param where the WHERE condition of each generated statement, or null
 * @param expected the entities and modules the query asks for, checked again on every row
 * @param doneWhen for generated UPDATEs, the condition a row meets once updated ({@link RowChange#doneWhen()});
 *     null for DELETEs
 */
public record TableDiscovery(String documentQuery, String entities, String order, String statementPrefix,
                             String statementSuffix, String where, ExpectedEntities expected, String doneWhen)
        implements CleanupItem {

    /** What the rows query returns, in this order; scripts and {@link #namesQuery()} read them by these names. */
    public static final String COLUMNS = "ossys_entity.physical_table_name AS physical_table_name, "
            + "ossys_entity.name AS entity_name, ossys_entity.ss_key AS entity_ss_key, ossys_espace.id AS espace_id, "
            + "ossys_espace.name AS espace_name, ossys_espace.is_active AS espace_active";

    /** The end of every refusal: what was done and what the operator can do. */
    static final String NOTHING_RAN = "Nothing of the step ran. Check ossys_entity in the restored database, or "
            + "clean these tables by hand and mark the step done by the DBA.";

    private static final String APPLICATION_PREFIX = "OSUSR_";
    private static final String PLATFORM_PREFIX = "OSSYS_";

    /** The rows, unordered: a derived table for scripts, which join it to the data dictionary. */
    public String rowsQuery() {
        return "SELECT " + COLUMNS + " " + entities;
    }

    /** The rows in the order the statements run; the engine reads them with this query. */
    public String namesQuery() {
        return "SELECT d.* FROM (" + rowsQuery() + ") d ORDER BY " + order;
    }

    /** Refuses the first row that is not of an entity and module the step asked for. */
    public void checkRows(List<DiscoveredTable> rows) {
        expected.check(this, rows);
    }

    /**
     * The row's physical name if it can only be an application table of the platform schema: not empty, not
     * qualified with a schema, a plain name ({@link NameRule#PHYSICAL_TABLE}), never a platform table (OSSYS_),
     * and starting with OSUSR_ as every OutSystems application table does (ignoring case: the stored case need
     * not be the table's).
     */
    public String applicationTable(DiscoveredTable row) {
        String name = row.physicalTableName();
        if (name == null || name.isEmpty()) {
            throw refused(row, "is empty");
        }
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            throw refused(row, "names a table of schema " + shown(name.substring(0, dot))
                    + "; envclone cleans only tables of the platform schema");
        }
        try {
            NameRule.PHYSICAL_TABLE.check("physical table name", name);
        } catch (InvalidNameException e) {
            throw refused(row, "is not a plain table name: OutSystems physical table names have only letters, "
                    + "digits and _");
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith(PLATFORM_PREFIX)) {
            throw refused(row, "is a platform table (" + PLATFORM_PREFIX + "), not an application table: the step "
                    + "empties only application tables (" + APPLICATION_PREFIX + ")");
        }
        if (!upper.startsWith(APPLICATION_PREFIX)) {
            throw refused(row, "is not an application table: OutSystems application tables start with "
                    + APPLICATION_PREFIX);
        }
        return name;
    }

    /** The statement for one discovered table, named as the data dictionary spells it. */
    public RowChange changeFor(Dialect dialect, String dictionaryName) {
        String table = dialect.quote(dictionaryName);
        String sql = statementPrefix + table + fullSuffix();
        return doneWhen == null ? RowChange.customDelete(table, sql, where)
                : RowChange.customUpdate(table, sql, where, doneWhen);
    }

    /** What follows the table name in each statement: the suffix and the WHERE condition. */
    String fullSuffix() {
        return statementSuffix + (where == null ? "" : " where " + where);
    }

    /** The refusal of one row: the entity, its module, the stored value and the rule it breaks. */
    public RefusedTableException refused(DiscoveredTable row, String rule) {
        return new RefusedTableException(expected.title() + " of entity " + shown(row.entity()) + " in module "
                + shown(row.module()) + ": ossys_entity.physical_table_name '" + shown(row.physicalTableName())
                + "' " + rule + ". " + NOTHING_RAN);
    }

    /** A value read from the database as a one-line message shows it. */
    static String shown(String value) {
        return value == null ? "" : NameRule.printable(value);
    }
}
