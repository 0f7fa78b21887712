package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.SqlServerSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RESTORE FILELISTONLY and HEADERONLY rows read by column name from a real result set (H2, SQL Server mode, the
 * documented column names in another order plus a column the reader does not know), and every refusal before a
 * restore: each says what is wrong and what to do, and leaves "nothing was changed".
 */
class BackupReadersTest {
    private static final MigrationPlan PLAN = SqlServerCloneStatementsTest.defaultPlan();
    private static final SqlServerSettings S = PLAN.sqlServer();
    private static final CatalogClone CLONE = S.platform();
    private static final String FILE = SqlServerBackupFiles.backupFile(S, CLONE);
    private static final String FILE_COLUMNS = "Size, FileGroupName, LogicalName, IsReadOnly, Type, PhysicalName";
    private static final String HEADER_COLUMNS = "Position, IsDamaged, DatabaseName, SoftwareVersionMajor, "
            + "IsCopyOnly, BackupName, Compressed, HasBackupChecksums, DatabaseVersion, BackupType";

    private static List<BackupFileList.BackupFile> files(String... rows) throws Exception {
        return H2Rows.query(H2Rows.values(FILE_COLUMNS, rows), BackupFileList::read);
    }

    private static final String DATA = "(8388608, 'PRIMARY', 'OUTSYSTEMS', CAST(0 AS BIT), 'D', "
            + "'D:\\Data\\OUTSYSTEMS.mdf')";
    private static final String LOG = "(1048576, NULL, 'OUTSYSTEMS_log', CAST(0 AS BIT), 'L', "
            + "'L:\\Log\\OUTSYSTEMS_log.ldf')";

    @Test
    void theFileListIsReadByName() throws Exception {
        List<BackupFileList.BackupFile> files = files(DATA, LOG);
        assertEquals(List.of(new BackupFileList.BackupFile("OUTSYSTEMS", "D:\\Data\\OUTSYSTEMS.mdf", "D", 8388608),
                new BackupFileList.BackupFile("OUTSYSTEMS_log", "L:\\Log\\OUTSYSTEMS_log.ldf", "L", 1048576)), files);
        BackupFileList.check(CLONE, files, FILE, "--files");
    }

