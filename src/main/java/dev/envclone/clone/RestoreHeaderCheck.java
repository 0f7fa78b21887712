package dev.envclone.clone;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.CloneFiles;
import dev.envclone.procedure.SqlServerSettings;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.util.List;

/**
 * The part of a restore batch that reads {@code RESTORE HEADERONLY} into a temporary table and THROWs, before any
 * RESTORE, unless the file holds exactly this plan's backup: one full, copy-only backup set with checksums, of the
 * plan's source catalog, named by backup-on-source.sql, from a SQL Server no newer than this one.
 *
 * <p>{@code INSERT … EXEC} needs the result set's exact columns. Those of SQL Server 2016 to 2019 are the ones
 * Microsoft's RESTORE HEADERONLY page lists (through EncryptorType); SQL Server 2022 (major version 16) returns
 * three more, added here by version. Any other column list makes the INSERT fail (Msg 213), which the CATCH turns
 * into a refusal: a version this script does not know stops before RESTORE rather than passing unchecked.
 */
final class RestoreHeaderCheck {
    private static final Dialect SQL = Dialect.of(Dbms.SQLSERVER);
    static final String TABLE = "#envclone_header";
    private static final List<String> COLUMNS = List.of(
            "BackupName nvarchar(128)", "BackupDescription nvarchar(255)", "BackupType smallint",
            "ExpirationDate datetime", "Compressed bit", "Position smallint", "DeviceType tinyint",
            "UserName nvarchar(128)", "ServerName nvarchar(128)", "DatabaseName nvarchar(128)",
            "DatabaseVersion int", "DatabaseCreationDate datetime", "BackupSize numeric(20,0)",
            "FirstLSN numeric(25,0)", "LastLSN numeric(25,0)", "CheckpointLSN numeric(25,0)",
            "DatabaseBackupLSN numeric(25,0)", "BackupStartDate datetime", "BackupFinishDate datetime",
            "SortOrder smallint", "CodePage smallint", "UnicodeLocaleId int", "UnicodeComparisonStyle int",
            "CompatibilityLevel tinyint", "SoftwareVendorId int", "SoftwareVersionMajor int",
            "SoftwareVersionMinor int", "SoftwareVersionBuild int", "MachineName nvarchar(128)", "Flags int",
            "BindingID uniqueidentifier", "RecoveryForkID uniqueidentifier", "Collation nvarchar(128)",
            "FamilyGUID uniqueidentifier", "HasBulkLoggedData bit", "IsSnapshot bit", "IsReadOnly bit",
            "IsSingleUser bit", "HasBackupChecksums bit", "IsDamaged bit", "BeginsLogChain bit",
            "HasIncompleteMetaData bit", "IsForceOffline bit", "IsCopyOnly bit",
            "FirstRecoveryForkID uniqueidentifier", "ForkPointLSN numeric(25,0)", "RecoveryModel nvarchar(60)",
            "DifferentialBaseLSN numeric(25,0)", "DifferentialBaseGUID uniqueidentifier",
            "BackupTypeDescription nvarchar(60)", "BackupSetGUID uniqueidentifier", "CompressedBackupSize bigint",
            "Containment tinyint", "KeyAlgorithm nvarchar(32)", "EncryptorThumbprint varbinary(20)",
            "EncryptorType nvarchar(32)");
    /** SQL Server 2022; TimeZone as nvarchar, which takes the value whichever type the server sends. */
    private static final String ADDED_IN_2022 = "LastValidRestoreTime datetime NULL, TimeZone nvarchar(32) NULL, "
            + "CompressionAlgorithm nvarchar(32) NULL";

    private RestoreHeaderCheck() {
    }

    static int columnCount() {
        return COLUMNS.size();
    }

