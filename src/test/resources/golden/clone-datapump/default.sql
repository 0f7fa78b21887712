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
    UTL_FILE.FGETATTR('DATA_PUMP_DIR', 'envclone_01.dmp', found, file_length, block_size);
    ? := CASE WHEN found THEN file_length ELSE -1 END;
END;
/

-- ---- export-schemas: define and start job ENVCLONE_EXP_20261202T013900
DECLARE
    h NUMBER;
BEGIN
    h := DBMS_DATAPUMP.OPEN(operation => 'EXPORT', job_mode => 'SCHEMA', job_name => 'ENVCLONE_EXP_20261202T013900');
    DBMS_DATAPUMP.ADD_FILE(handle => h, filename => 'envclone_%U.dmp', directory => 'DATA_PUMP_DIR', filetype => DBMS_DATAPUMP.KU$_FILE_TYPE_DUMP_FILE);
    DBMS_DATAPUMP.ADD_FILE(handle => h, filename => 'envclone_export.log', directory => 'DATA_PUMP_DIR', filetype => DBMS_DATAPUMP.KU$_FILE_TYPE_LOG_FILE);
    DBMS_DATAPUMP.METADATA_FILTER(handle => h, name => 'SCHEMA_EXPR', value => 'IN (''OSADMIN'', ''OSRUNTIME'', ''OSADMIN_LOG'', ''OSRUNTIME_LOG'')');
    -- Consistent as of the moment the job starts, as expdp.par's FLASHBACK_TIME=SYSTIMESTAMP.
    DBMS_DATAPUMP.SET_PARAMETER(handle => h, name => 'FLASHBACK_TIME', value => 'SYSTIMESTAMP');
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
    f := UTL_FILE.FOPEN('DATA_PUMP_DIR', 'envclone_export.log', 'r', 32767);
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
CREATE TABLESPACE "OSSYS" DATAFILE SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED;
CREATE TABLESPACE "OSIDX" DATAFILE SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED;
CREATE TABLESPACE "OSUSR" DATAFILE SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED;
CREATE TABLESPACE "OSSYS_LOG" DATAFILE SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED;
CREATE TABLESPACE "OSIDX_LOG" DATAFILE SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED;
CREATE TABLESPACE "OSUSR_LOG" DATAFILE SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED;
CREATE USER "OSADMIN" IDENTIFIED BY "&pw1" DEFAULT TABLESPACE "OSSYS" QUOTA UNLIMITED ON "OSSYS" QUOTA UNLIMITED ON "OSIDX" QUOTA UNLIMITED ON "OSUSR";
GRANT CREATE SESSION, CREATE VIEW, CREATE TABLE, ALTER SESSION, CREATE SEQUENCE, CREATE PROCEDURE, CREATE TRIGGER TO "OSADMIN";
CREATE USER "OSRUNTIME" IDENTIFIED BY "&pw2" DEFAULT TABLESPACE "OSUSR" QUOTA UNLIMITED ON "OSUSR";
GRANT CREATE SESSION TO "OSRUNTIME";
CREATE USER "OSADMIN_LOG" IDENTIFIED BY "&pw3" DEFAULT TABLESPACE "OSSYS_LOG" QUOTA UNLIMITED ON "OSSYS_LOG" QUOTA UNLIMITED ON "OSIDX_LOG" QUOTA UNLIMITED ON "OSUSR_LOG";
GRANT CREATE SESSION, CREATE VIEW, CREATE TABLE, ALTER SESSION, CREATE SEQUENCE, CREATE PROCEDURE, CREATE TRIGGER TO "OSADMIN_LOG";
CREATE USER "OSRUNTIME_LOG" IDENTIFIED BY "&pw4" DEFAULT TABLESPACE "OSUSR_LOG" QUOTA UNLIMITED ON "OSUSR_LOG";
GRANT CREATE SESSION TO "OSRUNTIME_LOG";

-- ---- create-users: recovery (users; users with CREATE SESSION; tablespaces)
SELECT username FROM dba_users WHERE username IN ('OSADMIN', 'OSRUNTIME', 'OSADMIN_LOG', 'OSRUNTIME_LOG');
SELECT grantee FROM dba_sys_privs WHERE privilege = 'CREATE SESSION' AND grantee IN ('OSADMIN', 'OSRUNTIME', 'OSADMIN_LOG', 'OSRUNTIME_LOG');
SELECT tablespace_name FROM dba_tablespaces WHERE tablespace_name IN ('OSSYS', 'OSIDX', 'OSUSR', 'OSSYS_LOG', 'OSIDX_LOG', 'OSUSR_LOG');

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
    UTL_FILE.FGETATTR('DATA_PUMP_DIR', 'envclone_01.dmp', found, file_length, block_size);
    ? := CASE WHEN found THEN file_length ELSE -1 END;
END;
/

-- ---- import-schemas: define and start job ENVCLONE_IMP_20261202T013900
DECLARE
    h NUMBER;
BEGIN
    h := DBMS_DATAPUMP.OPEN(operation => 'IMPORT', job_mode => 'SCHEMA', job_name => 'ENVCLONE_IMP_20261202T013900');
    DBMS_DATAPUMP.ADD_FILE(handle => h, filename => 'envclone_%U.dmp', directory => 'DATA_PUMP_DIR', filetype => DBMS_DATAPUMP.KU$_FILE_TYPE_DUMP_FILE);
    DBMS_DATAPUMP.ADD_FILE(handle => h, filename => 'envclone_import.log', directory => 'DATA_PUMP_DIR', filetype => DBMS_DATAPUMP.KU$_FILE_TYPE_LOG_FILE);
    DBMS_DATAPUMP.METADATA_FILTER(handle => h, name => 'SCHEMA_EXPR', value => 'IN (''OSADMIN'', ''OSRUNTIME'', ''OSADMIN_LOG'', ''OSRUNTIME_LOG'')');
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
    f := UTL_FILE.FOPEN('DATA_PUMP_DIR', 'envclone_import.log', 'r', 32767);
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

-- ---- revoke-original-privileges: not in this plan (no schema is remapped)
