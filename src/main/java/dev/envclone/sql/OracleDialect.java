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
}
