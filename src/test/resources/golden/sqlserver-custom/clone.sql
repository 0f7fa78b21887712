-- envclone: clone of the PROD databases for QA 2 (SQL Server)
-- Run in SSMS (or sqlcmd) on the database server, as a login with BACKUP DATABASE and CREATE DATABASE rights.
-- Backup and restore run outside any transaction and take as long as they take: no query timeout.
-- COPY_ONLY leaves the source's backup chain as it was; CHECKSUM verifies every page written.
USE [master];
GO

-- ----------------------------------------------------------------------------
-- The platform database: OS_PROD -> OS_QA
-- ----------------------------------------------------------------------------
BACKUP DATABASE [OS_PROD] TO DISK = N'\\backup01\sql\envclone\OS_PROD_envclone.bak'
    WITH COPY_ONLY, CHECKSUM, INIT, STATS = 5;
GO
-- The logical files must be those named in the MOVE clauses below.
RESTORE FILELISTONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_envclone.bak';
GO
RESTORE VERIFYONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_envclone.bak' WITH CHECKSUM;
GO
-- In the same batch as the restore: if the catalog exists, THROW ends the batch before RESTORE.
IF DB_ID(N'OS_QA') IS NOT NULL
    THROW 50000, N'Database OS_QA already exists: envclone restores only into a new catalog.', 1;
RESTORE DATABASE [OS_QA] FROM DISK = N'\\backup01\sql\envclone\OS_PROD_envclone.bak'
    WITH FILE = 1, CHECKSUM,
    MOVE N'OS_PROD_Data' TO N'E:\MSSQL\Data\OS_QA.mdf',
    MOVE N'OS_PROD_Data2' TO N'E:\MSSQL\Data\OS_QA_OS_PROD_Data2.ndf',
    MOVE N'OS_PROD_Log' TO N'F:\MSSQL\Log\OS_QA_log.ldf',
    RECOVERY, STATS = 5;
GO
-- Fixed growth increments instead of percentages, as Microsoft recommends for large files.
ALTER DATABASE [OS_QA] MODIFY FILE (NAME = N'OS_PROD_Data', FILEGROWTH = 512MB);
ALTER DATABASE [OS_QA] MODIFY FILE (NAME = N'OS_PROD_Data2', FILEGROWTH = 512MB);
ALTER DATABASE [OS_QA] MODIFY FILE (NAME = N'OS_PROD_Log', FILEGROWTH = 256MB);
GO

-- ----------------------------------------------------------------------------
-- The log database: OS_PROD_LOG -> OS_QA_LOG
-- ----------------------------------------------------------------------------
BACKUP DATABASE [OS_PROD_LOG] TO DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_envclone.bak'
    WITH COPY_ONLY, CHECKSUM, INIT, STATS = 5;
GO
-- The logical files must be those named in the MOVE clauses below.
RESTORE FILELISTONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_envclone.bak';
GO
RESTORE VERIFYONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_envclone.bak' WITH CHECKSUM;
GO
-- In the same batch as the restore: if the catalog exists, THROW ends the batch before RESTORE.
IF DB_ID(N'OS_QA_LOG') IS NOT NULL
    THROW 50000, N'Database OS_QA_LOG already exists: envclone restores only into a new catalog.', 1;
RESTORE DATABASE [OS_QA_LOG] FROM DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_envclone.bak'
    WITH FILE = 1, CHECKSUM,
    MOVE N'OS_PROD_LOG' TO N'E:\MSSQL\Data\OS_QA_LOG.mdf',
    MOVE N'OS_PROD_LOG_log' TO N'F:\MSSQL\Log\OS_QA_LOG_log.ldf',
    RECOVERY, STATS = 5;
GO
-- Fixed growth increments instead of percentages, as Microsoft recommends for large files.
ALTER DATABASE [OS_QA_LOG] MODIFY FILE (NAME = N'OS_PROD_LOG', FILEGROWTH = 512MB);
ALTER DATABASE [OS_QA_LOG] MODIFY FILE (NAME = N'OS_PROD_LOG_log', FILEGROWTH = 256MB);
GO
