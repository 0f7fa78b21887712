package dev.envclone.sql;

import java.util.List;

/**
 * Everything that differs between SQL Server and Oracle when envclone writes or runs SQL: quoting, literals,
 * how a script separates batches and transactions, and how a session is prepared. Nothing outside this class and
 * its two implementations knows those differences.
 */
public interface Dialect {

    Dbms dbms();

    /** The rule a platform user, schema or catalog name follows on this DBMS (Oracle folds it to upper case). */
    NameRule identifierRule();

    /** The operator that joins two strings in SQL: {@code +} (T-SQL) or {@code ||} (Oracle), with spaces. */
    String concatenation();

    /**
     * The literal a text column is blanked with: {@code ''} on SQL Server; on Oracle {@code ' '}, because there
     * {@code ''} is NULL (the document's Oracle part writes it so).
     */
    String blankText();

    /** Quotes a name that has already passed its {@link NameRule}. */
    String quote(String checkedName);

    /** A string literal; the value has passed a {@link NameRule}, quotes are doubled all the same. */
    String literal(String value);

    /**
     * Comment lines (without "-- ") for the top of a script run by hand: what it runs against, and how to run it
     * so that the first error stops it.
     */
    List<String> scriptHeader(ScriptTarget target);

    /**
     * The lines that open one step of a script run by hand. Each step carries its whole session setup and its
     * guards, so that the step alone, pasted into a new window, runs where and as the file would: the target
     * database or schema, stop on the first error, and (SQL Server) a refusal when the session is elsewhere or
     * already in a transaction, then the opening of the step's transaction.
     *
     * @param step what the refusals name, e.g. "Step 4: Clean up the front-end listing"
     */
    String stepOpening(ScriptTarget target, String step);

    /** Ends one step in a script: commit, for SQL Server the rollback and re-raise of any error, and the batch end. */
    String stepClosing();

    /**
     * How every JDBC session on the target is prepared ({@code db.TargetSession} applies it): the same for a run,
     * the wizard's connection check, {@code envclone fingerprint} and the sandbox helpers.
     *
     * @param adminSchema the platform admin user, already checked by its name rule; null where none is known
     */
    SessionSetup sessionSetup(String adminSchema);

    /**
     * Whether a JDBC driver reporting this {@code DatabaseMetaData.getDatabaseProductName()} is this DBMS itself,
     * not H2 in its compatibility mode: only there do {@link SessionSetup#statements()} and
     * {@link #fingerprintSql()} run.
     */
    boolean isProduct(String databaseProductName);

    /**
     * One row naming the database exactly, columns joined with {@code /} into its fingerprint: SQL Server the
     * server, the database and its creation date (a restore gives a new date); Oracle the database's unique name,
     * its container and the current schema (an import into the same database differs by schema).
     */
    String fingerprintSql();

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

    /**
     * The name of envclone's application lock on a target, one per platform database: {@code envclone:} and the
     * catalog (SQL Server, where application locks are scoped to the current database anyway) or the admin schema
     * (Oracle, where DBMS_LOCK names are shared by the whole database). Bound as a parameter, never spliced.
     */
    String targetLockName(ScriptTarget target);

    /**
     * Makes this session recognisable to a DBA and to a refused second run: one parameter, a short text saying
     * who holds the run (SQL Server: CONTEXT_INFO; Oracle: DBMS_APPLICATION_INFO module and client info).
     */
    String identifySessionSql();

    /**
     * Requests the exclusive application lock at session level, without waiting. SQL Server: one parameter (the
     * lock name), one result set with the return code of {@code sp_getapplock}. Oracle: an anonymous block with
     * three parameters: 1 IN the lock name, 2 OUT the return code of {@code DBMS_LOCK.REQUEST}, 3 OUT the lock
     * handle; {@code ALLOCATE_UNIQUE} commits, so it runs before anything else in the session.
     */
    String targetLockSql();

    /** What a {@link #targetLockSql()} return code means. */
    LockOutcome targetLockOutcome(int code);

    /**
     * When an error of {@link #targetLockSql()} means that this login may not use the DBMS's lock at all (Oracle
     * without EXECUTE on DBMS_LOCK), why, in words for the journal: the run then goes on with that warning instead
     * of a lock. Null for any other error, which stops the run.
     */
    String targetLockUnavailable(int errorCode, String message);

    /** Releases the lock: one parameter, the lock name (SQL Server) or the handle {@link #targetLockSql()} gave. */
    String targetUnlockSql();

    /**
     * The statement that lets an INSERT give an identity column its value ({@code on}) and the one that stops it,
     * for putting deleted rows back with their own IDs; null where the DBMS has no such switch (Oracle: an identity
     * column GENERATED ALWAYS cannot be given a value, and envclone does not change the column).
     */
    String identityInsert(String table, boolean on);

    /**
     * Who holds the lock, where the login may see it: one parameter (the lock name); rows of session id, host,
     * program, login time and the text {@link #identifySessionSql()} set. Needs VIEW SERVER STATE (SQL Server) or
     * SELECT on V$LOCK, V$SESSION and DBMS_LOCK_ALLOCATED (Oracle); without it the query fails.
     */
    String targetLockHolderSql();

    /** What an application lock request came to. */
    enum LockOutcome {
        /** This session holds the lock now. */
        GRANTED,
        /** Another session holds it. */
        HELD_ELSEWHERE,
        /** The request itself failed (parameter error, deadlock, cancelled): the code says which. */
        FAILED
    }

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
