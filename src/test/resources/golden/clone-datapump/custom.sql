-- ---- export-schemas, on the source: privileges (roles; the DIRECTORY; READ/WRITE on it)
SELECT role FROM session_roles WHERE role IN ('DATAPUMP_EXP_FULL_DATABASE', 'DATAPUMP_IMP_FULL_DATABASE');
SELECT directory_name FROM all_directories WHERE directory_name = ?;
SELECT DISTINCT privilege FROM all_tab_privs WHERE table_schema = 'SYS' AND table_name = ? AND privilege IN ('READ', 'WRITE') AND (grantee = USER OR grantee = 'PUBLIC' OR grantee IN (SELECT role FROM session_roles));

-- ---- export-schemas: this run's job, if it exists (check, run, recover)
SELECT state FROM user_datapump_jobs WHERE job_name = ?;

-- ---- export-schemas: the first dump file's size, -1 when absent (check)
DECLARE
    found BOOLEAN;
    file_length NUMBER;
    block_size BINARY_INTEGER;
BEGIN
    UTL_FILE.FGETATTR('ENVCLONE_DIR', 'prod_01.dmp', found, file_length, block_size);
    ? := CASE WHEN found THEN file_length ELSE -1 END;
END;
/

-- ---- export-schemas: define and start job ENVCLONE_EXP_20261202T013900
DECLARE
    h NUMBER;
BEGIN
    h := DBMS_DATAPUMP.OPEN(operation => 'EXPORT', job_mode => 'SCHEMA', job_name => 'ENVCLONE_EXP_20261202T013900');
    DBMS_DATAPUMP.ADD_FILE(handle => h, filename => 'prod_%U.dmp', directory => 'ENVCLONE_DIR', filetype => DBMS_DATAPUMP.KU$_FILE_TYPE_DUMP_FILE);
    DBMS_DATAPUMP.ADD_FILE(handle => h, filename => 'prod_export.log', directory => 'ENVCLONE_DIR', filetype => DBMS_DATAPUMP.KU$_FILE_TYPE_LOG_FILE);
    DBMS_DATAPUMP.METADATA_FILTER(handle => h, name => 'SCHEMA_EXPR', value => 'IN (''OSADMIN'', ''OSRUNTIME'', ''OSADMIN_LOG'', ''OSRUNTIME_LOG'', ''APPDATA'')');
    -- Consistent as of the moment the job starts, as expdp.par's FLASHBACK_TIME=SYSTIMESTAMP.
    DBMS_DATAPUMP.SET_PARAMETER(handle => h, name => 'FLASHBACK_TIME', value => 'SYSTIMESTAMP');
    DBMS_DATAPUMP.SET_PARALLEL(handle => h, degree => 4);
    DBMS_DATAPUMP.START_JOB(handle => h);
    ? := h;
    ? := TO_CHAR(SYSTIMESTAMP, 'YYYY-MM-DD HH24:MI:SS TZH:TZM');
EXCEPTION
    WHEN OTHERS THEN
        IF h IS NOT NULL THEN
            BEGIN
                DBMS_DATAPUMP.DETACH(handle => h);
            EXCEPTION
                -- The job's own error below is the one to report.
                WHEN OTHERS THEN NULL;
            END;
        END IF;
        RAISE;
END;
/

-- ---- export-schemas and import-schemas: one status poll
DECLARE
    job_state VARCHAR2(30);
    sts ku$_Status;
    entries CLOB;
    PROCEDURE append_entries(e ku$_LogEntry) IS
        i NUMBER;
        one VARCHAR2(32767);
    BEGIN
        IF e IS NULL THEN
            RETURN;
        END IF;
        i := e.FIRST;
        WHILE i IS NOT NULL LOOP
            one := TO_CHAR(e(i).ErrorNumber) || CHR(31) || e(i).LogText || CHR(30);
            DBMS_LOB.WRITEAPPEND(entries, LENGTH(one), one);
            i := e.NEXT(i);
        END LOOP;
    END;
