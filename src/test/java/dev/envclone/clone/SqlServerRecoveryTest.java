package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.SqlServerSettings;
import java.sql.Timestamp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The verdict after a crash, from rows shaped as SQL Server's sys.databases, msdb.dbo.restorehistory (joined to
 * backupset and backupmediafamily) and msdb.dbo.backupset return them: real result sets made by H2 in its SQL
 * Server mode, the documented column names in another order with a column the reader does not know.
 */
class SqlServerRecoveryTest {
    private static final SqlServerSettings S = SqlServerCloneStatementsTest.customPlan().sqlServer();
    private static final CatalogClone CLONE = S.platform();
    private static final String FILE = SqlServerBackupFiles.backupFile(S, CLONE);
    private static final String DATABASE_COLUMNS = "create_date, state_desc, name, owner_name, recovery_model_desc, "
            + "is_read_only";
    private static final String HISTORY_COLUMNS = "physical_device_name, restore_history_id, restore_type, "
            + "restore_date, destination_database_name, recovery";
    private static final String HISTORY_ROW = "('" + FILE.replace("'", "''") + "', 12, 'D', "
            + "TIMESTAMP '2026-12-02 01:20:00', 'OS_QA', CAST(1 AS BIT))";

    private static CatalogState state(String stateDesc) throws Exception {
        return H2Rows.query(H2Rows.values(DATABASE_COLUMNS, "(TIMESTAMP '2026-12-02 01:20:00', '" + stateDesc
                + "', 'OS_QA', 'QA_DBOWNER', 'FULL', CAST(0 AS BIT))"), CatalogState::read);
    }

    private static SqlServerRecovery.BackupVerdict restore(CatalogState state, boolean historyRow) throws Exception {
        String sql = historyRow ? H2Rows.values(HISTORY_COLUMNS, HISTORY_ROW) : H2Rows.none(HISTORY_COLUMNS,
                HISTORY_ROW);
        return H2Rows.query(sql, rows -> SqlServerRecovery.restoreVerdict(CLONE, FILE, state, rows));
    }

    @Test
    void aCatalogThatIsNotThereWasNotRestored() throws Exception {
        assertNull(H2Rows.query(H2Rows.none(DATABASE_COLUMNS, "(TIMESTAMP '2026-12-02 01:20:00', 'ONLINE', 'OS_QA', "
                + "'sa', 'SIMPLE', CAST(0 AS BIT))"), CatalogState::read));
        SqlServerRecovery.BackupVerdict verdict = restore(null, false);
        assertFalse(verdict.done());
        assertTrue(verdict.state().contains("the catalog does not exist; the step runs again"), verdict.state());
    }

    @Test
    void aRestoringCatalogIsHalfRestoredAndNeverATarget() throws Exception {
        CatalogState restoring = state("RESTORING");
        assertEquals(new CatalogState("OS_QA", "RESTORING", "FULL", "QA_DBOWNER"), restoring);
        SqlServerRecovery.BackupVerdict verdict = restore(restoring, false);
        assertFalse(verdict.done());
        assertEquals("catalog OS_QA is RESTORING: half-restored, never used as a target; drop it with DROP DATABASE "
                + "[OS_QA] before running again", verdict.state());
        assertFalse(restore(restoring, true).done(), "a history row does not make a RESTORING catalog a clone");
    }

    @Test
    void anOnlineCatalogWithThisRestoreInTheHistoryIsDone() throws Exception {
        SqlServerRecovery.BackupVerdict verdict = restore(state("ONLINE"), true);
        assertTrue(verdict.done());
        assertEquals("catalog OS_QA was restored from " + FILE + " at 2026-12-02 01:20:00.0 "
                + "(msdb.dbo.restorehistory) and is ONLINE", verdict.state());
    }

    @Test
    void anOnlineCatalogWithoutThisRestoreIsLeftAlone() throws Exception {
        SqlServerRecovery.BackupVerdict verdict = restore(state("ONLINE"), false);
        assertFalse(verdict.done());
        assertTrue(verdict.state().contains("not this run's clone and envclone leaves it alone"), verdict.state());
    }

    @Test
    void aSuspectOrPendingCatalogIsNoClone() throws Exception {
        for (String bad : new String[] {"SUSPECT", "RECOVERY_PENDING", "EMERGENCY", "OFFLINE"}) {
            SqlServerRecovery.BackupVerdict verdict = restore(state(bad), true);
            assertFalse(verdict.done(), bad);
            assertTrue(verdict.state().contains("is " + bad + ": incomplete or damaged, never used as a target"),
                    verdict.state());
        }
        assertTrue(restore(state("RECOVERING"), true).state().contains("still bringing it online"));
    }

    @Test
    void aBackupIsDoneOnlyWhenMsdbHasItsSet() throws Exception {
        String columns = "media_set_id, physical_device_name, backup_finish_date, backup_set_id, backup_start_date, "
                + "is_copy_only";
        String row = "(3, '" + FILE.replace("'", "''") + "', TIMESTAMP '2026-12-02 01:10:00', 7, "
                + "TIMESTAMP '2026-12-02 01:00:00', CAST(1 AS BIT))";
        SqlServerRecovery.BackupVerdict done = H2Rows.query(H2Rows.values(columns, row),
                rows -> SqlServerRecovery.backupVerdict(CLONE, FILE, rows, true));
        assertTrue(done.done());
        assertTrue(done.state().contains("finished at 2026-12-02 01:10:00.0"), done.state());
        SqlServerRecovery.BackupVerdict partial = H2Rows.query(H2Rows.none(columns, row),
                rows -> SqlServerRecovery.backupVerdict(CLONE, FILE, rows, true));
        assertFalse(partial.done());
        assertTrue(partial.state().contains(FILE + " holds an unfinished backup: delete it on the source server"),
                partial.state());
        SqlServerRecovery.BackupVerdict nothing = H2Rows.query(H2Rows.none(columns, row),
                rows -> SqlServerRecovery.backupVerdict(CLONE, FILE, rows, false));
        assertTrue(nothing.state().endsWith("no file was left: the step runs again"), nothing.state());
    }

    @Test
    void theStartIsTheServersClockLessMsdbsRounding() throws Exception {
        assertEquals(Timestamp.valueOf("2026-12-02 01:19:59"),
                SqlServerRecovery.since(Map.of(SqlServerRecovery.SERVER_TIME, "2026-12-02T01:20")));
        CloneFailedException none = assertThrows(CloneFailedException.class, () -> SqlServerRecovery.since(Map.of()));
        assertTrue(none.getMessage().contains("no start time"));
    }

    @Test
    void theStateLeftAfterACancelIsNamed() {
        assertEquals("catalog OS_QA does not exist: nothing was restored into it", CatalogState.left("OS_QA", null));
        assertEquals("catalog OS_QA is ONLINE", CatalogState.left("OS_QA",
                new CatalogState("OS_QA", "ONLINE", "SIMPLE", "sa")));
    }
}
