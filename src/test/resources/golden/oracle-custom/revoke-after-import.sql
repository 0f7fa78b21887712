-- envclone: the imported users' privileges on the original schemas, revoked (Oracle)
-- Only when impdp imported into the instance the export came from. Run in SQL*Plus AFTER impdp (impdp.par),
-- as a DBA (GRANT ANY OBJECT PRIVILEGE revokes what the owners granted), in the PDB of the import.
WHENEVER SQLERROR EXIT FAILURE ROLLBACK
WHENEVER OSERROR EXIT FAILURE ROLLBACK
SET SERVEROUTPUT ON

-- What is revoked below.
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

-- None may be left.
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