BEGIN
    DBMS_LOB.CREATETEMPORARY(entries, TRUE);
    DBMS_DATAPUMP.GET_STATUS(handle => ?, mask => DBMS_DATAPUMP.KU$_STATUS_WIP
        + DBMS_DATAPUMP.KU$_STATUS_JOB_ERROR + DBMS_DATAPUMP.KU$_STATUS_JOB_STATUS,
        timeout => ?, job_state => job_state, status => sts);
    ? := job_state;
    IF BITAND(sts.mask, DBMS_DATAPUMP.KU$_STATUS_JOB_STATUS) != 0 THEN
        ? := sts.job_status.percent_done;
        ? := sts.job_status.error_count;
    ELSE
        ? := NULL;
        ? := NULL;
    END IF;
    IF BITAND(sts.mask, DBMS_DATAPUMP.KU$_STATUS_WIP) != 0 THEN
        append_entries(sts.wip);
    END IF;
    IF BITAND(sts.mask, DBMS_DATAPUMP.KU$_STATUS_JOB_ERROR) != 0 THEN
        append_entries(sts.error);
    END IF;
    ? := entries;
END;
/

-- ---- export-schemas: re-attach to the job after a restart of envclone; restart it if it stopped
BEGIN
    ? := DBMS_DATAPUMP.ATTACH(job_name => 'ENVCLONE_EXP_20261202T013900', job_owner => USER);
END;
/
BEGIN
    DBMS_DATAPUMP.START_JOB(handle => ?);
END;
/

-- ---- export-schemas and import-schemas: cancel; detach after the end
BEGIN
    DBMS_DATAPUMP.STOP_JOB(handle => ?, immediate => 1, keep_master => 0);
END;
/
BEGIN
    DBMS_DATAPUMP.DETACH(handle => ?);
END;
/

-- ---- export-schemas: recovery when the job is gone, its log file
DECLARE
    f UTL_FILE.FILE_TYPE;
    line VARCHAR2(32767);
    text CLOB;
BEGIN
    DBMS_LOB.CREATETEMPORARY(text, TRUE);
    f := UTL_FILE.FOPEN('ENVCLONE_DIR', 'prod_export.log', 'r', 32767);
    BEGIN
        LOOP
            UTL_FILE.GET_LINE(f, line);
            DBMS_LOB.WRITEAPPEND(text, NVL(LENGTH(line), 0) + 1, line || CHR(10));
        END LOOP;
    EXCEPTION
        WHEN NO_DATA_FOUND THEN
            UTL_FILE.FCLOSE(f);
    END;
    ? := text;
END;
/

-- ---- create-users, on the target: privileges
SELECT privilege FROM session_privs WHERE privilege IN ('CREATE TABLESPACE', 'CREATE USER', 'GRANT ANY PRIVILEGE', 'GRANT ANY OBJECT PRIVILEGE');

-- ---- create-users: create-users.sql's statements (the password placeholder is replaced only in the text handed to the driver)
DECLARE
    found NUMBER;
BEGIN
    SELECT COUNT(*) INTO found FROM dba_users WHERE username = 'NEW_APPDATA';
    IF found = 0 THEN
        RAISE_APPLICATION_ERROR(-20001, 'User NEW_APPDATA does not exist: run the creation script from Service Center (Administration > Database Schemas > Download Creation Script) on this database first, then this script. Nothing was created.');
    END IF;
