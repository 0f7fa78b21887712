:ON ERROR EXIT
:setvar EnvcloneSqlcmd "on"
-- envclone: part 1 of 2 of the clone of the Production databases for Pre-Production (SQL Server): the backup.
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
-- The platform database: OUTSYSTEMS (restored as OUTSYSTEMS_CLONE by restore-on-target.sql)
-- ----------------------------------------------------------------------------
USE [master];
IF DB_ID(N'OUTSYSTEMS') IS NULL
    THROW 50000, N'Database OUTSYSTEMS does not exist here: run backup-on-source.sql on the source server. Nothing was backed up.', 1;
-- The file must be new: NOINIT appends to an existing file, and the restore of FILE = 1 would then restore
-- the older backup set. RESTORE LABELONLY reads the media header of a backup file that exists and fails
-- (Msg 3201) when there is none. A file that exists but is no backup is refused by BACKUP itself (only
-- FORMAT, never written here, overwrites one).
DECLARE @envclone_file_exists bit = 1;
BEGIN TRY
    RESTORE LABELONLY FROM DISK = N'D:\SQLBackup\OUTSYSTEMS_envclone_20261201T000000Z.bak';
END TRY
BEGIN CATCH
    SET @envclone_file_exists = 0;
END CATCH;
IF @envclone_file_exists = 1
    THROW 50000, N'Backup file D:\SQLBackup\OUTSYSTEMS_envclone_20261201T000000Z.bak already exists: move it away, or make a new plan (it gets a new backup name). Nothing was backed up.', 1;
BACKUP DATABASE [OUTSYSTEMS] TO DISK = N'D:\SQLBackup\OUTSYSTEMS_envclone_20261201T000000Z.bak'
    WITH COPY_ONLY, CHECKSUM, NOFORMAT, NOINIT,
    NAME = N'envclone OUTSYSTEMS envclone_20261201T000000Z',
    STATS = 5;
RESTORE VERIFYONLY FROM DISK = N'D:\SQLBackup\OUTSYSTEMS_envclone_20261201T000000Z.bak' WITH FILE = 1, CHECKSUM;
GO