    @Test
    void logicalNamesThatDifferFromThePlanAreRefusedNamingTheOptionToPass() throws Exception {
        List<BackupFileList.BackupFile> files = files("(8388608, 'PRIMARY', 'OutSystems_Data', CAST(0 AS BIT), "
                + "'D', 'D:\\x.mdf')", "(1048576, NULL, 'OS_Log', CAST(0 AS BIT), 'L', 'L:\\x.ldf')");
        CloneFailedException refused = assertThrows(CloneFailedException.class,
                () -> BackupFileList.check(CLONE, files, FILE, "--files"));
        assertTrue(refused.getMessage().contains("not in the plan: OutSystems_Data:D, OS_Log:L"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("not in the backup: OUTSYSTEMS:D, OUTSYSTEMS_log:L"));
        assertTrue(refused.getMessage().contains("Make the plan again with --files OutSystems_Data:D,OS_Log:L"),
                refused.getMessage());
        assertEquals("nothing was changed", refused.left());
    }

    @Test
    void aFileOfTheWrongTypeIsAMismatchToo() throws Exception {
        List<BackupFileList.BackupFile> files = files(DATA, "(1048576, NULL, 'OUTSYSTEMS_log', CAST(0 AS BIT), "
                + "'D', 'L:\\x.ndf')");
        CloneFailedException refused = assertThrows(CloneFailedException.class,
                () -> BackupFileList.check(CLONE, files, FILE, "--log-files"));
        assertTrue(refused.getMessage().contains("--log-files OUTSYSTEMS:D,OUTSYSTEMS_log:D"), refused.getMessage());
    }

    @Test
    void aFilestreamContainerIsRefusedAsUnmovableByThePlan() throws Exception {
        List<BackupFileList.BackupFile> files = files(DATA, LOG, "(0, 'FS', 'OUTSYSTEMS_fs', CAST(0 AS BIT), 'S', "
                + "'D:\\fs')");
        CloneFailedException refused = assertThrows(CloneFailedException.class,
                () -> BackupFileList.check(CLONE, files, FILE, "--files"));
        assertTrue(refused.getMessage().contains("OUTSYSTEMS_fs:S"), refused.getMessage());
    }

    @Test
    void aResultWithoutADocumentedColumnIsRefusedNamingIt() {
        CloneFailedException refused = assertThrows(CloneFailedException.class, () -> H2Rows.query(
                H2Rows.values("LogicalName, Type, Size", "('OUTSYSTEMS', 'D', 1)"), BackupFileList::read));
        assertTrue(refused.getMessage().startsWith("RESTORE FILELISTONLY returned no column PhysicalName"),
                refused.getMessage());
    }

    private static String header(String database, String name, int type, int copyOnly, int checksums, int damaged,
            int major, int version) {
        return "(1, CAST(" + damaged + " AS BIT), '" + database + "', " + major + ", CAST(" + copyOnly + " AS BIT), '"
                + name + "', CAST(1 AS BIT), CAST(" + checksums + " AS BIT), " + version + ", " + type + ")";
    }

    private static final String NAME = SqlServerBackupFiles.backupSetName(S, CLONE);

    private static void checkHeader(String... rows) throws Exception {
        List<BackupHeader> sets = H2Rows.query(H2Rows.values(HEADER_COLUMNS, rows), BackupHeader::read);
        BackupHeader.check(sets, S, CLONE, 16, 957);
    }

    private static String refusal(String... rows) {
        CloneFailedException refused = assertThrows(CloneFailedException.class, () -> checkHeader(rows));
        assertEquals("nothing was changed", refused.left());
        assertTrue(refused.getMessage().endsWith("Nothing was restored."), refused.getMessage());
        return refused.getMessage();
    }

    @Test
    void thisPlansCopyOnlyBackupWithChecksumsPasses() throws Exception {
        checkHeader(header("OUTSYSTEMS", NAME, 1, 1, 1, 0, 15, 904));
        List<BackupHeader> sets = H2Rows.query(H2Rows.values(HEADER_COLUMNS, header("outsystems", NAME, 1, 1, 1, 0,
                16, 957)), BackupHeader::read);
        assertEquals(new BackupHeader(NAME, "outsystems", 1L, true, true, false, 16L, 957L), sets.get(0));
    }

    @Test
    void aBackupOfAnotherDatabaseIsRefused() {
        assertTrue(refusal(header("OTHER", NAME, 1, 1, 1, 0, 15, 904)).contains("is a backup of OTHER, not of "
                + "OUTSYSTEMS"));
    }

    @Test
    void aBackupSetAnotherPlanNamedIsRefused() {
        assertTrue(refusal(header("OUTSYSTEMS", "nightly", 1, 1, 1, 0, 15, 904)).contains("not written by this "
                + "plan's backup (backup set name nightly, expected " + NAME + ")"));
    }

    @Test
    void aBackupThatIsNotCopyOnlyIsRefused() {
        assertTrue(refusal(header("OUTSYSTEMS", NAME, 1, 0, 1, 0, 15, 904)).contains("not a full copy-only "
                + "backup (BackupType 1, IsCopyOnly false)"));
        assertTrue(refusal(header("OUTSYSTEMS", NAME, 5, 1, 1, 0, 15, 904)).contains("BackupType 5"));
    }

    @Test
    void aBackupWithoutChecksumsIsRefused() {
        assertTrue(refusal(header("OUTSYSTEMS", NAME, 1, 1, 0, 0, 15, 904)).contains("has no backup checksums"));
        assertTrue(refusal(header("OUTSYSTEMS", NAME, 1, 1, 1, 1, 15, 904)).contains("IsDamaged true"));
    }

    @Test
    void aBackupFromANewerServerIsRefused() {
        assertTrue(refusal(header("OUTSYSTEMS", NAME, 1, 1, 1, 0, 17, 1000)).contains("comes from a newer SQL "
                + "Server (version 17, database version 1000) than the target (version 16, database version 957)"));
        assertTrue(refusal(header("OUTSYSTEMS", NAME, 1, 1, 1, 0, 16, 958)).contains("newer SQL Server"));
    }

    @Test
    void aFileWithTwoBackupSetsIsRefused() {
        assertTrue(refusal(header("OUTSYSTEMS", NAME, 1, 1, 1, 0, 15, 904), header("OUTSYSTEMS", NAME, 1, 1, 1, 0,
                15, 904)).contains("holds 2 backup sets"));
    }

    @Test
    void aPasswordProtectedSetShowingNullsIsRefused() {
        String nulls = "(1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)";
        assertFalse(refusal(nulls).isEmpty());
    }

    @Test
    void theServersEditionDecidesCompression() throws Exception {
        String columns = "server_time, engine_edition, edition, product_major_version, database_version, "
                + "default_data_path, default_log_path, login_name, session_id, extra";
        ServerFacts standard = H2Rows.query(H2Rows.values(columns, "(TIMESTAMP '2026-12-02 01:02:03', 2, "
                + "'Standard Edition (64-bit)', 16, 957, 'E:\\Data\\', 'F:\\Log\\', 'envclone', 57, 0)"),
                ServerFacts::read);
        assertTrue(standard.compresses());
        assertEquals(57, standard.sessionId());
        assertEquals("E:\\Data\\", standard.defaultDataPath());
        ServerFacts web = H2Rows.query(H2Rows.values(columns, "(TIMESTAMP '2026-12-02 01:02:03', 2, "
                + "'Web Edition (64-bit)', 16, 957, 'E:\\', 'F:\\', 'envclone', 57, 0)"), ServerFacts::read);
        assertFalse(web.compresses());
        ServerFacts express = H2Rows.query(H2Rows.values(columns, "(TIMESTAMP '2026-12-02 01:02:03', 4, "
                + "'Express Edition (64-bit)', 16, 957, 'E:\\', 'F:\\', 'envclone', 57, 0)"), ServerFacts::read);
        assertFalse(express.compresses());
        ServerFacts developer = H2Rows.query(H2Rows.values(columns, "(TIMESTAMP '2026-12-02 01:02:03', 3, "
                + "'Developer Edition (64-bit)', 16, 957, 'E:\\', 'F:\\', 'envclone', 57, 0)"), ServerFacts::read);
        assertTrue(developer.compresses());
    }
}
