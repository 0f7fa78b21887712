package dev.envclone.sql;

import java.util.ArrayList;
import java.util.List;

/** Oracle: "double quote" quoting, SQL*Plus steps that each set up their session and stop on the first error. */
final class OracleDialect implements Dialect {
    static final OracleDialect INSTANCE = new OracleDialect();

    private OracleDialect() {
    }

    @Override
    public Dbms dbms() {
        return Dbms.ORACLE;
    }

    @Override
    public NameRule identifierRule() {
        return NameRule.ORACLE_IDENTIFIER;
    }

    @Override
    public String concatenation() {
        return " || ";
    }

    @Override
    public String blankText() {
        return "' '"; // '' is NULL on Oracle
    }

    @Override
    public String quote(String checkedName) {
        return "\"" + checkedName.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public List<String> scriptHeader(ScriptTarget target) {
        return List.of(
                "Target: the imported platform schema " + target.adminSchema(),
                "Run in SQL*Plus (sqlplus <login> @<this file>). The first error rolls the open step back and ends",
                "SQL*Plus with a failure exit code. Each step sets its own session (WHENEVER, NLS, CURRENT_SCHEMA).");
    }

    @Override
    public String stepOpening(ScriptTarget target, String step) {
        // Every step repeats the session setup, as the document does section by section: a step pasted alone into
        // a new session still stops on the first error, compares names ignoring case (NAME <>'$OS_LOG_DB_7e3e8ce0'
        // must spare the log connection however it is spelled) and reaches the admin schema's tables.
        // EXIT FAILURE, not EXIT SQL.SQLCODE: the exit code is one byte on Unix, so SQLCODE modulo 256 can be 0
        // (ORA-01536) and a failed step would look like success. ALTER SESSION does not end the open transaction.
        return String.join("\n",
                "WHENEVER SQLERROR EXIT FAILURE ROLLBACK",
                "WHENEVER OSERROR EXIT FAILURE ROLLBACK",
                "SET SQLBLANKLINES ON",
                "ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI;",
                "ALTER SESSION SET CURRENT_SCHEMA = " + quote(target.adminSchema()) + ";");
    }

    @Override
    public String stepClosing() {
        return "COMMIT;";
    }

    @Override
    public SessionSetup sessionSetup(String adminSchema) {
        // The platform's tables belong to the admin user, while the login may be another user: the document runs
        // ALTER SESSION SET CURRENT_SCHEMA, which Connection.setSchema issues on ojdbc and which H2 understands.
        // NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI makes comparisons ignore case and accents, as the document's
        // statements expect (NAME <> '$OS_LOG_DB_7e3e8ce0' must spare '$os_log_db_7E3E8CE0'); H2 has no such
        // setting and imitates it with case-insensitive text columns (db.H2Mode).
        return new SessionSetup(adminSchema, List.of("ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI"));
    }

    @Override
    public boolean isProduct(String databaseProductName) {
        return databaseProductName != null && databaseProductName.startsWith("Oracle");
    }

    @Override
    public String fingerprintSql() {
        return "SELECT SYS_CONTEXT('USERENV','DB_UNIQUE_NAME'), SYS_CONTEXT('USERENV','CON_NAME'), "
                + "SYS_CONTEXT('USERENV','CURRENT_SCHEMA') FROM DUAL";
    }

    @Override
    public String scriptIfTableExists(String table, String sql, ScriptTarget target) {
        // Corrects the document's block: the table name was broken across a line (so it never matched), and
        // user_tables lists the login user's tables, not those of the schema set with CURRENT_SCHEMA.
        return String.join("\n",
                "DECLARE v_exists NUMBER(10,0);",
                "BEGIN",
                "  SELECT COUNT(*) INTO v_exists FROM all_tables",
                "  WHERE owner = " + literal(target.adminSchema()) + " AND table_name = "
                        + literal(table.toUpperCase(java.util.Locale.ROOT)) + ";",
                "  IF v_exists > 0 THEN",
                "    EXECUTE IMMEDIATE " + literal(sql) + ";",
                "  END IF;",
                "END;",
                "/");
    }

    @Override
    public String scriptForEachTable(TableDiscovery discovery, ScriptTarget target) {
        String rows = "(" + discovery.rowsQuery() + ") d";
        String owner = literal(target.adminSchema());
        // all_tables of the admin schema (the session's CURRENT_SCHEMA), not user_tables, which lists the login's
        // own; names compare in upper case, since the stored spelling need not be the dictionary's.
        String sameTable = "a.owner = " + owner + " AND UPPER(a.table_name) = UPPER(d.physical_table_name)";
        boolean oneModule = discovery.expected().oneModule();
        List<String> lines = new ArrayList<>(List.of("DECLARE", "  v_refused VARCHAR2(2000);"));
        if (oneModule) {
            lines.add("  v_modules NUMBER;");
        }
        lines.add("BEGIN");
        if (oneModule) {
            lines.addAll(List.of(
                    "  SELECT COUNT(DISTINCT d.espace_id) INTO v_modules FROM " + rows + ";",
                    "  IF v_modules > 1 THEN",
                    "    RAISE_APPLICATION_ERROR(-20002, " + literal("envclone: ossys_entity lists the "
                            + discovery.expected().tables() + "s in more than one module; envclone does not guess "
                            + "which one to empty. Nothing of this step ran.") + ");",
                    "  END IF;"));
        }
        lines.addAll(List.of(
                "  SELECT MIN(" + literal("envclone: " + discovery.expected().title() + " of entity ")
                        + " || d.entity_name || ' in module ' || d.espace_name || "
                        + literal(": ossys_entity.physical_table_name '") + " || d.physical_table_name || "
                        + literal("' is not exactly one OSUSR_ table of schema " + target.adminSchema()
                                + ". Nothing of this step ran.") + ")",
                "    INTO v_refused FROM " + rows,
                "    WHERE (SELECT COUNT(*) FROM all_tables a WHERE " + sameTable,
                "      AND SUBSTR(UPPER(a.table_name), 1, 6) = 'OSUSR_') <> 1;",
                "  IF v_refused IS NOT NULL THEN",
                "    RAISE_APPLICATION_ERROR(-20002, v_refused);",
                "  END IF;",
                "  FOR t IN (SELECT a.table_name FROM " + rows,
                "      INNER JOIN all_tables a ON " + sameTable,
                "      ORDER BY " + discovery.order() + ") LOOP",
                // The dictionary's own spelling, quoted as it is (FALSE: no folding to upper case).
                "    EXECUTE IMMEDIATE " + literal(discovery.statementPrefix())
                        + " || DBMS_ASSERT.ENQUOTE_NAME(t.table_name, FALSE)"
                        + (discovery.fullSuffix().isEmpty() ? "" : " || " + literal(discovery.fullSuffix())) + ";",
                "  END LOOP;",
                "END;",
                "/"));
        return String.join("\n", lines);
    }

    @Override
    public List<String> tableSchemas(String currentSchema) {
        // CURRENT_SCHEMA, set to the admin user for every session (sessionSetup, applied by db.TargetSession).
        return currentSchema == null ? List.of() : List.of(currentSchema);
    }

    @Override
    public String scriptBlock(RowsBlock block) {
        // With WHENEVER SQLERROR EXIT, the raised error stops SQL*Plus before any statement of the step runs.
        return String.join("\n",
                "DECLARE v_rows NUMBER;",
                "BEGIN",
                "  SELECT COUNT(*) INTO v_rows FROM " + block.table() + ";",
                "  IF v_rows > 0 THEN",
                "    RAISE_APPLICATION_ERROR(-20001, " + literal(block.message()) + ");",
                "  END IF;",
                "END;",
                "/");
    }

    @Override
    public String targetLockName(ScriptTarget target) {
        // DBMS_LOCK names are shared by the whole database; the admin schema is the platform database in it.
        return "envclone:" + target.adminSchema().toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String identifySessionSql() {
        // DBMS_APPLICATION_INFO is granted to PUBLIC; V$SESSION shows MODULE and CLIENT_INFO (64 bytes, the rest
        // is cut off by Oracle).
        return String.join("\n",
                "BEGIN",
                "  DBMS_APPLICATION_INFO.SET_MODULE(module_name => 'envclone', action_name => 'run');",
                "  DBMS_APPLICATION_INFO.SET_CLIENT_INFO(client_info => ?);",
                "END;");
    }

    @Override
    public String targetLockSql() {
        // ALLOCATE_UNIQUE commits (and records the name in DBMS_LOCK_ALLOCATED, Oracle's own table): it runs right
        // after connecting, with nothing of the run's pending. release_on_commit FALSE: the lock outlives every
        // step's commit and ends with the session. timeout 0: a lock held elsewhere returns 1 at once.
        return String.join("\n",
                "DECLARE",
                "  v_handle VARCHAR2(128);",
                "BEGIN",
                "  DBMS_LOCK.ALLOCATE_UNIQUE(lockname => ?, lockhandle => v_handle);",
                "  ? := DBMS_LOCK.REQUEST(lockhandle => v_handle, lockmode => DBMS_LOCK.X_MODE, timeout => 0,",
                "                         release_on_commit => FALSE);",
                "  ? := v_handle;",
                "END;");
    }

    @Override
    public LockOutcome targetLockOutcome(int code) {
        // DBMS_LOCK.REQUEST: 0 success, 1 timeout, 2 deadlock, 3 parameter error, 4 already own the lock,
        // 5 illegal lock handle.
        return switch (code) {
            case 0, 4 -> LockOutcome.GRANTED;
            case 1 -> LockOutcome.HELD_ELSEWHERE;
            default -> LockOutcome.FAILED;
        };
    }

    @Override
    public String targetLockUnavailable(int errorCode, String message) {
        // Without EXECUTE on DBMS_LOCK the block does not compile: ORA-06550 with
        // PLS-00201: identifier 'DBMS_LOCK' must be declared.
        boolean noDbmsLock = errorCode == 6550 && message != null && message.contains("PLS-00201")
                && message.toUpperCase(java.util.Locale.ROOT).contains("DBMS_LOCK");
        return noDbmsLock ? "this login may not use DBMS_LOCK (ORA-06550, PLS-00201: a DBA can GRANT EXECUTE ON "
                + "SYS.DBMS_LOCK to it)" : null;
    }

    @Override
    public String targetUnlockSql() {
        return String.join("\n",
                "DECLARE",
                "  v_result INTEGER;",
                "BEGIN",
                "  v_result := DBMS_LOCK.RELEASE(lockhandle => ?);",
                "END;");
    }

    @Override
    public String targetLockHolderSql() {
        // A user lock shows in V$LOCK as type UL with ID1 the lock id ALLOCATE_UNIQUE gave the name. V$ views
        // show this instance only (GV$ on RAC); without SELECT on them the query fails and the holder stays unnamed.
        return String.join("\n",
                "SELECT s.sid, s.machine, s.program, TO_CHAR(s.logon_time, 'YYYY-MM-DD\"T\"HH24:MI'), s.client_info",
                "FROM v$lock l",
                "JOIN v$session s ON s.sid = l.sid",
                "WHERE l.type = 'UL' AND l.lmode = 6",
                "  AND l.id1 = (SELECT a.lockid FROM sys.dbms_lock_allocated a WHERE a.name = ?)",
                "  AND s.sid <> TO_NUMBER(SYS_CONTEXT('USERENV', 'SID'))");
    }

    @Override
    public String identityInsert(String table, boolean on) {
        return null;
    }
}
