package dev.envclone.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The target lock's statements run only on a real SQL Server or Oracle, never on H2: their exact text is pinned
 * here, in golden files a DBA can read, and was checked against the vendors' documentation (sp_getapplock,
 * sp_releaseapplock, sys.dm_tran_locks, SET CONTEXT_INFO; DBMS_LOCK.ALLOCATE_UNIQUE, REQUEST and RELEASE,
 * DBMS_APPLICATION_INFO, V$LOCK). After a deliberate change: {@code -Dgolden.update=true}, then read the diff.
 */
class TargetLockSqlTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "target-lock");

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void theLockStatementsAreExactlyTheGoldenOnes(Dbms dbms) throws IOException {
        Dialect dialect = Dialect.of(dbms);
        String text = String.join("\n",
                "-- lock name for catalog OS_QA, admin schema osadmin",
                dialect.targetLockName(new Dialect.ScriptTarget("OS_QA", "osadmin")),
                "-- identify the session",
                dialect.identifySessionSql(),
                "-- request the lock",
                dialect.targetLockSql(),
                "-- release it",
                dialect.targetUnlockSql(),
                "-- who holds it",
                dialect.targetLockHolderSql(),
                "");
        Path golden = GOLDEN.resolve(dbms.cliName() + ".sql");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text);
    }

    @Test
    void sqlServerReturnCodesMeanWhatTheDocumentationSays() {
        Dialect dialect = Dialect.of(Dbms.SQLSERVER);
        assertEquals(Dialect.LockOutcome.GRANTED, dialect.targetLockOutcome(0));
        assertEquals(Dialect.LockOutcome.GRANTED, dialect.targetLockOutcome(1), "granted after waiting");
        assertEquals(Dialect.LockOutcome.HELD_ELSEWHERE, dialect.targetLockOutcome(-1), "timed out");
        for (int code : new int[] {-2, -3, -999}) {
            assertEquals(Dialect.LockOutcome.FAILED, dialect.targetLockOutcome(code), "code " + code);
        }
    }

    @Test
    void oracleReturnCodesMeanWhatTheDocumentationSays() {
        Dialect dialect = Dialect.of(Dbms.ORACLE);
        assertEquals(Dialect.LockOutcome.GRANTED, dialect.targetLockOutcome(0));
        assertEquals(Dialect.LockOutcome.HELD_ELSEWHERE, dialect.targetLockOutcome(1), "timeout");
        assertEquals(Dialect.LockOutcome.GRANTED, dialect.targetLockOutcome(4), "already own the lock");
        for (int code : new int[] {2, 3, 5}) {
            assertEquals(Dialect.LockOutcome.FAILED, dialect.targetLockOutcome(code), "code " + code);
        }
    }

    @Test
    void oracleWithoutExecuteOnDbmsLockIsAWarningAndOtherErrorsAreNot() {
        Dialect dialect = Dialect.of(Dbms.ORACLE);
        String warning = dialect.targetLockUnavailable(6550, "ORA-06550: line 4, column 3:\n"
                + "PLS-00201: identifier 'DBMS_LOCK' must be declared\nORA-06550: line 4, column 3:\n"
                + "PL/SQL: Statement ignored\n");
        assertTrue(warning.contains("may not use DBMS_LOCK") && warning.contains("GRANT EXECUTE ON SYS.DBMS_LOCK"),
                warning);
        assertNull(dialect.targetLockUnavailable(6550, "ORA-06550: line 5, column 9:\nPLS-00103: Encountered the "
                + "symbol \";\""));
        assertNull(dialect.targetLockUnavailable(1031, "ORA-01031: insufficient privileges"));
        assertNull(Dialect.of(Dbms.SQLSERVER).targetLockUnavailable(297, "The user does not have permission"));
    }
}
