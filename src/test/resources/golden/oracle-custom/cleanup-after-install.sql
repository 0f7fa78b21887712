-- envclone cleanup script, after the install: Production -> Pre-Production, Oracle, reconfigure an installation to use a restored database
-- Run each step when checklist.md reaches it, after checklist step 20, Configure the platform database.
-- The database connections step deletes every connection but the log's, and stops by itself while extensions still map one;
-- run again, it changes nothing, unless connections were created since: run it before you create the new environment's.
-- Step numbers are those of checklist.md. Each step sets up its own session and guards, so it can also be run alone.
-- Target: the imported platform schema NEW_OSADMIN
-- Run in SQL*Plus (sqlplus <login> @<this file>). The first error rolls the open step back and ends
-- SQL*Plus with a failure exit code. Each step sets its own session (WHENEVER, NLS, CURRENT_SCHEMA).

-- ----------------------------------------------------------------------------
-- Step 28: Clean up database connections
-- Document: Migrate an environment with Oracle database > Reconfigure an installation to use a restored database > Clean up database connections
-- ----------------------------------------------------------------------------
WHENEVER SQLERROR EXIT FAILURE ROLLBACK
WHENEVER OSERROR EXIT FAILURE ROLLBACK
SET SQLBLANKLINES ON
ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI;
ALTER SESSION SET CURRENT_SCHEMA = "NEW_OSADMIN";
DECLARE v_rows NUMBER;
BEGIN
  SELECT COUNT(*) INTO v_rows FROM OSSYS_EXTENSION_DBCONNECTION;
  IF v_rows > 0 THEN
    RAISE_APPLICATION_ERROR(-20001, 'Extensions still map database connections: in Service Center, Factory > Extensions, set each logical database to (not configured) first.');
  END IF;
END;
/
delete from ossys_dbconnection where NAME <>'$OS_LOG_DB_7e3e8ce0';
COMMIT;
