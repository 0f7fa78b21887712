package dev.envclone.sql;

import java.util.ArrayList;
import java.util.List;

/** Transact-SQL: [bracket] quoting, N'' literals, one guarded GO batch and one explicit transaction per step. */
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
    public List<String> scriptHeader(ScriptTarget target) {
        return List.of(
                "Target: the restored catalog " + target.catalog(),
                "Run with sqlcmd (sqlcmd -S <server> -E -i <this file>), or in SSMS with Query > SQLCMD Mode on.",
                "Without SQLCMD mode SSMS rejects each step's first line (:ON ERROR EXIT, a syntax error), so no",
                "step runs and nothing changes. Each step is one batch and one transaction: an error rolls the step",
                "back and :ON ERROR EXIT stops the script there.");
    }

    @Override
    public String stepOpening(ScriptTarget target, String step) {
        String catalog = target.catalog();
        // :ON ERROR EXIT is a sqlcmd command, read only at the start of a line: the first error ends the script
        // (sqlcmd closes its connection, which rolls back anything left open). Outside SQLCMD mode it is a syntax
        // error of this batch, so nothing of the step runs.
        // USE takes effect at compile and at run time, so the rest of the batch runs in the catalog; the DB_NAME()
        // check stops the batch if it did not (USE edited out, or failed without ending the batch).
        // XACT_ABORT OFF while refusing: THROW honours XACT_ABORT, and a refusal must leave a transaction it did not
        // open as it found it. ON for the step: a run-time error then rolls the whole transaction back.
        return String.join("\n",
                ":ON ERROR EXIT",
                "USE " + quote(catalog) + ";",
                "SET XACT_ABORT OFF;",
                "IF @@TRANCOUNT <> 0",
                "    THROW 50000, " + literal("envclone, " + step + ": this session already has a transaction "
                        + "open, perhaps of a step stopped by an error that rolls nothing back (a missing table, "
                        + "Msg 208). Nothing of this step ran. Run ROLLBACK TRANSACTION in this window (or COMMIT, "
                        + "if it is work of your own), then run the step again.") + ", 1;",
                "IF DB_NAME() <> " + literal(catalog),
                "    THROW 50000, " + literal("envclone, " + step + ": this session is not in database "
                        + catalog + ". Nothing of this step ran.") + ", 1;",
                "SET XACT_ABORT ON;",
                "BEGIN TRY",
                "BEGIN TRANSACTION;");
    }

    @Override
    public String stepClosing() {
        // Errors in the TRY (also inside sp_executesql, one level down) land in the CATCH: the step is rolled back
        // as a whole and the error raised again, so sqlcmd stops. THROW needs the statement before it ended by ';'.
        return String.join("\n",
                "COMMIT TRANSACTION;",
                "END TRY",
                "BEGIN CATCH",
                "    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;",
                "    THROW;",
                "END CATCH;",
                "GO");
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
        // Inside the step's TRY: the THROW goes to its CATCH, which rolls the step back before any statement ran.
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

    @Override
    public String identityInsert(String table, boolean on) {
        // SET IDENTITY_INSERT: one table per session at a time; the caller switches it off again.
        return "set identity_insert " + table + (on ? " on" : " off");
    }
}
