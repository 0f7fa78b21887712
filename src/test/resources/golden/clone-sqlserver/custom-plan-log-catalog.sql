-- route: the source catalog's fingerprint (the source URL's database)
SELECT @@SERVERNAME, DB_NAME(), CONVERT(varchar(33), create_date, 126) FROM sys.databases WHERE name = DB_NAME();
-- backup-database, on the source server (master, autocommit): the server and this session
SELECT CONVERT(int, SERVERPROPERTY('EngineEdition')) AS engine_edition, CONVERT(nvarchar(128), SERVERPROPERTY('Edition')) AS edition, CONVERT(int, SERVERPROPERTY('ProductMajorVersion')) AS product_major_version, CONVERT(int, DATABASEPROPERTYEX(N'master', 'Version')) AS database_version, CONVERT(nvarchar(260), SERVERPROPERTY('InstanceDefaultDataPath')) AS default_data_path, CONVERT(nvarchar(260), SERVERPROPERTY('InstanceDefaultLogPath')) AS default_log_path, SUSER_SNAME() AS login_name, @@SPID AS session_id, GETDATE() AS server_time;
SELECT servicename, service_account FROM sys.dm_server_services WHERE servicename LIKE N'SQL Server (%';
-- backup-database: checks for OS_PROD (parameter: OS_PROD)
SELECT name, state_desc, recovery_model_desc, SUSER_SNAME(owner_sid) AS owner_name, create_date FROM sys.databases WHERE name = ?;
EXEC sp_executesql N'USE [OS_PROD]; SELECT IS_SRVROLEMEMBER(N''sysadmin'') AS is_sysadmin, IS_ROLEMEMBER(N''db_owner'') AS is_db_owner, IS_ROLEMEMBER(N''db_backupoperator'') AS is_db_backupoperator, HAS_PERMS_BY_NAME(DB_NAME(), N''DATABASE'', N''BACKUP DATABASE'') AS has_backup_database';
RESTORE LABELONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak';
-- backup-database: checks for OS_PROD_LOG (parameter: OS_PROD_LOG)
SELECT name, state_desc, recovery_model_desc, SUSER_SNAME(owner_sid) AS owner_name, create_date FROM sys.databases WHERE name = ?;
EXEC sp_executesql N'USE [OS_PROD_LOG]; SELECT IS_SRVROLEMEMBER(N''sysadmin'') AS is_sysadmin, IS_ROLEMEMBER(N''db_owner'') AS is_db_owner, IS_ROLEMEMBER(N''db_backupoperator'') AS is_db_backupoperator, HAS_PERMS_BY_NAME(DB_NAME(), N''DATABASE'', N''BACKUP DATABASE'') AS has_backup_database';
RESTORE LABELONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak';
-- backup-database: OS_PROD (EngineEdition 3, or 2 with an Edition starting 'Standard')
BACKUP DATABASE [OS_PROD] TO DISK = N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak'
    WITH COPY_ONLY, CHECKSUM, COMPRESSION, NOFORMAT, NOINIT,
    NAME = N'envclone OS_PROD qa2-refresh-7',
    STATS = 5;
RESTORE VERIFYONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak' WITH FILE = 1, CHECKSUM;
-- backup-database: OS_PROD_LOG (EngineEdition 3, or 2 with an Edition starting 'Standard')
BACKUP DATABASE [OS_PROD_LOG] TO DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak'
    WITH COPY_ONLY, CHECKSUM, COMPRESSION, NOFORMAT, NOINIT,
    NAME = N'envclone OS_PROD_LOG qa2-refresh-7',
    STATS = 5;