END;
/
CREATE TABLESPACE "NEW_OSSYS" DATAFILE '/u02/oradata/OSQA/new_ossys01.dbf' SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED;
CREATE TABLESPACE "NEW_OSIDX" DATAFILE '/u02/oradata/OSQA/new_osidx01.dbf' SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED;
CREATE TABLESPACE "NEW_OSUSR" DATAFILE '/u02/oradata/OSQA/new_osusr01.dbf' SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED;
CREATE TABLESPACE "NEW_OSSYS_LOG" DATAFILE '/u02/oradata/OSQA/new_ossys_log01.dbf' SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED;
CREATE TABLESPACE "NEW_OSIDX_LOG" DATAFILE '/u02/oradata/OSQA/new_osidx_log01.dbf' SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED;
CREATE TABLESPACE "NEW_OSUSR_LOG" DATAFILE '/u02/oradata/OSQA/new_osusr_log01.dbf' SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED;
CREATE USER "NEW_OSADMIN" IDENTIFIED BY "&pw1" DEFAULT TABLESPACE "NEW_OSSYS" TEMPORARY TABLESPACE "TEMP_QA" QUOTA UNLIMITED ON "NEW_OSSYS" QUOTA UNLIMITED ON "NEW_OSIDX" QUOTA UNLIMITED ON "NEW_OSUSR";
GRANT CREATE SESSION, CREATE VIEW, CREATE TABLE, ALTER SESSION, CREATE SEQUENCE, CREATE PROCEDURE, CREATE TRIGGER TO "NEW_OSADMIN";
CREATE USER "NEW_OSRUNTIME" IDENTIFIED BY "&pw2" DEFAULT TABLESPACE "NEW_OSUSR" TEMPORARY TABLESPACE "TEMP_QA" QUOTA UNLIMITED ON "NEW_OSUSR";
GRANT CREATE SESSION TO "NEW_OSRUNTIME";
CREATE USER "NEW_OSADMIN_LOG" IDENTIFIED BY "&pw3" DEFAULT TABLESPACE "NEW_OSSYS_LOG" TEMPORARY TABLESPACE "TEMP_QA" QUOTA UNLIMITED ON "NEW_OSSYS_LOG" QUOTA UNLIMITED ON "NEW_OSIDX_LOG" QUOTA UNLIMITED ON "NEW_OSUSR_LOG";
GRANT CREATE SESSION, CREATE VIEW, CREATE TABLE, ALTER SESSION, CREATE SEQUENCE, CREATE PROCEDURE, CREATE TRIGGER TO "NEW_OSADMIN_LOG";
CREATE USER "NEW_OSRUNTIME_LOG" IDENTIFIED BY "&pw4" DEFAULT TABLESPACE "NEW_OSUSR_LOG" TEMPORARY TABLESPACE "TEMP_QA" QUOTA UNLIMITED ON "NEW_OSUSR_LOG";
GRANT CREATE SESSION TO "NEW_OSRUNTIME_LOG";

-- ---- create-users: recovery (users; users with CREATE SESSION; tablespaces)
SELECT username FROM dba_users WHERE username IN ('NEW_OSADMIN', 'NEW_OSRUNTIME', 'NEW_OSADMIN_LOG', 'NEW_OSRUNTIME_LOG');
SELECT grantee FROM dba_sys_privs WHERE privilege = 'CREATE SESSION' AND grantee IN ('NEW_OSADMIN', 'NEW_OSRUNTIME', 'NEW_OSADMIN_LOG', 'NEW_OSRUNTIME_LOG');
SELECT tablespace_name FROM dba_tablespaces WHERE tablespace_name IN ('NEW_OSSYS', 'NEW_OSIDX', 'NEW_OSUSR', 'NEW_OSSYS_LOG', 'NEW_OSIDX_LOG', 'NEW_OSUSR_LOG');

-- ---- import-schemas, on the target: privileges, as for the export; the dump file before the job
SELECT role FROM session_roles WHERE role IN ('DATAPUMP_EXP_FULL_DATABASE', 'DATAPUMP_IMP_FULL_DATABASE');
SELECT directory_name FROM all_directories WHERE directory_name = ?;
SELECT DISTINCT privilege FROM all_tab_privs WHERE table_schema = 'SYS' AND table_name = ? AND privilege IN ('READ', 'WRITE') AND (grantee = USER OR grantee = 'PUBLIC' OR grantee IN (SELECT role FROM session_roles));
SELECT state FROM user_datapump_jobs WHERE job_name = ?;
DECLARE
    found BOOLEAN;
    file_length NUMBER;
    block_size BINARY_INTEGER;
