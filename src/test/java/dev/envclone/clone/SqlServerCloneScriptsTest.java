package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.ChecklistMarkdown;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.RecoveryModel;
import dev.envclone.sql.Dbms;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The guards of backup-on-source.sql and restore-on-target.sql, read from the generated text: SQL Server is not
 * here to run them, so what each statement does rests on Microsoft's documentation (docs/decisions/0010) and the
 * golden files pin the exact text.
 */
class SqlServerCloneScriptsTest {
    private static final MigrationPlan PLAN = new PlanBuilder(Dbms.SQLSERVER)
            .sqlServerCatalogs("OS_PROD", "OS_QA", null)
            .sqlServerLogCatalogs("OS_PROD_LOG", "OS_QA_LOG", null)
            .sqlServerRestore("run-1", null, null, null, null)
            .build();
    private static final String BACKUP = SqlServerBackupScript.render(PLAN);
    private static final String RESTORE = SqlServerRestoreScript.render(PLAN);

    /** The batches sqlcmd sends: the text between lines holding just GO. */
    private static List<String> batches(String script) {
        return Arrays.asList(script.split("(?m)^GO$"));
    }

    /** The script without its comment lines. */
    private static String statements(String script) {
        return String.join("\n", script.lines().filter(l -> !l.strip().startsWith("--")).toList());
    }

    private static String batchWith(String script, String text) {
        List<String> found = batches(script).stream().filter(b -> b.contains(text)).toList();
        assertEquals(1, found.size(), "one batch holds " + text);
        return found.get(0);
    }

    @Test
    void bothScriptsStartWithOnErrorExit() {
        assertEquals(":ON ERROR EXIT", BACKUP.lines().findFirst().orElseThrow());
        assertEquals(":ON ERROR EXIT", RESTORE.lines().findFirst().orElseThrow());
    }

    @Test
    void outsideSqlcmdModeTheSecondBatchStopsEveryLaterOne() {
        for (String script : List.of(BACKUP, RESTORE)) {
            String second = batches(script).get(1);
            assertTrue(second.contains("IF N'$(EnvcloneSqlcmd)' <> N'on'") && second.contains("SET NOEXEC ON;"),
                    second);
            assertTrue(batches(script).get(0).lines().allMatch(l -> l.startsWith(":") || l.startsWith("--")),
                    "the first batch holds only the sqlcmd directives and comments");
        }
    }

    @Test
    void noBackupOverwritesOrAppendsToAnExistingFile() {
        Pattern overwrite = Pattern.compile("\\b(INIT|FORMAT|REPLACE|SKIP)\\b");
        assertFalse(overwrite.matcher(statements(BACKUP)).find(), BACKUP);
        assertFalse(overwrite.matcher(statements(RESTORE)).find(), RESTORE);
        assertTrue(BACKUP.contains("WITH COPY_ONLY, CHECKSUM, NOFORMAT, NOINIT,"));
    }

    @Test
    void theBackupRefusesAFileThatExistsInTheBatchOfTheBackup() {
        for (String source : List.of("OS_PROD", "OS_PROD_LOG")) {
            String file = "D:\\SQLBackup\\" + source + "_run-1.bak";
            String batch = batchWith(BACKUP, "BACKUP DATABASE [" + source + "]");
            int label = batch.indexOf("RESTORE LABELONLY FROM DISK = N'" + file + "';");
            int refusal = batch.indexOf("THROW 50000, N'Backup file " + file + " already exists");
            int backup = batch.indexOf("BACKUP DATABASE [" + source + "] TO DISK = N'" + file + "'");
            assertTrue(label > 0 && label < refusal && refusal < backup, batch);
        }
    }

    @Test
    void theRestoreRefusesABackupOfAnotherDatabaseBeforeRestore() {
        for (String[] pair : List.of(new String[] {"OS_PROD", "OS_QA"}, new String[] {"OS_PROD_LOG", "OS_QA_LOG"})) {
            String batch = batchWith(RESTORE, "RESTORE DATABASE [" + pair[1] + "]");
            int header = batch.indexOf("EXEC (N'RESTORE HEADERONLY FROM DISK = N''D:\\SQLBackup\\" + pair[0]
                    + "_run-1.bak'';')");
            int check = batch.indexOf("WHERE ISNULL(DatabaseName, N'') COLLATE Latin1_General_CI_AS <> N'"
                    + pair[0] + "')\n    THROW 50000, N'D:\\SQLBackup\\" + pair[0] + "_run-1.bak is not a backup of "
                    + pair[0]);
            int restore = batch.indexOf("RESTORE DATABASE [" + pair[1] + "]");
            assertTrue(header > 0 && header < check && check < restore, batch);
        }
    }

