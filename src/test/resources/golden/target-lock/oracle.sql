-- lock name for catalog OS_QA, admin schema osadmin
envclone:OSADMIN
-- identify the session
BEGIN
  DBMS_APPLICATION_INFO.SET_MODULE(module_name => 'envclone', action_name => 'run');
  DBMS_APPLICATION_INFO.SET_CLIENT_INFO(client_info => ?);
END;
-- request the lock
DECLARE
  v_handle VARCHAR2(128);
BEGIN
  DBMS_LOCK.ALLOCATE_UNIQUE(lockname => ?, lockhandle => v_handle);
  ? := DBMS_LOCK.REQUEST(lockhandle => v_handle, lockmode => DBMS_LOCK.X_MODE, timeout => 0,
                         release_on_commit => FALSE);
  ? := v_handle;
END;
-- release it
DECLARE
  v_result INTEGER;
BEGIN
  v_result := DBMS_LOCK.RELEASE(lockhandle => ?);
END;
-- who holds it
SELECT s.sid, s.machine, s.program, TO_CHAR(s.logon_time, 'YYYY-MM-DD"T"HH24:MI'), s.client_info
FROM v$lock l
JOIN v$session s ON s.sid = l.sid
WHERE l.type = 'UL' AND l.lmode = 6
  AND l.id1 = (SELECT a.lockid FROM sys.dbms_lock_allocated a WHERE a.name = ?)
  AND s.sid <> TO_NUMBER(SYS_CONTEXT('USERENV', 'SID'))
