package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.DatabaseFile;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.RecoveryModel;
import dev.envclone.procedure.SqlServerSettings;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every statement the SQL Server route sends, in the order it sends them, pinned in golden files a DBA can read:
 * for the default plan (one catalog, an edition without compression) and a custom one (a separate log catalog,
 * three logical files, a UNC backup folder, FULL recovery, another owner, an edition with compression). No SQL
 * Server runs here: the text was checked against Microsoft Learn — BACKUP (Transact-SQL) (TO DISK, COPY_ONLY,
 * CHECKSUM, COMPRESSION, NOFORMAT/NOINIT, NAME, STATS); RESTORE Statements and RESTORE Arguments (FROM DISK, FILE,
 * CHECKSUM, MOVE, RECOVERY, STATS); RESTORE FILELISTONLY, HEADERONLY, LABELONLY, VERIFYONLY; ALTER DATABASE File
 * and Filegroup Options (MODIFY FILE … FILEGROWTH); ALTER DATABASE SET Options (SET RECOVERY); ALTER AUTHORIZATION
 * (ON DATABASE::, IMPERSONATE needed unless sysadmin); SERVERPROPERTY (EngineEdition, Edition,
 * ProductMajorVersion, InstanceDefaultDataPath, InstanceDefaultLogPath); DATABASEPROPERTYEX (Version);
 * sys.dm_server_services (service_account; VIEW SERVER STATE); IS_SRVROLEMEMBER; IS_ROLEMEMBER (current database);
 * HAS_PERMS_BY_NAME (DATABASE and LOGIN classes, server level with NULL); sp_executesql; sys.databases (state_desc,
 * recovery_model_desc, owner_sid); sys.dm_exec_requests (percent_complete, estimated_completion_time;
 * VIEW SERVER STATE for other sessions); msdb.dbo.backupset, backupmediafamily (physical_device_name) and
 * restorehistory (destination_database_name, restore_date, backup_set_id). After a deliberate change:
 * {@code -Dgolden.update=true}.
 */
class SqlServerCloneStatementsTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "clone-sqlserver");

    static MigrationPlan defaultPlan() {
        return new PlanBuilder(Dbms.SQLSERVER).sqlServerRestore("envclone_20261201T000000Z", null, null, null, null)
                .build();
    }

    static MigrationPlan customPlan() {
        return new PlanBuilder(Dbms.SQLSERVER)
                .sqlServerCatalogs("OS_PROD", "OS_QA", List.of(new DatabaseFile("OS_PROD_Data", false),
                        new DatabaseFile("OS_PROD_Data2", false), new DatabaseFile("OS_PROD_Log", true)))
                .sqlServerLogCatalogs("OS_PROD_LOG", "OS_QA_LOG", null)
                .sqlServerLocations("sqlqa01\\OUTSYSTEMS", "\\\\backup01\\sql\\envclone", "E:\\MSSQL\\Data",
                        "F:\\MSSQL\\Log", null, null)
                .sqlServerRestore("qa2-refresh-7", RecoveryModel.FULL, "QA_DBOWNER", "1GB", "128MB")
                .build();
    }

    @Test
    void theDefaultPlanSendsExactlyTheGoldenStatements() throws IOException {
        golden("default-plan.sql", statements(defaultPlan(), false));
    }

    @Test
    void aPlanWithALogCatalogSendsExactlyTheGoldenStatements() throws IOException {
        golden("custom-plan-log-catalog.sql", statements(customPlan(), true));
    }

    @Test
    void theEngineSendsTheScriptsOwnBackupAndRestoreText() {
        MigrationPlan plan = customPlan();
        String backupScript = SqlServerBackupScript.render(plan);
        String restoreScript = SqlServerRestoreScript.render(plan);
        for (CatalogClone clone : SqlServerBackupFiles.clones(plan.sqlServer())) {
            SqlServerSettings s = plan.sqlServer();
            assertTrue(backupScript.contains(SqlServerCloneSql.statement(SqlServerCloneSql.backup(s, clone, false))
                    + ";"), "the script's BACKUP is the engine's, without COMPRESSION");
            assertTrue(backupScript.contains(SqlServerCloneSql.verify(s, clone) + ";"));
            assertTrue(restoreScript.contains(SqlServerCloneSql.statement(SqlServerCloneSql.restore(s, clone))
                    + ";"));
            for (String setting : SqlServerCloneSql.settings(s.restore(), clone)) {
                assertTrue(restoreScript.contains(setting + ";"), setting);
            }
        }
    }

    @Test
    void noStatementOverwritesOrReplaces() {
        String all = String.join("\n", statements(customPlan(), true));
        assertTrue(all.contains("NOFORMAT, NOINIT"));
        assertFalse(java.util.regex.Pattern.compile("\\b(INIT|FORMAT|REPLACE|SKIP)\\b").matcher(all).find(), all);
    }

    /** The statements in the order the route sends them; the lines starting with "--" say which part sends them. */
    static List<String> statements(MigrationPlan plan, boolean compression) {
        SqlServerSettings s = plan.sqlServer();
        List<String> out = new ArrayList<>();
        section(out, "route: the source catalog's fingerprint (the source URL's database)");
        out.add(Dialect.of(Dbms.SQLSERVER).fingerprintSql());
        section(out, "backup-database, on the source server (master, autocommit): the server and this session");
        out.add(SqlServerCloneQueries.SERVER);
        out.add(SqlServerCloneQueries.SERVICE_ACCOUNT);
        for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
            section(out, "backup-database: checks for " + clone.sourceCatalog() + " (parameter: "
                    + clone.sourceCatalog() + ")");
            out.add(SqlServerCloneQueries.DATABASE);
            out.add(SqlServerCloneQueries.backupRights(clone.sourceCatalog()));
            out.add(SqlServerCloneSql.labelOnly(s, clone));
        }
        for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
            section(out, "backup-database: " + clone.sourceCatalog() + (compression
                    ? " (EngineEdition 3, or 2 with an Edition starting 'Standard')" : " (an edition without "
                    + "backup compression)"));
            out.add(SqlServerCloneSql.statement(SqlServerCloneSql.backup(s, clone, compression)));
            out.add(SqlServerCloneSql.verify(s, clone));
        }
        section(out, "backup-database and restore-database: the progress poll, every "
                + RequestProgress.PERIOD_SECONDS + " s on a second connection (parameter: the session id)");
        out.add(SqlServerCloneQueries.REQUEST_PROGRESS);
        section(out, "backup-database: recovery after a crash (parameters: source catalog, file, start)");
        out.add(SqlServerCloneQueries.BACKUP_HISTORY);
        section(out, "restore-database, on the target server (master, autocommit): the server and the rights "
                + "(parameter: the owner, " + s.restore().owner() + ")");
        out.add(SqlServerCloneQueries.SERVER);
        out.add(SqlServerCloneQueries.RESTORE_RIGHTS);
        for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
            section(out, "restore-database: " + clone.catalog() + " must not exist (parameter: " + clone.catalog()
                    + ")");
            out.add(SqlServerCloneQueries.DATABASE);
        }
        out.add(SqlServerCloneQueries.SERVICE_ACCOUNT);
        for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
            section(out, "restore-database: what the backup of " + clone.sourceCatalog() + " holds, before any "
                    + "RESTORE");
            out.add(SqlServerCloneSql.header(s, clone));
            out.add(SqlServerCloneSql.fileList(s, clone));
        }
        for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
            section(out, "restore-database: " + clone.sourceCatalog() + " -> " + clone.catalog()
                    + ", then its settings and its state (parameter: " + clone.catalog() + ")");
            out.add(SqlServerCloneSql.statement(SqlServerCloneSql.restore(s, clone)));
            out.addAll(SqlServerCloneSql.settings(s.restore(), clone));
            out.add(SqlServerCloneQueries.DATABASE);
        }
        section(out, "restore-database: recovery after a crash, per catalog (parameters: catalog; then catalog, "
                + "file, start); the settings above again for a catalog found restored");
        out.add(SqlServerCloneQueries.DATABASE);
        out.add(SqlServerCloneQueries.RESTORE_HISTORY);
        return out;
    }

    private static void section(List<String> out, String text) {
        out.add("-- " + text);
    }

    private static void golden(String name, List<String> statements) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : statements) {
            text.append(line).append(line.startsWith("-- ") ? "\n" : ";\n");
        }
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), text.toString());
    }
}
