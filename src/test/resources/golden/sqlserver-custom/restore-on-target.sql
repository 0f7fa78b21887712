:ON ERROR EXIT
:setvar EnvcloneSqlcmd "on"
-- envclone: part 2 of 2 of the clone of the PROD databases for QA 2 (SQL Server): the restore.
-- Run on the TARGET database server after backup-on-source.sql, in sqlcmd (sqlcmd -S TARGET -E -b -i restore-on-target.sql)
-- or in SSMS with Query > SQLCMD Mode on, as a login with CREATE DATABASE rights (dbcreator or sysadmin).
-- It refuses, before any RESTORE, a file that is not this plan's backup and a catalog that exists.
-- After the restore: recovery model FULL, owner QA_DBOWNER, file growth 1GB (data) and 128MB (log).
-- Restore runs outside any transaction and takes as long as it takes: no query timeout.
GO
-- Outside SQLCMD mode the two lines above fail and $(EnvcloneSqlcmd) stays as written: nothing below runs.
IF N'$(EnvcloneSqlcmd)' <> N'on'
BEGIN
    RAISERROR (N'Run this script in SQLCMD mode (sqlcmd -b -i FILE, or SSMS: Query > SQLCMD Mode); nothing was run. Then SET NOEXEC OFF or open a new window.', 16, 1);
    SET NOEXEC ON;
END;
GO

-- ----------------------------------------------------------------------------
-- The platform database: OS_PROD -> OS_QA
-- ----------------------------------------------------------------------------
-- For the record: the logical files, which must be those named in the MOVE clauses below.
RESTORE FILELISTONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak' WITH FILE = 1;
GO
-- One batch from here to GO: each THROW ends it before RESTORE, and nothing after RESTORE runs unless
-- the new catalog is online.
USE [master];
IF DB_ID(N'OS_QA') IS NOT NULL
    THROW 50000, N'Database OS_QA already exists: envclone restores only into a new catalog. Nothing was restored.', 1;
-- What the file holds, read before anything is restored (RESTORE HEADERONLY).
DROP TABLE IF EXISTS #envclone_header;
CREATE TABLE #envclone_header (
    BackupName nvarchar(128),
    BackupDescription nvarchar(255),
    BackupType smallint,
    ExpirationDate datetime,
    Compressed bit,
    Position smallint,
    DeviceType tinyint,
    UserName nvarchar(128),
    ServerName nvarchar(128),
    DatabaseName nvarchar(128),
    DatabaseVersion int,
    DatabaseCreationDate datetime,
    BackupSize numeric(20,0),
    FirstLSN numeric(25,0),
    LastLSN numeric(25,0),
    CheckpointLSN numeric(25,0),
    DatabaseBackupLSN numeric(25,0),
    BackupStartDate datetime,
    BackupFinishDate datetime,
    SortOrder smallint,
    CodePage smallint,
    UnicodeLocaleId int,
    UnicodeComparisonStyle int,
    CompatibilityLevel tinyint,
    SoftwareVendorId int,
    SoftwareVersionMajor int,
    SoftwareVersionMinor int,
    SoftwareVersionBuild int,
    MachineName nvarchar(128),
    Flags int,
    BindingID uniqueidentifier,
    RecoveryForkID uniqueidentifier,
    Collation nvarchar(128),
    FamilyGUID uniqueidentifier,
    HasBulkLoggedData bit,
    IsSnapshot bit,
    IsReadOnly bit,
    IsSingleUser bit,
    HasBackupChecksums bit,
    IsDamaged bit,
    BeginsLogChain bit,
    HasIncompleteMetaData bit,
    IsForceOffline bit,
    IsCopyOnly bit,
    FirstRecoveryForkID uniqueidentifier,
    ForkPointLSN numeric(25,0),
    RecoveryModel nvarchar(60),
    DifferentialBaseLSN numeric(25,0),
    DifferentialBaseGUID uniqueidentifier,
    BackupTypeDescription nvarchar(60),
    BackupSetGUID uniqueidentifier,
    CompressedBackupSize bigint,
    Containment tinyint,
    KeyAlgorithm nvarchar(32),
    EncryptorThumbprint varbinary(20),
    EncryptorType nvarchar(32)
);
IF CONVERT(int, SERVERPROPERTY('ProductMajorVersion')) >= 16
    ALTER TABLE #envclone_header ADD LastValidRestoreTime datetime NULL, TimeZone nvarchar(32) NULL, CompressionAlgorithm nvarchar(32) NULL;
