package dev.envclone.sql;

/** Transact-SQL: [bracket] quoting, N'' literals, GO batches, one explicit transaction per step. */
final class SqlServerDialect implements Dialect {
    static final SqlServerDialect INSTANCE = new SqlServerDialect();

    private SqlServerDialect() {
    }

    @Override
    public Dbms dbms() {
        return Dbms.SQLSERVER;
    }

    @Override
    public String quote(String checkedName) {
        return "[" + checkedName.replace("]", "]]") + "]";
    }

    @Override
    public String literal(String value) {
        return "N'" + value.replace("'", "''") + "'";
    }

    @Override
    public String scriptPrologue(ScriptTarget target) {
        // USE binds the whole script to the restored catalog: run in the wrong query window, it still cannot touch
        // another database. XACT_ABORT makes any error roll back the open step's transaction.
        return "USE " + quote(target.catalog()) + ";\nGO\nSET XACT_ABORT ON;\nGO";
    }

    @Override
    public String beginStep() {
        return "BEGIN TRANSACTION;";
    }

    @Override
    public String endStep() {
        return "COMMIT TRANSACTION;\nGO";
    }

    @Override
    public String scriptIfTableExists(String table, String sql, ScriptTarget target) {
        // The document's own form: it runs on SQL Server as written.
        return "if exists (select * from information_schema.columns where table_name = '" + table + "') "
                + sql + ";";
    }

    @Override
    public String scriptForEachTable(String namesQuery, String statementPrefix, String statementSuffix) {
        return String.join("\n",
                "DECLARE @envclone_table sysname, @envclone_sql nvarchar(max);",
                "DECLARE envclone_tables CURSOR LOCAL FAST_FORWARD FOR",
                "    " + namesQuery + ";",
                "OPEN envclone_tables;",
                "FETCH NEXT FROM envclone_tables INTO @envclone_table;",
                "WHILE @@FETCH_STATUS = 0",
                "BEGIN",
                "    SET @envclone_sql = N'" + statementPrefix.replace("'", "''") + "' + QUOTENAME(@envclone_table)"
                        + (statementSuffix.isEmpty() ? "" : " + N'" + statementSuffix.replace("'", "''") + "'")
                        + ";",
                "    PRINT @envclone_sql;",
                "    EXEC sp_executesql @envclone_sql;",
                "    FETCH NEXT FROM envclone_tables INTO @envclone_table;",
                "END;",
                "CLOSE envclone_tables;",
                "DEALLOCATE envclone_tables;");
    }

    @Override
    public String scriptBlock(RowsBlock block) {
        // THROW under XACT_ABORT rolls the step back and ends the batch before any statement of the step runs.
        return "IF EXISTS (SELECT 1 FROM " + block.table() + ")\n    THROW 50000, " + literal(block.message())
                + ", 1;";
    }
}
