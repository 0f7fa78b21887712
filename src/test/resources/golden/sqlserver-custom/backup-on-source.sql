:ON ERROR EXIT
:setvar EnvcloneSqlcmd "on"
-- envclone: part 1 of 2 of the clone of the PROD databases for QA 2 (SQL Server): the backup.
-- Run on the SOURCE database server, in sqlcmd (sqlcmd -S SOURCE -E -b -i backup-on-source.sql) or in SSMS
-- with Query > SQLCMD Mode on, as a login with BACKUP DATABASE rights (db_backupoperator, db_owner or sysadmin).
-- Then run restore-on-target.sql on the target server; it reads the files from the same path.
-- COPY_ONLY leaves the source's backup chain as it was; CHECKSUM verifies every page written.
-- Backup runs outside any transaction and takes as long as it takes: no query timeout.
GO
-- Outside SQLCMD mode the two lines above fail and $(EnvcloneSqlcmd) stays as written: nothing below runs.
IF N'$(EnvcloneSqlcmd)' <> N'on'
BEGIN
    RAISERROR (N'Run this script in SQLCMD mode (sqlcmd -b -i FILE, or SSMS: Query > SQLCMD Mode); nothing was run. Then SET NOEXEC OFF or open a new window.', 16, 1);
    SET NOEXEC ON;
END;
GO

-- ----------------------------------------------------------------------------
-- The platform database: OS_PROD (restored as OS_QA by restore-on-target.sql)
-- ----------------------------------------------------------------------------
USE [master];
IF DB_ID(N'OS_PROD') IS NULL
    THROW 50000, N'Database OS_PROD does not exist here: run backup-on-source.sql on the source server. Nothing was backed up.', 1;
-- The file must be new: NOINIT appends to an existing file, and the restore of FILE = 1 would then restore
-- the older backup set. RESTORE LABELONLY reads the media header of a backup file that exists and fails
-- (Msg 3201) when there is none. A file that exists but is no backup is refused by BACKUP itself (only
-- FORMAT, never written here, overwrites one).
DECLARE @envclone_file_exists bit = 1;
BEGIN TRY
    RESTORE LABELONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak';
END TRY
BEGIN CATCH
    SET @envclone_file_exists = 0;
END CATCH;
IF @envclone_file_exists = 1
    THROW 50000, N'Backup file \\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak already exists: move it away, or make a new plan (it gets a new backup name). Nothing was backed up.', 1;
BACKUP DATABASE [OS_PROD] TO DISK = N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak'
    WITH COPY_ONLY, CHECKSUM, NOFORMAT, NOINIT,
    NAME = N'envclone OS_PROD qa2-refresh-7',
    STATS = 5;
RESTORE VERIFYONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak' WITH FILE = 1, CHECKSUM;
GO

-- ----------------------------------------------------------------------------
-- The log database: OS_PROD_LOG (restored as OS_QA_LOG by restore-on-target.sql)
-- ----------------------------------------------------------------------------
USE [master];
IF DB_ID(N'OS_PROD_LOG') IS NULL
    THROW 50000, N'Database OS_PROD_LOG does not exist here: run backup-on-source.sql on the source server. Nothing was backed up.', 1;
-- The file must be new: NOINIT appends to an existing file, and the restore of FILE = 1 would then restore
-- the older backup set. RESTORE LABELONLY reads the media header of a backup file that exists and fails
-- (Msg 3201) when there is none. A file that exists but is no backup is refused by BACKUP itself (only
-- FORMAT, never written here, overwrites one).
DECLARE @envclone_file_exists bit = 1;
BEGIN TRY
    RESTORE LABELONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak';
END TRY
BEGIN CATCH
    SET @envclone_file_exists = 0;
END CATCH;
IF @envclone_file_exists = 1
    THROW 50000, N'Backup file \\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak already exists: move it away, or make a new plan (it gets a new backup name). Nothing was backed up.', 1;
BACKUP DATABASE [OS_PROD_LOG] TO DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak'
    WITH COPY_ONLY, CHECKSUM, NOFORMAT, NOINIT,
    NAME = N'envclone OS_PROD_LOG qa2-refresh-7',
    STATS = 5;
RESTORE VERIFYONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak' WITH FILE = 1, CHECKSUM;
GO
