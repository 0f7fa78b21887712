package dev.envclone.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Putting deleted rows back with their own IDs: SQL Server's SET IDENTITY_INSERT (Microsoft's "SET IDENTITY_INSERT
 * (Transact-SQL)": {@code SET IDENTITY_INSERT [ database_name . [ schema_name ] . ] table_name { ON | OFF }}, one
 * table per session at a time); Oracle has no switch (an identity column GENERATED ALWAYS refuses a value, and
 * envclone refuses to restore into one).
 */
class IdentityInsertTest {
    @Test
    void sqlServerSwitchesItOnAndOffForOneTable() {
        Dialect dialect = Dialect.of(Dbms.SQLSERVER);
        assertEquals("set identity_insert ossys_server on", dialect.identityInsert("ossys_server", true));
        assertEquals("set identity_insert [OSUSR_SAM_CONFIGIDP] off",
                dialect.identityInsert("[OSUSR_SAM_CONFIGIDP]", false));
    }

    @Test
    void oracleHasNone() {
        assertNull(Dialect.of(Dbms.ORACLE).identityInsert("OSSYS_SERVER", true));
    }
}