BEGIN TRY
    INSERT INTO #envclone_header EXEC (N'RESTORE HEADERONLY FROM DISK = N''\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak'';');
END TRY
BEGIN CATCH
    DECLARE @envclone_header_error nvarchar(2048) = CONCAT(N'Cannot read the header of \\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak (missing file, no access for the service account, or a SQL Server version whose RESTORE HEADERONLY columns this script does not know): ', ERROR_MESSAGE(), N' Nothing was restored.');
    THROW 50000, @envclone_header_error, 1;
END CATCH;
IF (SELECT COUNT(*) FROM #envclone_header) <> 1
    THROW 50000, N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak holds more than one backup set: backup-on-source.sql writes exactly one, into a new file. Nothing was restored.', 1;
IF EXISTS (SELECT 1 FROM #envclone_header WHERE ISNULL(DatabaseName, N'') COLLATE Latin1_General_CI_AS <> N'OS_PROD')
    THROW 50000, N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak is not a backup of OS_PROD, the plan''s source catalog: check the file and the plan. Nothing was restored.', 1;
IF EXISTS (SELECT 1 FROM #envclone_header WHERE ISNULL(BackupName, N'') <> N'envclone OS_PROD qa2-refresh-7')
    THROW 50000, N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak was not written by this plan''s backup-on-source.sql (another backup set name). Nothing was restored.', 1;
IF EXISTS (SELECT 1 FROM #envclone_header WHERE ISNULL(BackupType, 0) <> 1 OR ISNULL(IsCopyOnly, 0) <> 1)
    THROW 50000, N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak is not a full copy-only backup, as backup-on-source.sql writes. Nothing was restored.', 1;
IF EXISTS (SELECT 1 FROM #envclone_header WHERE ISNULL(HasBackupChecksums, 0) <> 1 OR ISNULL(IsDamaged, 1) <> 0)
    THROW 50000, N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak has no backup checksums or was taken from a damaged database. Nothing was restored.', 1;
-- A database from a newer SQL Server cannot be restored here (its DatabaseVersion is higher than this server's).
IF EXISTS (SELECT 1 FROM #envclone_header WHERE ISNULL(SoftwareVersionMajor, 9999) > CONVERT(int, SERVERPROPERTY('ProductMajorVersion')) OR ISNULL(DatabaseVersion, 99999) > CONVERT(int, DATABASEPROPERTYEX(N'master', 'Version')))
    THROW 50000, N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak comes from a newer SQL Server than this one. Nothing was restored.', 1;
RESTORE DATABASE [OS_QA] FROM DISK = N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak'
    WITH FILE = 1, CHECKSUM,
    MOVE N'OS_PROD_Data' TO N'E:\MSSQL\Data\OS_QA.mdf',
    MOVE N'OS_PROD_Data2' TO N'E:\MSSQL\Data\OS_QA_OS_PROD_Data2.ndf',
    MOVE N'OS_PROD_Log' TO N'F:\MSSQL\Log\OS_QA_log.ldf',
    RECOVERY, STATS = 5;
IF @@ERROR <> 0 OR DATABASEPROPERTYEX(N'OS_QA', 'Status') IS NULL
        OR CONVERT(nvarchar(60), DATABASEPROPERTYEX(N'OS_QA', 'Status')) <> N'ONLINE'
    THROW 50000, N'The restore of OS_QA did not complete: see the messages above. Nothing was changed after it.', 1;
-- Fixed growth increments instead of percentages (the document's recommended file growth).
ALTER DATABASE [OS_QA] MODIFY FILE (NAME = N'OS_PROD_Data', FILEGROWTH = 1GB);
ALTER DATABASE [OS_QA] MODIFY FILE (NAME = N'OS_PROD_Data2', FILEGROWTH = 1GB);
ALTER DATABASE [OS_QA] MODIFY FILE (NAME = N'OS_PROD_Log', FILEGROWTH = 128MB);
-- The clone keeps the source's recovery model; under FULL with no log backups its log grows without end.
ALTER DATABASE [OS_QA] SET RECOVERY FULL;
-- Otherwise the login that ran this script owns the clone.
ALTER AUTHORIZATION ON DATABASE::[OS_QA] TO [QA_DBOWNER];
DROP TABLE #envclone_header;
GO

-- ----------------------------------------------------------------------------
-- The log database: OS_PROD_LOG -> OS_QA_LOG
-- ----------------------------------------------------------------------------
-- For the record: the logical files, which must be those named in the MOVE clauses below.
RESTORE FILELISTONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak' WITH FILE = 1;
GO
-- One batch from here to GO: each THROW ends it before RESTORE, and nothing after RESTORE runs unless
-- the new catalog is online.
USE [master];
IF DB_ID(N'OS_QA_LOG') IS NOT NULL
    THROW 50000, N'Database OS_QA_LOG already exists: envclone restores only into a new catalog. Nothing was restored.', 1;
-- What the file holds, read before anything is restored (RESTORE HEADERONLY).
DROP TABLE IF EXISTS #envclone_header;
CREATE TABLE #envclone_header (
    BackupName nvarchar(128),
    BackupDescription nvarchar(255),
    BackupType smallint,
    ExpirationDate datetime,
    Compressed bit,
    Position smallint,
    DeviceType tinyint,
    UserName nvarchar(128),
    ServerName nvarchar(128),
    DatabaseName nvarchar(128),
    DatabaseVersion int,
    DatabaseCreationDate datetime,
    BackupSize numeric(20,0),
    FirstLSN numeric(25,0),
    LastLSN numeric(25,0),
    CheckpointLSN numeric(25,0),
    DatabaseBackupLSN numeric(25,0),
    BackupStartDate datetime,
    BackupFinishDate datetime,
    SortOrder smallint,
    CodePage smallint,
    UnicodeLocaleId int,
    UnicodeComparisonStyle int,
    CompatibilityLevel tinyint,
    SoftwareVendorId int,
    SoftwareVersionMajor int,
    SoftwareVersionMinor int,
    SoftwareVersionBuild int,
    MachineName nvarchar(128),
    Flags int,
    BindingID uniqueidentifier,
    RecoveryForkID uniqueidentifier,
    Collation nvarchar(128),
    FamilyGUID uniqueidentifier,
    HasBulkLoggedData bit,
    IsSnapshot bit,
    IsReadOnly bit,
    IsSingleUser bit,
    HasBackupChecksums bit,
    IsDamaged bit,
    BeginsLogChain bit,
    HasIncompleteMetaData bit,
    IsForceOffline bit,
    IsCopyOnly bit,
    FirstRecoveryForkID uniqueidentifier,
    ForkPointLSN numeric(25,0),
    RecoveryModel nvarchar(60),
    DifferentialBaseLSN numeric(25,0),
    DifferentialBaseGUID uniqueidentifier,
    BackupTypeDescription nvarchar(60),
    BackupSetGUID uniqueidentifier,
    CompressedBackupSize bigint,
    Containment tinyint,
    KeyAlgorithm nvarchar(32),
    EncryptorThumbprint varbinary(20),
    EncryptorType nvarchar(32)
);
IF CONVERT(int, SERVERPROPERTY('ProductMajorVersion')) >= 16
    ALTER TABLE #envclone_header ADD LastValidRestoreTime datetime NULL, TimeZone nvarchar(32) NULL, CompressionAlgorithm nvarchar(32) NULL;
BEGIN TRY
    INSERT INTO #envclone_header EXEC (N'RESTORE HEADERONLY FROM DISK = N''\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak'';');
END TRY
BEGIN CATCH
    DECLARE @envclone_header_error nvarchar(2048) = CONCAT(N'Cannot read the header of \\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak (missing file, no access for the service account, or a SQL Server version whose RESTORE HEADERONLY columns this script does not know): ', ERROR_MESSAGE(), N' Nothing was restored.');
    THROW 50000, @envclone_header_error, 1;
END CATCH;
IF (SELECT COUNT(*) FROM #envclone_header) <> 1
    THROW 50000, N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak holds more than one backup set: backup-on-source.sql writes exactly one, into a new file. Nothing was restored.', 1;
IF EXISTS (SELECT 1 FROM #envclone_header WHERE ISNULL(DatabaseName, N'') COLLATE Latin1_General_CI_AS <> N'OS_PROD_LOG')
    THROW 50000, N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak is not a backup of OS_PROD_LOG, the plan''s source catalog: check the file and the plan. Nothing was restored.', 1;
IF EXISTS (SELECT 1 FROM #envclone_header WHERE ISNULL(BackupName, N'') <> N'envclone OS_PROD_LOG qa2-refresh-7')
    THROW 50000, N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak was not written by this plan''s backup-on-source.sql (another backup set name). Nothing was restored.', 1;
IF EXISTS (SELECT 1 FROM #envclone_header WHERE ISNULL(BackupType, 0) <> 1 OR ISNULL(IsCopyOnly, 0) <> 1)
    THROW 50000, N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak is not a full copy-only backup, as backup-on-source.sql writes. Nothing was restored.', 1;
IF EXISTS (SELECT 1 FROM #envclone_header WHERE ISNULL(HasBackupChecksums, 0) <> 1 OR ISNULL(IsDamaged, 1) <> 0)
    THROW 50000, N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak has no backup checksums or was taken from a damaged database. Nothing was restored.', 1;
-- A database from a newer SQL Server cannot be restored here (its DatabaseVersion is higher than this server's).
IF EXISTS (SELECT 1 FROM #envclone_header WHERE ISNULL(SoftwareVersionMajor, 9999) > CONVERT(int, SERVERPROPERTY('ProductMajorVersion')) OR ISNULL(DatabaseVersion, 99999) > CONVERT(int, DATABASEPROPERTYEX(N'master', 'Version')))
    THROW 50000, N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak comes from a newer SQL Server than this one. Nothing was restored.', 1;
RESTORE DATABASE [OS_QA_LOG] FROM DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak'
    WITH FILE = 1, CHECKSUM,
    MOVE N'OS_PROD_LOG' TO N'E:\MSSQL\Data\OS_QA_LOG.mdf',
    MOVE N'OS_PROD_LOG_log' TO N'F:\MSSQL\Log\OS_QA_LOG_log.ldf',
    RECOVERY, STATS = 5;
IF @@ERROR <> 0 OR DATABASEPROPERTYEX(N'OS_QA_LOG', 'Status') IS NULL
        OR CONVERT(nvarchar(60), DATABASEPROPERTYEX(N'OS_QA_LOG', 'Status')) <> N'ONLINE'
    THROW 50000, N'The restore of OS_QA_LOG did not complete: see the messages above. Nothing was changed after it.', 1;
-- Fixed growth increments instead of percentages (the document's recommended file growth).
ALTER DATABASE [OS_QA_LOG] MODIFY FILE (NAME = N'OS_PROD_LOG', FILEGROWTH = 1GB);
ALTER DATABASE [OS_QA_LOG] MODIFY FILE (NAME = N'OS_PROD_LOG_log', FILEGROWTH = 128MB);
-- The clone keeps the source's recovery model; under FULL with no log backups its log grows without end.
ALTER DATABASE [OS_QA_LOG] SET RECOVERY FULL;
-- Otherwise the login that ran this script owns the clone.
ALTER AUTHORIZATION ON DATABASE::[OS_QA_LOG] TO [QA_DBOWNER];
DROP TABLE #envclone_header;
GO