BEGIN
    UTL_FILE.FGETATTR('ENVCLONE_DIR', 'prod_01.dmp', found, file_length, block_size);
    ? := CASE WHEN found THEN file_length ELSE -1 END;
END;
/

-- ---- import-schemas: define and start job ENVCLONE_IMP_20261202T013900
DECLARE
    h NUMBER;
BEGIN
    h := DBMS_DATAPUMP.OPEN(operation => 'IMPORT', job_mode => 'SCHEMA', job_name => 'ENVCLONE_IMP_20261202T013900');
    DBMS_DATAPUMP.ADD_FILE(handle => h, filename => 'prod_%U.dmp', directory => 'ENVCLONE_DIR', filetype => DBMS_DATAPUMP.KU$_FILE_TYPE_DUMP_FILE);
    DBMS_DATAPUMP.ADD_FILE(handle => h, filename => 'prod_import.log', directory => 'ENVCLONE_DIR', filetype => DBMS_DATAPUMP.KU$_FILE_TYPE_LOG_FILE);
    DBMS_DATAPUMP.METADATA_FILTER(handle => h, name => 'SCHEMA_EXPR', value => 'IN (''OSADMIN'', ''OSRUNTIME'', ''OSADMIN_LOG'', ''OSRUNTIME_LOG'', ''APPDATA'')');
    DBMS_DATAPUMP.METADATA_REMAP(handle => h, name => 'REMAP_SCHEMA', old_value => 'OSADMIN', value => 'NEW_OSADMIN');
    DBMS_DATAPUMP.METADATA_REMAP(handle => h, name => 'REMAP_SCHEMA', old_value => 'OSRUNTIME', value => 'NEW_OSRUNTIME');
    DBMS_DATAPUMP.METADATA_REMAP(handle => h, name => 'REMAP_SCHEMA', old_value => 'OSADMIN_LOG', value => 'NEW_OSADMIN_LOG');
    DBMS_DATAPUMP.METADATA_REMAP(handle => h, name => 'REMAP_SCHEMA', old_value => 'OSRUNTIME_LOG', value => 'NEW_OSRUNTIME_LOG');
    DBMS_DATAPUMP.METADATA_REMAP(handle => h, name => 'REMAP_SCHEMA', old_value => 'APPDATA', value => 'NEW_APPDATA');
    DBMS_DATAPUMP.METADATA_REMAP(handle => h, name => 'REMAP_TABLESPACE', old_value => 'OSSYS', value => 'NEW_OSSYS');
    DBMS_DATAPUMP.METADATA_REMAP(handle => h, name => 'REMAP_TABLESPACE', old_value => 'OSIDX', value => 'NEW_OSIDX');
    DBMS_DATAPUMP.METADATA_REMAP(handle => h, name => 'REMAP_TABLESPACE', old_value => 'OSUSR', value => 'NEW_OSUSR');
    DBMS_DATAPUMP.METADATA_REMAP(handle => h, name => 'REMAP_TABLESPACE', old_value => 'OSSYS_LOG', value => 'NEW_OSSYS_LOG');
    DBMS_DATAPUMP.METADATA_REMAP(handle => h, name => 'REMAP_TABLESPACE', old_value => 'OSIDX_LOG', value => 'NEW_OSIDX_LOG');
    DBMS_DATAPUMP.METADATA_REMAP(handle => h, name => 'REMAP_TABLESPACE', old_value => 'OSUSR_LOG', value => 'NEW_OSUSR_LOG');
    DBMS_DATAPUMP.METADATA_REMAP(handle => h, name => 'REMAP_TABLESPACE', old_value => 'APPDATA_TS', value => 'NEW_OSUSR');
    DBMS_DATAPUMP.SET_PARALLEL(handle => h, degree => 4);
    DBMS_DATAPUMP.START_JOB(handle => h);
    ? := h;
