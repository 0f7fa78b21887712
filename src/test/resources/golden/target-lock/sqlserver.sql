-- lock name for catalog OS_QA, admin schema osadmin
envclone:OS_QA
-- identify the session
DECLARE @envclone_info varbinary(128) = CAST(CAST(? AS nvarchar(64)) AS varbinary(128));
SET CONTEXT_INFO @envclone_info;
-- request the lock
DECLARE @envclone_result int;
EXEC @envclone_result = sp_getapplock @Resource = ?, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0;
SELECT @envclone_result;
-- release it
EXEC sp_releaseapplock @Resource = ?, @LockOwner = 'Session';
-- who holds it
SELECT s.session_id, s.host_name, s.program_name, CONVERT(varchar(16), s.login_time, 126),
       CAST(s.context_info AS nvarchar(64))
FROM sys.dm_tran_locks AS l
JOIN sys.dm_exec_sessions AS s ON s.session_id = l.request_session_id
WHERE l.resource_type = N'APPLICATION' AND l.resource_database_id = DB_ID()
  AND l.request_owner_type = N'SESSION' AND l.request_mode = N'X'
  AND CHARINDEX(LEFT(?, 32), l.resource_description) > 0
  AND l.request_session_id <> @@SPID;