    @Test
    void theRestoreChecksCopyOnlyChecksumsBackupNameAndVersionBeforeRestore() {
        String batch = batchWith(RESTORE, "RESTORE DATABASE [OS_QA]");
        int restore = batch.indexOf("RESTORE DATABASE [OS_QA]");
        for (String check : List.of("ISNULL(IsCopyOnly, 0) <> 1", "ISNULL(HasBackupChecksums, 0) <> 1",
                "ISNULL(BackupName, N'') <> N'envclone OS_PROD run-1'", "(SELECT COUNT(*) FROM #envclone_header) <> 1",
                "ISNULL(SoftwareVersionMajor, 9999) > CONVERT(int, SERVERPROPERTY('ProductMajorVersion'))",
                "ISNULL(DatabaseVersion, 99999) > CONVERT(int, DATABASEPROPERTYEX(N'master', 'Version'))",
                "IF DB_ID(N'OS_QA') IS NOT NULL")) {
            int at = batch.indexOf(check);
            assertTrue(at > 0 && at < restore, check);
        }
    }

    @Test
    void everyChangeToTheCloneIsInTheBatchOfItsRestoreAfterTheOnlineCheck() {
        String batch = batchWith(RESTORE, "RESTORE DATABASE [OS_QA]");
        int online = batch.indexOf("DATABASEPROPERTYEX(N'OS_QA', 'Status')");
        for (String change : List.of("ALTER DATABASE [OS_QA] MODIFY FILE (NAME = N'OS_PROD', FILEGROWTH = 512MB);",
                "ALTER DATABASE [OS_QA] MODIFY FILE (NAME = N'OS_PROD_log', FILEGROWTH = 256MB);",
                "ALTER DATABASE [OS_QA] SET RECOVERY SIMPLE;", "ALTER AUTHORIZATION ON DATABASE::[OS_QA] TO [sa];")) {
            assertTrue(batch.indexOf(change) > online && online > batch.indexOf("RESTORE DATABASE [OS_QA]"), change);
        }
        long batchesThatAlter = batches(RESTORE).stream().filter(b -> b.contains("ALTER DATABASE")).count();
        assertEquals(2, batchesThatAlter, "only the two restore batches alter a database");
    }

    @Test
    void theRecoveryModelAndOwnerComeFromThePlan() {
        MigrationPlan plan = new PlanBuilder(Dbms.SQLSERVER)
                .sqlServerRestore("r", RecoveryModel.FULL, "OS_OWNER", "1GB", "64MB").build();
        String restore = SqlServerRestoreScript.render(plan);
        assertTrue(restore.contains("ALTER DATABASE [OUTSYSTEMS_CLONE] SET RECOVERY FULL;"), restore);
        assertTrue(restore.contains("ALTER AUTHORIZATION ON DATABASE::[OUTSYSTEMS_CLONE] TO [OS_OWNER];"), restore);
        assertTrue(restore.contains("FILEGROWTH = 1GB") && restore.contains("FILEGROWTH = 64MB"), restore);
    }

    @Test
    void theHeaderTableHasTheColumnsOfSqlServer2016To2019AndAddsThoseOf2022() {
        assertEquals(56, RestoreHeaderCheck.columnCount(), "RESTORE HEADERONLY through EncryptorType");
        assertTrue(RESTORE.contains("IF CONVERT(int, SERVERPROPERTY('ProductMajorVersion')) >= 16\n"
                + "    ALTER TABLE #envclone_header ADD LastValidRestoreTime datetime NULL, TimeZone nvarchar(32) NULL, "
                + "CompressionAlgorithm nvarchar(32) NULL;"), RESTORE);
    }

    @Test
    void theChecklistNamesEachFileAndTheServerItRunsOn() {
        String checklist = ChecklistMarkdown.render(PLAN);
        int backup = checklist.indexOf("On the SOURCE database server, run backup-on-source.sql");
        int restore = checklist.indexOf("On the TARGET database server, after the backup, run restore-on-target.sql");
        assertTrue(backup > 0 && backup < restore, checklist);
        assertTrue(checklist.contains("  - File: backup-on-source.sql.") && checklist.contains(
                "  - File: restore-on-target.sql."), checklist);
        assertFalse(checklist.contains("clone.sql"), checklist);
    }

    @Test
    void theDatabaseNameRefusalInTheGoldenFileIsTheOneDeviationsQuotes() throws Exception {
        String golden = java.nio.file.Files.readString(java.nio.file.Path.of("src", "test", "resources", "golden",
                "sqlserver-default", "restore-on-target.sql"));
        String deviations = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "deviations.md"));
        String refusal = "IF EXISTS (SELECT 1 FROM #envclone_header WHERE ISNULL(DatabaseName, N'') COLLATE "
                + "Latin1_General_CI_AS <> N'OUTSYSTEMS')\n    THROW 50000, N'D:\\SQLBackup\\OUTSYSTEMS_envclone_"
                + "20261201T000000Z.bak is not a backup of OUTSYSTEMS, the plan''s source catalog: check the file and "
                + "the plan. Nothing was restored.', 1;\n";
        assertTrue(golden.contains(refusal), golden);
        assertTrue(deviations.contains(refusal), "docs/deviations.md 19 quotes the golden refusal");
        assertTrue(golden.indexOf(refusal) < golden.indexOf("RESTORE DATABASE [OUTSYSTEMS_CLONE]"));
    }
}
