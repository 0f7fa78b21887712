package dev.envclone.sql;

import java.util.ArrayList;
import java.util.List;

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
    public NameRule identifierRule() {
        return NameRule.SQLSERVER_IDENTIFIER;
    }

    @Override
    public String concatenation() {
        return " + ";
    }

    @Override
    public String blankText() {
        return "''";
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
    public SessionSetup sessionSetup(String adminSchema) {
        // The connection's database is the catalog; the platform's tables are in dbo, which an unqualified name
        // reaches after the login's default schema (tableSchemas). Comparisons follow the catalog's collation,
        // case-insensitive by default, as the document's statements expect. Nothing to set.
        return new SessionSetup(null, List.of());
    }

    @Override
    public boolean isProduct(String databaseProductName) {
        return databaseProductName != null && databaseProductName.startsWith("Microsoft SQL Server");
    }

    @Override
    public String fingerprintSql() {
        return "SELECT @@SERVERNAME, DB_NAME(), CONVERT(varchar(33), create_date, 126) FROM sys.databases "
                + "WHERE name = DB_NAME()";
    }

    @Override
    public String scriptIfTableExists(String table, String sql, ScriptTarget target) {
        // The document's own form: it runs on SQL Server as written.
        return "if exists (select * from information_schema.columns where table_name = '" + table + "') "
                + sql + ";";
    }

    @Override
    public String scriptForEachTable(TableDiscovery discovery, ScriptTarget target) {
        String rows = "(" + discovery.rowsQuery() + ") d";
        // The platform's tables are in dbo; names compare in upper case whatever the catalog's collation.
        String sameTable = "t.schema_id = SCHEMA_ID(N'dbo') AND UPPER(t.name) = UPPER(d.physical_table_name)";
        List<String> lines = new ArrayList<>(List.of(
                "DECLARE @envclone_table sysname, @envclone_sql nvarchar(max), @envclone_refused nvarchar(2048);"));
        if (discovery.expected().oneModule()) {
            lines.add("IF (SELECT COUNT(DISTINCT d.espace_id) FROM " + rows + ") > 1");
            lines.add("    THROW 50000, " + literal("envclone: ossys_entity lists the " + discovery.expected().tables()
                    + "s in more than one module; envclone does not guess which one to empty. Nothing of this step "
                    + "ran.") + ", 1;");
        }
        lines.addAll(List.of(
                // CONCAT, unlike +, never turns the message into NULL (which would let the check pass).
                "SELECT TOP (1) @envclone_refused = CONCAT(" + literal("envclone: " + discovery.expected().title()
                        + " of entity ") + ", d.entity_name, N' in module ', d.espace_name, "
                        + literal(": ossys_entity.physical_table_name '") + ", d.physical_table_name, "
                        + literal("' is not exactly one OSUSR_ table of schema dbo. Nothing of this step ran.") + ")",
                "FROM " + rows,
                "WHERE (SELECT COUNT(*) FROM sys.tables t WHERE " + sameTable,
                "    AND LEFT(UPPER(t.name), 6) = N'OSUSR_') <> 1",
                "ORDER BY d.physical_table_name;",
                "IF @envclone_refused IS NOT NULL",
                "BEGIN",
                // THROW reads % in its message as a format character.
                "    SET @envclone_refused = REPLACE(@envclone_refused, N'%', N'%%');",
                "    THROW 50000, @envclone_refused, 1;",
                "END;",
                "DECLARE envclone_tables CURSOR LOCAL FAST_FORWARD FOR",
                "    SELECT t.name FROM " + rows,
                "    INNER JOIN sys.tables t ON " + sameTable,
                "    ORDER BY " + discovery.order() + ";",
                "OPEN envclone_tables;",
                "FETCH NEXT FROM envclone_tables INTO @envclone_table;",
                "WHILE @@FETCH_STATUS = 0",
                "BEGIN",
                // Qualified with dbo: the table the check found, whatever the login's default schema.
                "    SET @envclone_sql = " + literal(discovery.statementPrefix() + "dbo.")
                        + " + QUOTENAME(@envclone_table)"
                        + (discovery.fullSuffix().isEmpty() ? "" : " + " + literal(discovery.fullSuffix())) + ";",
                "    PRINT @envclone_sql;",
                "    EXEC sp_executesql @envclone_sql;",
                "    FETCH NEXT FROM envclone_tables INTO @envclone_table;",
                "END;",
                "CLOSE envclone_tables;",
                "DEALLOCATE envclone_tables;"));
        return String.join("\n", lines);
    }

    @Override
    public List<String> tableSchemas(String currentSchema) {
        // As SQL Server resolves an unqualified name: the login's default schema, then dbo (the platform's).
        if (currentSchema == null || currentSchema.equalsIgnoreCase("dbo")) {
            return List.of("dbo");
        }
        return List.of(currentSchema, "dbo");
    }

    @Override
    public String scriptBlock(RowsBlock block) {
        // THROW under XACT_ABORT rolls the step back and ends the batch before any statement of the step runs.
        return "IF EXISTS (SELECT 1 FROM " + block.table() + ")\n    THROW 50000, " + literal(block.message())
                + ", 1;";
    }

    @Override
    public String targetLockName(ScriptTarget target) {
        // Application locks are scoped to the current database already; the catalog makes the name readable in
        // sys.dm_tran_locks, which shows its first 32 characters.
        return "envclone:" + target.catalog();
    }

    @Override
    public String identifySessionSql() {
        // The program name is fixed at login; CONTEXT_INFO (128 bytes, 64 UTF-16 characters) is what a session can
        // still say about itself, and sys.dm_exec_sessions shows it. SET CONTEXT_INFO takes only a variable.
        return String.join("\n",
                "DECLARE @envclone_info varbinary(128) = CAST(CAST(? AS nvarchar(64)) AS varbinary(128));",
                "SET CONTEXT_INFO @envclone_info;");
    }

    @Override
    public String targetLockSql() {
        // Session owner: the lock outlives every step's commit and ends with the session, also when the process
        // is killed. LockTimeout 0: a lock held elsewhere returns -1 at once instead of waiting.
        return String.join("\n",
                "DECLARE @envclone_result int;",
                "EXEC @envclone_result = sp_getapplock @Resource = ?, @LockMode = 'Exclusive', "
                        + "@LockOwner = 'Session', @LockTimeout = 0;",
                "SELECT @envclone_result;");
    }

    @Override
    public LockOutcome targetLockOutcome(int code) {
        // sp_getapplock: 0 granted, 1 granted after waiting, -1 timed out, -2 cancelled, -3 deadlock victim,
        // -999 parameter or other call error.
        if (code >= 0) {
            return LockOutcome.GRANTED;
        }
        return code == -1 ? LockOutcome.HELD_ELSEWHERE : LockOutcome.FAILED;
    }

    @Override
    public String targetLockUnavailable(int errorCode, String message) {
        // sp_getapplock needs membership in public only: every login that can run the cleanup may take the lock.
        return null;
    }

    @Override
    public String targetUnlockSql() {
        return "EXEC sp_releaseapplock @Resource = ?, @LockOwner = 'Session';";
    }

    @Override
    public String targetLockHolderSql() {
        // resource_description of an application lock is <principal id>:<first 32 characters>:(<hash>).
        return String.join("\n",
                "SELECT s.session_id, s.host_name, s.program_name, CONVERT(varchar(16), s.login_time, 126),",
                "       CAST(s.context_info AS nvarchar(64))",
                "FROM sys.dm_tran_locks AS l",
                "JOIN sys.dm_exec_sessions AS s ON s.session_id = l.request_session_id",
                "WHERE l.resource_type = N'APPLICATION' AND l.resource_database_id = DB_ID()",
                "  AND l.request_owner_type = N'SESSION' AND l.request_mode = N'X'",
                "  AND CHARINDEX(LEFT(?, 32), l.resource_description) > 0",
                "  AND l.request_session_id <> @@SPID;");
    }
}