EXCEPTION
    WHEN OTHERS THEN
        IF h IS NOT NULL THEN
            BEGIN
                DBMS_DATAPUMP.DETACH(handle => h);
            EXCEPTION
                -- The job's own error below is the one to report.
                WHEN OTHERS THEN NULL;
            END;
        END IF;
        RAISE;
END;
/

-- ---- import-schemas: re-attach
BEGIN
    ? := DBMS_DATAPUMP.ATTACH(job_name => 'ENVCLONE_IMP_20261202T013900', job_owner => USER);
END;
/

-- ---- import-schemas: recovery when the job is gone, its log file
DECLARE
    f UTL_FILE.FILE_TYPE;
    line VARCHAR2(32767);
    text CLOB;
BEGIN
    DBMS_LOB.CREATETEMPORARY(text, TRUE);
    f := UTL_FILE.FOPEN('ENVCLONE_DIR', 'prod_import.log', 'r', 32767);
    BEGIN
        LOOP
            UTL_FILE.GET_LINE(f, line);
            DBMS_LOB.WRITEAPPEND(text, NVL(LENGTH(line), 0) + 1, line || CHR(10));
        END LOOP;
    EXCEPTION
        WHEN NO_DATA_FOUND THEN
            UTL_FILE.FCLOSE(f);
    END;
    ? := text;
END;
/

-- ---- revoke-original-privileges, on the target: privileges
SELECT privilege FROM session_privs WHERE privilege IN ('CREATE TABLESPACE', 'CREATE USER', 'GRANT ANY PRIVILEGE', 'GRANT ANY OBJECT PRIVILEGE');

-- ---- revoke-original-privileges: revoke-after-import.sql's statements (the listing is also the recovery's query)
SELECT grantee, owner, table_name, type, privilege FROM dba_tab_privs
WHERE grantee IN ('NEW_OSADMIN', 'NEW_OSRUNTIME', 'NEW_OSADMIN_LOG', 'NEW_OSRUNTIME_LOG', 'NEW_APPDATA')
  AND owner IN ('OSADMIN', 'OSRUNTIME', 'OSADMIN_LOG', 'OSRUNTIME_LOG', 'APPDATA')
ORDER BY grantee, owner, table_name, privilege;
BEGIN
    FOR p IN (SELECT grantee, owner, table_name, type, privilege FROM dba_tab_privs
              WHERE grantee IN ('NEW_OSADMIN', 'NEW_OSRUNTIME', 'NEW_OSADMIN_LOG', 'NEW_OSRUNTIME_LOG', 'NEW_APPDATA')
                AND owner IN ('OSADMIN', 'OSRUNTIME', 'OSADMIN_LOG', 'OSRUNTIME_LOG', 'APPDATA')) LOOP
        -- A privilege on a user (INHERIT PRIVILEGES) is revoked ON USER; every other ON owner.object.
        EXECUTE IMMEDIATE 'REVOKE ' || p.privilege || ' ON '
            || CASE p.type WHEN 'USER' THEN 'USER "' || p.table_name || '"'
               ELSE '"' || p.owner || '"."' || p.table_name || '"' END
            || ' FROM "' || p.grantee || '"';
        DBMS_OUTPUT.PUT_LINE('Revoked ' || p.privilege || ' on ' || p.owner || '.' || p.table_name
            || ' from ' || p.grantee);
    END LOOP;
END;
/
DECLARE
    remaining NUMBER;
BEGIN
    SELECT COUNT(*) INTO remaining FROM dba_tab_privs
    WHERE grantee IN ('NEW_OSADMIN', 'NEW_OSRUNTIME', 'NEW_OSADMIN_LOG', 'NEW_OSRUNTIME_LOG', 'NEW_APPDATA')
      AND owner IN ('OSADMIN', 'OSRUNTIME', 'OSADMIN_LOG', 'OSRUNTIME_LOG', 'APPDATA');
    IF remaining > 0 THEN
        RAISE_APPLICATION_ERROR(-20002, remaining || ' privileges of the imported users on the original schemas are left: revoke them as their grantor.');
    END IF;
END;
/

