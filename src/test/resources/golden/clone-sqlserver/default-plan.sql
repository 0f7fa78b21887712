-- route: the source catalog's fingerprint (the source URL's database)
SELECT @@SERVERNAME, DB_NAME(), CONVERT(varchar(33), create_date, 126) FROM sys.databases WHERE name = DB_NAME();
-- backup-database, on the source server (master, autocommit): the server and this session
SELECT CONVERT(int, SERVERPROPERTY('EngineEdition')) AS engine_edition, CONVERT(nvarchar(128), SERVERPROPERTY('Edition')) AS edition, CONVERT(int, SERVERPROPERTY('ProductMajorVersion')) AS product_major_version, CONVERT(int, DATABASEPROPERTYEX(N'master', 'Version')) AS database_version, CONVERT(nvarchar(260), SERVERPROPERTY('InstanceDefaultDataPath')) AS default_data_path, CONVERT(nvarchar(260), SERVERPROPERTY('InstanceDefaultLogPath')) AS default_log_path, SUSER_SNAME() AS login_name, @@SPID AS session_id, GETDATE() AS server_time;
SELECT servicename, service_account FROM sys.dm_server_services WHERE servicename LIKE N'SQL Server (%';
-- backup-database: checks for OUTSYSTEMS (parameter: OUTSYSTEMS)
SELECT name, state_desc, recovery_model_desc, SUSER_SNAME(owner_sid) AS owner_name, create_date FROM sys.databases WHERE name = ?;
EXEC sp_executesql N'USE [OUTSYSTEMS]; SELECT IS_SRVROLEMEMBER(N''sysadmin'') AS is_sysadmin, IS_ROLEMEMBER(N''db_owner'') AS is_db_owner, IS_ROLEMEMBER(N''db_backupoperator'') AS is_db_backupoperator, HAS_PERMS_BY_NAME(DB_NAME(), N''DATABASE'', N''BACKUP DATABASE'') AS has_backup_database';
RESTORE LABELONLY FROM DISK = N'D:\SQLBackup\OUTSYSTEMS_envclone_20261201T000000Z.bak';
-- backup-database: OUTSYSTEMS (an edition without backup compression)
BACKUP DATABASE [OUTSYSTEMS] TO DISK = N'D:\SQLBackup\OUTSYSTEMS_envclone_20261201T000000Z.bak'
    WITH COPY_ONLY, CHECKSUM, NOFORMAT, NOINIT,
    NAME = N'envclone OUTSYSTEMS envclone_20261201T000000Z',
    STATS = 5;
