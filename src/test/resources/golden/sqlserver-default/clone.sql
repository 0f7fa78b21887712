-- envclone: clone of the Production databases for Pre-Production (SQL Server)
-- Run in SSMS (or sqlcmd) on the database server, as a login with BACKUP DATABASE and CREATE DATABASE rights.
-- Backup and restore run outside any transaction and take as long as they take: no query timeout.
-- COPY_ONLY leaves the source's backup chain as it was; CHECKSUM verifies every page written.
USE [master];
GO

-- ----------------------------------------------------------------------------
-- The platform database: OUTSYSTEMS -> OUTSYSTEMS_CLONE
-- ----------------------------------------------------------------------------
BACKUP DATABASE [OUTSYSTEMS] TO DISK = N'D:\SQLBackup\OUTSYSTEMS_envclone.bak'
    WITH COPY_ONLY, CHECKSUM, INIT, STATS = 5;
GO
-- The logical files must be those named in the MOVE clauses below.
RESTORE FILELISTONLY FROM DISK = N'D:\SQLBackup\OUTSYSTEMS_envclone.bak';
GO
RESTORE VERIFYONLY FROM DISK = N'D:\SQLBackup\OUTSYSTEMS_envclone.bak' WITH CHECKSUM;
GO
-- In the same batch as the restore: if the catalog exists, THROW ends the batch before RESTORE.
IF DB_ID(N'OUTSYSTEMS_CLONE') IS NOT NULL
    THROW 50000, N'Database OUTSYSTEMS_CLONE already exists: envclone restores only into a new catalog.', 1;
RESTORE DATABASE [OUTSYSTEMS_CLONE] FROM DISK = N'D:\SQLBackup\OUTSYSTEMS_envclone.bak'
    WITH FILE = 1, CHECKSUM,
    MOVE N'OUTSYSTEMS' TO N'D:\SQLData\OUTSYSTEMS_CLONE.mdf',
    MOVE N'OUTSYSTEMS_log' TO N'L:\SQLLog\OUTSYSTEMS_CLONE_log.ldf',
    RECOVERY, STATS = 5;
GO
-- Fixed growth increments instead of percentages, as Microsoft recommends for large files.
ALTER DATABASE [OUTSYSTEMS_CLONE] MODIFY FILE (NAME = N'OUTSYSTEMS', FILEGROWTH = 512MB);
ALTER DATABASE [OUTSYSTEMS_CLONE] MODIFY FILE (NAME = N'OUTSYSTEMS_log', FILEGROWTH = 256MB);
GO
