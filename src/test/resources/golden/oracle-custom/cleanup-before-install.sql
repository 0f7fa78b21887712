-- envclone cleanup script, before the install: Production -> Pre-Production, Oracle, reconfigure an installation to use a restored database
-- Run it after the clone and before checklist step 20, Configure the platform database.
-- Never after that step: from then on the platform writes the new environment's keys and front-ends into these tables.
-- Step numbers are those of checklist.md. Each step sets up its own session and guards, so it can also be run alone.
-- Target: the imported platform schema NEW_OSADMIN
-- Run in SQL*Plus (sqlplus <login> @<this file>). The first error rolls the open step back and ends
-- SQL*Plus with a failure exit code. Each step sets its own session (WHENEVER, NLS, CURRENT_SCHEMA).

-- ----------------------------------------------------------------------------
-- Step 7: Clean up the environment security context
-- Document: Migrate an environment with Oracle database > Prepare the database > Clean up the environment security context
-- ----------------------------------------------------------------------------
WHENEVER SQLERROR EXIT FAILURE ROLLBACK
WHENEVER OSERROR EXIT FAILURE ROLLBACK
SET SQLBLANKLINES ON
ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI;
ALTER SESSION SET CURRENT_SCHEMA = "NEW_OSADMIN";
delete from ossys_parameter where name = 'ClientApplicationToken';
delete from ossys_parameter where name = 'privateKeyValidation';
delete from ossys_Parameter where name = 'OutSystems.HubEdition.MobileLogin_AuthenticationHMACKey';
delete from ossys_Parameter where name = 'OutSystems.HubEdition.MobileLogin_AuthenticationEncryptKey';
delete from ossys_Parameter where name = 'OutSystems.HubEdition.References.AuthenticationEncryptKey';
delete from ossys_Parameter where name = 'OutSystems.HubEdition.References.HashKey';
delete from ossys_Parameter where name = 'OutSystems.SystemComponents.Users.AuthenticationEncryptKey';
delete from ossys_Parameter where name = 'OutSystems.SystemComponents.Users.HashKey';
delete from ossys_Parameter where name = 'LifetTime.FallbackAuthToken';
delete from ossys_Parameter where name = 'OutSystems.IdentityService.AllowIdPAuthOnly';
delete from ossys_Parameter where name = 'OutSystems.IdentityService.Claims.Username';
delete from ossys_Parameter where name = 'OutSystems.IdentityService.isActive';
delete from ossys_Parameter where name = 'OutSystems.IdentityService.LoginClient.ClientId';
delete from ossys_Parameter where name = 'OutSystems.IdentityService.LoginClient.NativeClientId';
delete from ossys_Parameter where name = 'OutSystems.IdentityService.LoginClient.WebClientId';
delete from ossys_Parameter where name = 'OutSystems.IdentityService.Scopes';
delete from ossys_Parameter where name = 'OutSystems.IdentityService.ServiceUrl';
delete from ossys_Parameter where name = 'OutSystems.SiteProperties.EncryptionKey';
COMMIT;

-- ----------------------------------------------------------------------------
-- Step 8: Clean up the configuration of mobile apps
-- Document: Migrate an environment with Oracle database > Prepare the database > Clean up the configuration of mobile apps
-- ----------------------------------------------------------------------------
WHENEVER SQLERROR EXIT FAILURE ROLLBACK
WHENEVER OSERROR EXIT FAILURE ROLLBACK
SET SQLBLANKLINES ON
ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI;
ALTER SESSION SET CURRENT_SCHEMA = "NEW_OSADMIN";
delete from ossys_App_Mobile_Config;
delete from ossys_Mobile_Certificate;
delete from ossys_Mobile_Config_Data;
COMMIT;

-- ----------------------------------------------------------------------------
-- Step 9: Clean up secret site properties
-- Document: Migrate an environment with Oracle database > Prepare the database > Clean up secret site properties
-- ----------------------------------------------------------------------------
WHENEVER SQLERROR EXIT FAILURE ROLLBACK
WHENEVER OSERROR EXIT FAILURE ROLLBACK
SET SQLBLANKLINES ON
ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI;
ALTER SESSION SET CURRENT_SCHEMA = "NEW_OSADMIN";
UPDATE OSSYS_SITE_PROPERTY
SET PROPERTY_VALUE = (SELECT spd.DEFAULT_VALUE FROM OSSYS_SITE_PROPERTY_DEFINITION spd
                      WHERE spd.ID = OSSYS_SITE_PROPERTY.SITE_PROPERTY_DEFINITION_ID),
    USER_MODIFIED = 0