    static void write(List<String> out, CatalogClone clone, SqlServerSettings s) {
        String file = SqlServerBackupFiles.backupFile(s, clone);
        String source = clone.sourceCatalog();
        out.add("-- What the file holds, read before anything is restored (RESTORE HEADERONLY).");
        out.add("DROP TABLE IF EXISTS " + TABLE + ";");
        out.add("CREATE TABLE " + TABLE + " (");
        for (int i = 0; i < COLUMNS.size(); i++) {
            out.add("    " + COLUMNS.get(i) + (i + 1 < COLUMNS.size() ? "," : ""));
        }
        out.add(");");
        out.add("IF CONVERT(int, SERVERPROPERTY('ProductMajorVersion')) >= 16");
        out.add("    ALTER TABLE " + TABLE + " ADD " + ADDED_IN_2022 + ";");
        out.add("BEGIN TRY");
        out.add("    INSERT INTO " + TABLE + " EXEC (" + SQL.literal(SqlServerCloneSql.header(s, clone) + ";") + ");");
        out.add("END TRY");
        out.add("BEGIN CATCH");
        out.add("    DECLARE @envclone_header_error nvarchar(2048) = CONCAT(" + SQL.literal("Cannot read the header "
                + "of " + file + " (missing file, no access for the service account, or a SQL Server version whose "
                + "RESTORE HEADERONLY columns this script does not know): ") + ", ERROR_MESSAGE(), "
                + SQL.literal(" Nothing was restored.") + ");");
        out.add("    THROW 50000, @envclone_header_error, 1;");
        out.add("END CATCH;");
        refuse(out, "(SELECT COUNT(*) FROM " + TABLE + ") <> 1",
                file + " holds more than one backup set: " + CloneFiles.BACKUP + " writes exactly one, into a new "
                        + "file. Nothing was restored.");
        refuse(out, "EXISTS (SELECT 1 FROM " + TABLE + " WHERE ISNULL(DatabaseName, N'') "
                        + "COLLATE Latin1_General_CI_AS <> " + SQL.literal(source) + ")",
                file + " is not a backup of " + source + ", the plan's source catalog: check the file and the plan. "
                        + "Nothing was restored.");
        refuse(out, "EXISTS (SELECT 1 FROM " + TABLE + " WHERE ISNULL(BackupName, N'') <> "
                        + SQL.literal(SqlServerBackupFiles.backupSetName(s, clone)) + ")",
                file + " was not written by this plan's " + CloneFiles.BACKUP + " (another backup set name). "
                        + "Nothing was restored.");
        refuse(out, "EXISTS (SELECT 1 FROM " + TABLE + " WHERE ISNULL(BackupType, 0) <> 1 "
                        + "OR ISNULL(IsCopyOnly, 0) <> 1)",
                file + " is not a full copy-only backup, as " + CloneFiles.BACKUP + " writes. Nothing was restored.");
        refuse(out, "EXISTS (SELECT 1 FROM " + TABLE + " WHERE ISNULL(HasBackupChecksums, 0) <> 1 "
                        + "OR ISNULL(IsDamaged, 1) <> 0)",
                file + " has no backup checksums or was taken from a damaged database. Nothing was restored.");
        out.add("-- A database from a newer SQL Server cannot be restored here (its DatabaseVersion is higher than this "
                + "server's).");
        refuse(out, "EXISTS (SELECT 1 FROM " + TABLE + " WHERE ISNULL(SoftwareVersionMajor, 9999) > "
                        + "CONVERT(int, SERVERPROPERTY('ProductMajorVersion')) OR ISNULL(DatabaseVersion, 99999) > "
                        + "CONVERT(int, DATABASEPROPERTYEX(N'master', 'Version')))",
                file + " comes from a newer SQL Server than this one. Nothing was restored.");
    }

    /** Every condition reads a NULL (a password-protected set shows NULLs) as a reason to refuse. */
    private static void refuse(List<String> out, String condition, String message) {
        out.add("IF " + condition);
        out.add("    THROW 50000, " + SQL.literal(message) + ", 1;");
    }
}