RESTORE VERIFYONLY FROM DISK = N'D:\SQLBackup\OUTSYSTEMS_envclone_20261201T000000Z.bak' WITH FILE = 1, CHECKSUM;
-- backup-database and restore-database: the progress poll, every 5 s on a second connection (parameter: the session id)
SELECT command, percent_complete, estimated_completion_time FROM sys.dm_exec_requests WHERE session_id = ?;
-- backup-database: recovery after a crash (parameters: source catalog, file, start)
SELECT TOP (1) b.backup_set_id, b.backup_start_date, b.backup_finish_date, b.is_copy_only, m.physical_device_name FROM msdb.dbo.backupset AS b JOIN msdb.dbo.backupmediafamily AS m ON m.media_set_id = b.media_set_id WHERE b.database_name = ? AND m.physical_device_name = ? AND b.type = 'D' AND b.backup_start_date >= ? ORDER BY b.backup_finish_date DESC;
-- restore-database, on the target server (master, autocommit): the server and the rights (parameter: the owner, sa)
SELECT CONVERT(int, SERVERPROPERTY('EngineEdition')) AS engine_edition, CONVERT(nvarchar(128), SERVERPROPERTY('Edition')) AS edition, CONVERT(int, SERVERPROPERTY('ProductMajorVersion')) AS product_major_version, CONVERT(int, DATABASEPROPERTYEX(N'master', 'Version')) AS database_version, CONVERT(nvarchar(260), SERVERPROPERTY('InstanceDefaultDataPath')) AS default_data_path, CONVERT(nvarchar(260), SERVERPROPERTY('InstanceDefaultLogPath')) AS default_log_path, SUSER_SNAME() AS login_name, @@SPID AS session_id, GETDATE() AS server_time;
SELECT IS_SRVROLEMEMBER(N'sysadmin') AS is_sysadmin, IS_SRVROLEMEMBER(N'dbcreator') AS is_dbcreator, HAS_PERMS_BY_NAME(NULL, NULL, N'CREATE ANY DATABASE') AS has_create_any_database, HAS_PERMS_BY_NAME(?, N'LOGIN', N'IMPERSONATE') AS can_impersonate_owner;
-- restore-database: OUTSYSTEMS_CLONE must not exist (parameter: OUTSYSTEMS_CLONE)
SELECT name, state_desc, recovery_model_desc, SUSER_SNAME(owner_sid) AS owner_name, create_date FROM sys.databases WHERE name = ?;
SELECT servicename, service_account FROM sys.dm_server_services WHERE servicename LIKE N'SQL Server (%';
-- restore-database: what the backup of OUTSYSTEMS holds, before any RESTORE
RESTORE HEADERONLY FROM DISK = N'D:\SQLBackup\OUTSYSTEMS_envclone_20261201T000000Z.bak';
RESTORE FILELISTONLY FROM DISK = N'D:\SQLBackup\OUTSYSTEMS_envclone_20261201T000000Z.bak' WITH FILE = 1;
-- restore-database: OUTSYSTEMS -> OUTSYSTEMS_CLONE, then its settings and its state (parameter: OUTSYSTEMS_CLONE)
RESTORE DATABASE [OUTSYSTEMS_CLONE] FROM DISK = N'D:\SQLBackup\OUTSYSTEMS_envclone_20261201T000000Z.bak'
    WITH FILE = 1, CHECKSUM,
    MOVE N'OUTSYSTEMS' TO N'D:\SQLData\OUTSYSTEMS_CLONE.mdf',
    MOVE N'OUTSYSTEMS_log' TO N'L:\SQLLog\OUTSYSTEMS_CLONE_log.ldf',
    RECOVERY, STATS = 5;
ALTER DATABASE [OUTSYSTEMS_CLONE] MODIFY FILE (NAME = N'OUTSYSTEMS', FILEGROWTH = 512MB);
ALTER DATABASE [OUTSYSTEMS_CLONE] MODIFY FILE (NAME = N'OUTSYSTEMS_log', FILEGROWTH = 256MB);
ALTER DATABASE [OUTSYSTEMS_CLONE] SET RECOVERY SIMPLE;
ALTER AUTHORIZATION ON DATABASE::[OUTSYSTEMS_CLONE] TO [sa];
SELECT name, state_desc, recovery_model_desc, SUSER_SNAME(owner_sid) AS owner_name, create_date FROM sys.databases WHERE name = ?;
-- restore-database: recovery after a crash, per catalog (parameters: catalog; then catalog, file, start); the settings above again for a catalog found restored
SELECT name, state_desc, recovery_model_desc, SUSER_SNAME(owner_sid) AS owner_name, create_date FROM sys.databases WHERE name = ?;
SELECT TOP (1) h.restore_history_id, h.restore_date, h.destination_database_name, h.restore_type, h.recovery, m.physical_device_name FROM msdb.dbo.restorehistory AS h JOIN msdb.dbo.backupset AS b ON b.backup_set_id = h.backup_set_id JOIN msdb.dbo.backupmediafamily AS m ON m.media_set_id = b.media_set_id WHERE h.destination_database_name = ? AND m.physical_device_name = ? AND h.restore_date >= ? ORDER BY h.restore_date DESC;