RESTORE VERIFYONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak' WITH FILE = 1, CHECKSUM;
-- backup-database and restore-database: the progress poll, every 5 s on a second connection (parameter: the session id)
SELECT command, percent_complete, estimated_completion_time FROM sys.dm_exec_requests WHERE session_id = ?;
-- backup-database: recovery after a crash (parameters: source catalog, file, start)
SELECT TOP (1) b.backup_set_id, b.backup_start_date, b.backup_finish_date, b.is_copy_only, m.physical_device_name FROM msdb.dbo.backupset AS b JOIN msdb.dbo.backupmediafamily AS m ON m.media_set_id = b.media_set_id WHERE b.database_name = ? AND m.physical_device_name = ? AND b.type = 'D' AND b.backup_start_date >= ? ORDER BY b.backup_finish_date DESC;
-- restore-database, on the target server (master, autocommit): the server and the rights (parameter: the owner, QA_DBOWNER)
SELECT CONVERT(int, SERVERPROPERTY('EngineEdition')) AS engine_edition, CONVERT(nvarchar(128), SERVERPROPERTY('Edition')) AS edition, CONVERT(int, SERVERPROPERTY('ProductMajorVersion')) AS product_major_version, CONVERT(int, DATABASEPROPERTYEX(N'master', 'Version')) AS database_version, CONVERT(nvarchar(260), SERVERPROPERTY('InstanceDefaultDataPath')) AS default_data_path, CONVERT(nvarchar(260), SERVERPROPERTY('InstanceDefaultLogPath')) AS default_log_path, SUSER_SNAME() AS login_name, @@SPID AS session_id, GETDATE() AS server_time;
SELECT IS_SRVROLEMEMBER(N'sysadmin') AS is_sysadmin, IS_SRVROLEMEMBER(N'dbcreator') AS is_dbcreator, HAS_PERMS_BY_NAME(NULL, NULL, N'CREATE ANY DATABASE') AS has_create_any_database, HAS_PERMS_BY_NAME(?, N'LOGIN', N'IMPERSONATE') AS can_impersonate_owner;
-- restore-database: OS_QA must not exist (parameter: OS_QA)
SELECT name, state_desc, recovery_model_desc, SUSER_SNAME(owner_sid) AS owner_name, create_date FROM sys.databases WHERE name = ?;
-- restore-database: OS_QA_LOG must not exist (parameter: OS_QA_LOG)
SELECT name, state_desc, recovery_model_desc, SUSER_SNAME(owner_sid) AS owner_name, create_date FROM sys.databases WHERE name = ?;
SELECT servicename, service_account FROM sys.dm_server_services WHERE servicename LIKE N'SQL Server (%';
-- restore-database: what the backup of OS_PROD holds, before any RESTORE
RESTORE HEADERONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak';
RESTORE FILELISTONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak' WITH FILE = 1;
-- restore-database: what the backup of OS_PROD_LOG holds, before any RESTORE
RESTORE HEADERONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak';
RESTORE FILELISTONLY FROM DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak' WITH FILE = 1;
-- restore-database: OS_PROD -> OS_QA, then its settings and its state (parameter: OS_QA)
RESTORE DATABASE [OS_QA] FROM DISK = N'\\backup01\sql\envclone\OS_PROD_qa2-refresh-7.bak'
    WITH FILE = 1, CHECKSUM,
    MOVE N'OS_PROD_Data' TO N'E:\MSSQL\Data\OS_QA.mdf',
    MOVE N'OS_PROD_Data2' TO N'E:\MSSQL\Data\OS_QA_OS_PROD_Data2.ndf',
    MOVE N'OS_PROD_Log' TO N'F:\MSSQL\Log\OS_QA_log.ldf',
    RECOVERY, STATS = 5;
ALTER DATABASE [OS_QA] MODIFY FILE (NAME = N'OS_PROD_Data', FILEGROWTH = 1GB);
ALTER DATABASE [OS_QA] MODIFY FILE (NAME = N'OS_PROD_Data2', FILEGROWTH = 1GB);
ALTER DATABASE [OS_QA] MODIFY FILE (NAME = N'OS_PROD_Log', FILEGROWTH = 128MB);
ALTER DATABASE [OS_QA] SET RECOVERY FULL;
ALTER AUTHORIZATION ON DATABASE::[OS_QA] TO [QA_DBOWNER];
SELECT name, state_desc, recovery_model_desc, SUSER_SNAME(owner_sid) AS owner_name, create_date FROM sys.databases WHERE name = ?;
-- restore-database: OS_PROD_LOG -> OS_QA_LOG, then its settings and its state (parameter: OS_QA_LOG)
RESTORE DATABASE [OS_QA_LOG] FROM DISK = N'\\backup01\sql\envclone\OS_PROD_LOG_qa2-refresh-7.bak'
    WITH FILE = 1, CHECKSUM,
    MOVE N'OS_PROD_LOG' TO N'E:\MSSQL\Data\OS_QA_LOG.mdf',
    MOVE N'OS_PROD_LOG_log' TO N'F:\MSSQL\Log\OS_QA_LOG_log.ldf',
    RECOVERY, STATS = 5;
ALTER DATABASE [OS_QA_LOG] MODIFY FILE (NAME = N'OS_PROD_LOG', FILEGROWTH = 1GB);
ALTER DATABASE [OS_QA_LOG] MODIFY FILE (NAME = N'OS_PROD_LOG_log', FILEGROWTH = 128MB);
ALTER DATABASE [OS_QA_LOG] SET RECOVERY FULL;
ALTER AUTHORIZATION ON DATABASE::[OS_QA_LOG] TO [QA_DBOWNER];
SELECT name, state_desc, recovery_model_desc, SUSER_SNAME(owner_sid) AS owner_name, create_date FROM sys.databases WHERE name = ?;
-- restore-database: recovery after a crash, per catalog (parameters: catalog; then catalog, file, start); the settings above again for a catalog found restored
SELECT name, state_desc, recovery_model_desc, SUSER_SNAME(owner_sid) AS owner_name, create_date FROM sys.databases WHERE name = ?;
SELECT TOP (1) h.restore_history_id, h.restore_date, h.destination_database_name, h.restore_type, h.recovery, m.physical_device_name FROM msdb.dbo.restorehistory AS h JOIN msdb.dbo.backupset AS b ON b.backup_set_id = h.backup_set_id JOIN msdb.dbo.backupmediafamily AS m ON m.media_set_id = b.media_set_id WHERE h.destination_database_name = ? AND m.physical_device_name = ? AND h.restore_date >= ? ORDER BY h.restore_date DESC;