WHERE SITE_PROPERTY_DEFINITION_ID IN (
    SELECT spd.ID FROM OSSYS_SITE_PROPERTY_DEFINITION spd
    INNER JOIN OSSYS_SITE_PROPERTY_DEF_EXT spde ON spd.ID = spde.SITE_PROPERTY_DEFINITION_ID
    WHERE spde.IS_SECRET = 1);
UPDATE OSSYS_SITE_PROPERTY_SHARED
SET PROPERTY_VALUE = (SELECT spd.DEFAULT_VALUE FROM OSSYS_SITE_PROPERTY_DEFINITION spd
                      WHERE spd.ID = OSSYS_SITE_PROPERTY_SHARED.SITE_PROPERTY_DEFINITION_ID),
    USER_MODIFIED = 0
WHERE SITE_PROPERTY_DEFINITION_ID IN (
    SELECT spd.ID FROM OSSYS_SITE_PROPERTY_DEFINITION spd
    INNER JOIN OSSYS_SITE_PROPERTY_DEF_EXT spde ON spd.ID = spde.SITE_PROPERTY_DEFINITION_ID
    WHERE spde.IS_SECRET = 1);
COMMIT;

-- ----------------------------------------------------------------------------
-- Step 10: Clean up selective deployment zones
-- Document: Migrate an environment with Oracle database > Prepare the database > Clean up selective deployment zones
-- ----------------------------------------------------------------------------
WHENEVER SQLERROR EXIT FAILURE ROLLBACK
WHENEVER OSERROR EXIT FAILURE ROLLBACK
SET SQLBLANKLINES ON
ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI;
ALTER SESSION SET CURRENT_SCHEMA = "NEW_OSADMIN";
delete from ossys_modulefrontend;
delete from ossys_moduleinternaladdress;
delete from ossys_platformconfig where name in (
  'Application Deployment Configuration',
  'Default Application Deploy Instance',
  'Previous Deployment Zone Used',
  'Previous Deployment Zone Key',
  'Configured Application Deploy');
COMMIT;

-- ----------------------------------------------------------------------------
-- Step 11: Clean up the front-end listing
-- Document: Migrate an environment with Oracle database > Prepare the database > Clean up the front-ends listing
-- ----------------------------------------------------------------------------
WHENEVER SQLERROR EXIT FAILURE ROLLBACK
WHENEVER OSERROR EXIT FAILURE ROLLBACK
SET SQLBLANKLINES ON
ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI;
ALTER SESSION SET CURRENT_SCHEMA = "NEW_OSADMIN";
delete from ossys_server;
COMMIT;

-- ----------------------------------------------------------------------------
-- Step 12: Clean up the multiple database schemas configurations
-- Document: Migrate an environment with Oracle database > Prepare the database > Clean up the multiple database schemas configurations
-- ----------------------------------------------------------------------------
WHENEVER SQLERROR EXIT FAILURE ROLLBACK
WHENEVER OSERROR EXIT FAILURE ROLLBACK
SET SQLBLANKLINES ON
ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI;
ALTER SESSION SET CURRENT_SCHEMA = "NEW_OSADMIN";
update ossys_dbcatalog set password = ' ',username =' ' where name <> '(Main)';
COMMIT;

-- ----------------------------------------------------------------------------
-- Step 13: Clean up SAML configuration
-- Document: Migrate an environment with Oracle database > Prepare the database > Clean up SAML configuration
-- ----------------------------------------------------------------------------
WHENEVER SQLERROR EXIT FAILURE ROLLBACK
WHENEVER OSERROR EXIT FAILURE ROLLBACK
SET SQLBLANKLINES ON
ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI;
ALTER SESSION SET CURRENT_SCHEMA = "NEW_OSADMIN";
SELECT physical_table_name FROM ossys_entity WHERE name in ('ConfigIdP', 'ConfigSP', 'ConfigInternal', 'ConfigFile', 'ConfigFileBinary', 'Config_UserMappings');
DECLARE
  v_refused VARCHAR2(2000);
  v_modules NUMBER;
