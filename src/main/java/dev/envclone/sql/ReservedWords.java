package dev.envclone.sql;

import java.util.Locale;
import java.util.Set;

/**
 * Reserved words of SQL Server (Transact-SQL reserved keywords) and Oracle (V$RESERVED_WORDS with RESERVED = 'Y'),
 * as one set: a name reserved in either DBMS is refused in both, so a plan can move between them unchanged.
 */
final class ReservedWords {
    private static final Set<String> WORDS = Set.of(
            // Oracle reserved words
            "ACCESS", "ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "AUDIT", "BETWEEN", "BY", "CHAR", "CHECK",
            "CLUSTER", "COLUMN", "COMMENT", "COMPRESS", "CONNECT", "CREATE", "CURRENT", "DATE", "DECIMAL",
            "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP", "ELSE", "EXCLUSIVE", "EXISTS", "FILE", "FLOAT", "FOR",
            "FROM", "GRANT", "GROUP", "HAVING", "IDENTIFIED", "IMMEDIATE", "IN", "INCREMENT", "INDEX", "INITIAL",
            "INSERT", "INTEGER", "INTERSECT", "INTO", "IS", "LEVEL", "LIKE", "LOCK", "LONG", "MAXEXTENTS", "MINUS",
            "MLSLABEL", "MODE", "MODIFY", "NOAUDIT", "NOCOMPRESS", "NOT", "NOWAIT", "NULL", "NUMBER", "OF",
            "OFFLINE", "ON", "ONLINE", "OPTION", "OR", "ORDER", "PCTFREE", "PRIOR", "PUBLIC", "RAW", "RENAME",
            "RESOURCE", "REVOKE", "ROW", "ROWID", "ROWNUM", "ROWS", "SELECT", "SESSION", "SET", "SHARE", "SIZE",
            "SMALLINT", "START", "SUCCESSFUL", "SYNONYM", "SYSDATE", "TABLE", "THEN", "TO", "TRIGGER", "UID",
            "UNION", "UNIQUE", "UPDATE", "USER", "VALIDATE", "VALUES", "VARCHAR", "VARCHAR2", "VIEW", "WHENEVER",
            "WHERE", "WITH",
            // Transact-SQL reserved keywords not already above
            "AUTHORIZATION", "BACKUP", "BEGIN", "BREAK", "BROWSE", "BULK", "CASCADE", "CASE", "CHECKPOINT",
            "CLOSE", "CLUSTERED", "COALESCE", "COLLATE", "COMMIT", "COMPUTE", "CONSTRAINT", "CONTAINS",
            "CONTAINSTABLE", "CONTINUE", "CONVERT", "CROSS", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "CURRENT_USER", "CURSOR", "DATABASE", "DBCC", "DEALLOCATE", "DECLARE", "DENY", "DISK", "DISTRIBUTED",
            "DOUBLE", "DUMP", "END", "ERRLVL", "ESCAPE", "EXCEPT", "EXEC", "EXECUTE", "EXIT", "EXTERNAL", "FETCH",
            "FILLFACTOR", "FOREIGN", "FREETEXT", "FREETEXTTABLE", "FULL", "FUNCTION", "GOTO", "HOLDLOCK",
            "IDENTITY", "IDENTITY_INSERT", "IDENTITYCOL", "IF", "INNER", "JOIN", "KEY", "KILL", "LEFT", "LINENO",
            "LOAD", "MERGE", "NATIONAL", "NOCHECK", "NONCLUSTERED", "NULLIF", "OFF", "OFFSETS", "OPEN",
            "OPENDATASOURCE", "OPENQUERY", "OPENROWSET", "OPENXML", "OUTER", "OVER", "PERCENT", "PIVOT", "PLAN",
            "PRECISION", "PRIMARY", "PRINT", "PROC", "PROCEDURE", "RAISERROR", "READ", "READTEXT", "RECONFIGURE",
            "REFERENCES", "REPLICATION", "RESTORE", "RESTRICT", "RETURN", "REVERT", "RIGHT", "ROLLBACK",
            "ROWCOUNT", "ROWGUIDCOL", "RULE", "SAVE", "SCHEMA", "SECURITYAUDIT", "SEMANTICKEYPHRASETABLE",
            "SEMANTICSIMILARITYDETAILSTABLE", "SEMANTICSIMILARITYTABLE", "SESSION_USER", "SETUSER", "SHUTDOWN",
            "SOME", "STATISTICS", "SYSTEM_USER", "TABLESAMPLE", "TEXTSIZE", "TOP", "TRAN", "TRANSACTION",
            "TRUNCATE", "TRY_CONVERT", "TSEQUAL", "UNPIVOT", "UPDATETEXT", "USE", "VARYING", "WAITFOR", "WHEN",
            "WHILE", "WITHIN", "WRITETEXT");

    /** Built-in accounts and schemas: not keywords, but never a platform user, schema or catalog. */
    private static final Set<String> BUILT_IN = Set.of("SYS", "SYSTEM", "DBO", "SA", "GUEST", "INFORMATION_SCHEMA",
            "MASTER", "MSDB", "TEMPDB", "MODEL");

    private ReservedWords() {
    }

    static boolean isReserved(String name) {
        return isKeyword(name) || BUILT_IN.contains(name.toUpperCase(Locale.ROOT));
    }

    static boolean isKeyword(String name) {
        return WORDS.contains(name.toUpperCase(Locale.ROOT));
    }
}
