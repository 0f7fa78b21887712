package dev.envclone.sql;

import java.util.List;

/**
 * Everything that differs between SQL Server and Oracle when envclone writes or runs SQL: quoting, literals,
 * how a script separates batches and transactions, and how a session is prepared. Nothing outside this class and
 * its two implementations knows those differences.
 */
public interface Dialect {

    Dbms dbms();

    /** Quotes a name that has already passed its {@link NameRule}. */
    String quote(String checkedName);

    /** A string literal; the value has passed a {@link NameRule}, quotes are doubled all the same. */
    String literal(String value);

    /**
     * The lines that open a script run by hand (SSMS or SQL*Plus) against the target: pick the target database or
     * schema, make errors stop the script.
     */
    String scriptPrologue(ScriptTarget target);

    /** Opens one step's transaction in a script. */
    String beginStep();

    /** Ends one step in a script: commit, and for SQL Server the batch separator. */
    String endStep();

    /** One statement as it is written in a script (with its terminator). */
    default String scriptStatement(String sql) {
        return sql + ";";
    }

    /**
     * A statement that runs only when a table exists, as written in a script. The engine does the same check in
     * Java ({@code DatabaseMetaData}) because neither form runs on H2 and the PL/SQL form needs no-one to guess
     * the owner.
     */
    String scriptIfTableExists(String table, String sql, ScriptTarget target);

    /**
     * A script block that applies a discovery's rules on the server, as the engine does in Java: it stops the
     * script (rolling the step back) naming the value when a discovered name is not exactly one OSUSR_ table of
     * the platform schema in the data dictionary (or, where the discovery asks for one module, when the rows come
     * from several), then executes {@code statementPrefix + name + suffix} for each row with the name as the
     * dictionary spells it, quoted on the server.
     */
    String scriptForEachTable(TableDiscovery discovery, ScriptTarget target);

    /**
     * The schemas an unqualified table name resolves to on a session, in the order the DBMS tries them: where
     * envclone looks a table up in the data dictionary. Empty when the session has no current schema (nothing is
     * then found, rather than every schema searched).
     */
    List<String> tableSchemas(String currentSchema);

    /** Stops the script, rolling back the open step, when the block's table has rows. */
    String scriptBlock(RowsBlock block);

    static Dialect of(Dbms dbms) {
        return switch (dbms) {
            case SQLSERVER -> SqlServerDialect.INSTANCE;
            case ORACLE -> OracleDialect.INSTANCE;
        };
    }

    /** What a script is run against: the SQL Server catalog, or the Oracle schema of the platform admin user. */
    record ScriptTarget(String catalog, String adminSchema) {
    }
}