BEGIN
  SELECT COUNT(DISTINCT d.espace_id) INTO v_modules FROM (SELECT ossys_entity.physical_table_name AS physical_table_name, ossys_entity.name AS entity_name, ossys_entity.ss_key AS entity_ss_key, ossys_espace.id AS espace_id, ossys_espace.name AS espace_name, ossys_espace.is_active AS espace_active FROM ossys_entity INNER JOIN ossys_espace ON ossys_espace.id = ossys_entity.espace_id WHERE ossys_entity.name IN ('ConfigIdP', 'ConfigSP', 'ConfigInternal', 'ConfigFile', 'ConfigFileBinary', 'Config_UserMappings')) d;
  IF v_modules > 1 THEN
    RAISE_APPLICATION_ERROR(-20002, 'envclone: ossys_entity lists the SAML configuration tables in more than one module; envclone does not guess which one to empty. Nothing of this step ran.');
  END IF;
  SELECT MIN('envclone: SAML configuration table of entity ' || d.entity_name || ' in module ' || d.espace_name || ': ossys_entity.physical_table_name ''' || d.physical_table_name || ''' is not exactly one OSUSR_ table of schema NEW_OSADMIN. Nothing of this step ran.')
    INTO v_refused FROM (SELECT ossys_entity.physical_table_name AS physical_table_name, ossys_entity.name AS entity_name, ossys_entity.ss_key AS entity_ss_key, ossys_espace.id AS espace_id, ossys_espace.name AS espace_name, ossys_espace.is_active AS espace_active FROM ossys_entity INNER JOIN ossys_espace ON ossys_espace.id = ossys_entity.espace_id WHERE ossys_entity.name IN ('ConfigIdP', 'ConfigSP', 'ConfigInternal', 'ConfigFile', 'ConfigFileBinary', 'Config_UserMappings')) d
    WHERE (SELECT COUNT(*) FROM all_tables a WHERE a.owner = 'NEW_OSADMIN' AND UPPER(a.table_name) = UPPER(d.physical_table_name)
      AND SUBSTR(UPPER(a.table_name), 1, 6) = 'OSUSR_') <> 1;
  IF v_refused IS NOT NULL THEN
    RAISE_APPLICATION_ERROR(-20002, v_refused);
  END IF;
  FOR t IN (SELECT a.table_name FROM (SELECT ossys_entity.physical_table_name AS physical_table_name, ossys_entity.name AS entity_name, ossys_entity.ss_key AS entity_ss_key, ossys_espace.id AS espace_id, ossys_espace.name AS espace_name, ossys_espace.is_active AS espace_active FROM ossys_entity INNER JOIN ossys_espace ON ossys_espace.id = ossys_entity.espace_id WHERE ossys_entity.name IN ('ConfigIdP', 'ConfigSP', 'ConfigInternal', 'ConfigFile', 'ConfigFileBinary', 'Config_UserMappings')) d
      INNER JOIN all_tables a ON a.owner = 'NEW_OSADMIN' AND UPPER(a.table_name) = UPPER(d.physical_table_name)
      ORDER BY CASE d.entity_name WHEN 'Config_UserMappings' THEN 1 WHEN 'ConfigFileBinary' THEN 2 WHEN 'ConfigFile' THEN 3 WHEN 'ConfigInternal' THEN 4 WHEN 'ConfigSP' THEN 5 ELSE 6 END, d.physical_table_name) LOOP
    EXECUTE IMMEDIATE 'delete from ' || DBMS_ASSERT.ENQUOTE_NAME(t.table_name, FALSE);
  END LOOP;
END;
/
UPDATE ossys_Site_Property
SET PROPERTY_VALUE = (SELECT pd.DEFAULT_VALUE FROM ossys_Site_Property_Definition pd
                      WHERE pd.ID = ossys_Site_Property.SITE_PROPERTY_DEFINITION_ID)
WHERE User_Modified<>0 AND SITE_PROPERTY_DEFINITION_ID IN (
    SELECT pd.ID FROM ossys_Site_Property_Definition pd
    WHERE pd.ESPACE_ID = (SELECT ID FROM ossys_Espace WHERE NAME='Users')
    AND pd.NAME in ('UseActiveDirectoryLogin', 'UseLDAPLogin', 'UseLDAPStandard', 'UseSAMLLogin', 'UseIntegratedAuthenticationLogin'));
UPDATE ossys_Site_Property_shared
SET PROPERTY_VALUE = (SELECT pd.DEFAULT_VALUE FROM ossys_Site_Property_Definition pd
                      WHERE pd.ID = ossys_Site_Property_shared.SITE_PROPERTY_DEFINITION_ID)
WHERE User_Modified<>0 AND SITE_PROPERTY_DEFINITION_ID IN (
    SELECT pd.ID FROM ossys_Site_Property_Definition pd
    WHERE pd.ESPACE_ID = (SELECT ID FROM ossys_Espace WHERE NAME='Users')
    AND pd.NAME in ('UseActiveDirectoryLogin', 'UseLDAPLogin', 'UseLDAPStandard', 'UseSAMLLogin', 'UseIntegratedAuthenticationLogin'));
COMMIT;

-- ----------------------------------------------------------------------------
-- Step 14: Clean up an environment managed by LifeTime
-- Document: Migrate an environment with Oracle database > Prepare the database > Clean up an environment managed by LifeTime
-- ----------------------------------------------------------------------------
WHENEVER SQLERROR EXIT FAILURE ROLLBACK
WHENEVER OSERROR EXIT FAILURE ROLLBACK
SET SQLBLANKLINES ON
ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI;
ALTER SESSION SET CURRENT_SCHEMA = "NEW_OSADMIN";
DECLARE v_exists NUMBER(10,0);
BEGIN
  SELECT COUNT(*) INTO v_exists FROM all_tables
  WHERE owner = 'NEW_OSADMIN' AND table_name = 'OSSYS_PLATFORMSVCS_OBSERVER';
  IF v_exists > 0 THEN
    EXECUTE IMMEDIATE 'delete from OSSYS_PLATFORMSVCS_OBSERVER';
  END IF;
END;
/
DECLARE v_exists NUMBER(10,0);
BEGIN
  SELECT COUNT(*) INTO v_exists FROM all_tables
  WHERE owner = 'NEW_OSADMIN' AND table_name = 'OSSYS_CLOUDSERVICES_OBSERVER';
  IF v_exists > 0 THEN
    EXECUTE IMMEDIATE 'delete from OSSYS_CLOUDSERVICES_OBSERVER';
  END IF;
END;
/
update ossys_Site_Property_Shared set property_value=' ' where site_property_definition_id in (
    select site_property_definition_id
    from ossys_Site_Property_Shared
    inner join ossys_Site_Property_Definition on site_property_definition_id = ossys_Site_Property_Definition.id
    where ss_key = '1aaec1be-d60f-43d4-ba32-391f4c3080a6' or
    ss_key = '441f6eef-9c7f-4bb4-b3dd-7220272269ad'
);
COMMIT;

-- ----------------------------------------------------------------------------
-- Step 16: Clean up an environment running LifeTime
-- Document: Migrate an environment with Oracle database > Prepare the database > Clean up an environment running LifeTime
-- ----------------------------------------------------------------------------
WHENEVER SQLERROR EXIT FAILURE ROLLBACK
WHENEVER OSERROR EXIT FAILURE ROLLBACK
SET SQLBLANKLINES ON
ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI;
ALTER SESSION SET CURRENT_SCHEMA = "NEW_OSADMIN";
select 'update ' || physical_table_name || ' set isactive=0' from ossys_entity inner join ossys_espace on espace_id = ossys_espace.id and ossys_espace.is_active = 1 where ossys_entity.ss_key = '3312b1cd-b12e-4a29-bcdc-51edcdd86ef1';
DECLARE
  v_refused VARCHAR2(2000);
BEGIN
  SELECT MIN('envclone: LifeTime environment table of entity ' || d.entity_name || ' in module ' || d.espace_name || ': ossys_entity.physical_table_name ''' || d.physical_table_name || ''' is not exactly one OSUSR_ table of schema NEW_OSADMIN. Nothing of this step ran.')
    INTO v_refused FROM (SELECT ossys_entity.physical_table_name AS physical_table_name, ossys_entity.name AS entity_name, ossys_entity.ss_key AS entity_ss_key, ossys_espace.id AS espace_id, ossys_espace.name AS espace_name, ossys_espace.is_active AS espace_active from ossys_entity inner join ossys_espace on espace_id = ossys_espace.id and ossys_espace.is_active = 1 where ossys_entity.ss_key = '3312b1cd-b12e-4a29-bcdc-51edcdd86ef1') d
    WHERE (SELECT COUNT(*) FROM all_tables a WHERE a.owner = 'NEW_OSADMIN' AND UPPER(a.table_name) = UPPER(d.physical_table_name)
      AND SUBSTR(UPPER(a.table_name), 1, 6) = 'OSUSR_') <> 1;
  IF v_refused IS NOT NULL THEN
    RAISE_APPLICATION_ERROR(-20002, v_refused);
  END IF;
  FOR t IN (SELECT a.table_name FROM (SELECT ossys_entity.physical_table_name AS physical_table_name, ossys_entity.name AS entity_name, ossys_entity.ss_key AS entity_ss_key, ossys_espace.id AS espace_id, ossys_espace.name AS espace_name, ossys_espace.is_active AS espace_active from ossys_entity inner join ossys_espace on espace_id = ossys_espace.id and ossys_espace.is_active = 1 where ossys_entity.ss_key = '3312b1cd-b12e-4a29-bcdc-51edcdd86ef1') d
      INNER JOIN all_tables a ON a.owner = 'NEW_OSADMIN' AND UPPER(a.table_name) = UPPER(d.physical_table_name)
      ORDER BY d.physical_table_name) LOOP
    EXECUTE IMMEDIATE 'update ' || DBMS_ASSERT.ENQUOTE_NAME(t.table_name, FALSE) || ' set isactive=0';
  END LOOP;
END;
/
COMMIT;
