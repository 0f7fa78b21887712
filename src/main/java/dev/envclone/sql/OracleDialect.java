package dev.envclone.sql;

/** Oracle: "double quote" quoting, SQL*Plus scripts that stop on the first error, COMMIT per step. */
final class OracleDialect implements Dialect {
    static final OracleDialect INSTANCE = new OracleDialect();

    private OracleDialect() {
    }

    @Override
    public Dbms dbms() {
        return Dbms.ORACLE;
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
    public String scriptPrologue(ScriptTarget target) {
        // The document repeats these two lines in every section; SQL*Plus keeps them for the session, so once is
        // enough, and it also covers the sections where the document forgot them.
        return String.join("\n",
                "WHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK",
                "SET SQLBLANKLINES ON",
                "ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI;",
                "ALTER SESSION SET CURRENT_SCHEMA = " + quote(target.adminSchema()) + ";");
    }

    @Override
    public String beginStep() {
        return "";
    }

    @Override
    public String endStep() {
        return "COMMIT;";
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
    public String scriptForEachTable(String namesQuery, String statementPrefix, String statementSuffix) {
        return String.join("\n",
                "BEGIN",
                "  FOR t IN (" + namesQuery + ") LOOP",
                "    EXECUTE IMMEDIATE " + literal(statementPrefix)
                        + " || DBMS_ASSERT.ENQUOTE_NAME(t.physical_table_name, FALSE)"
                        + (statementSuffix.isEmpty() ? "" : " || " + literal(statementSuffix)) + ";",
                "  END LOOP;",
                "END;",
                "/");
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
}
