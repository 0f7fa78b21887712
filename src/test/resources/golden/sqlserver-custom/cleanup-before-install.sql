-- envclone cleanup script, before the install: PROD -> QA 2, SQL Server, reconfigure an installation to use a restored database
-- Run it after the clone and before checklist step 15, Configure the platform database.
-- Never after that step: from then on the platform writes the new environment's keys and front-ends into these tables.
-- Step numbers are those of checklist.md. Each step sets up its own session and guards, so it can also be run alone.
-- Target: the restored catalog OS_QA
-- Run with sqlcmd (sqlcmd -S <server> -E -i <this file>), or in SSMS with Query > SQLCMD Mode on.
-- Without SQLCMD mode SSMS rejects each step's first line (:ON ERROR EXIT, a syntax error), so no
-- step runs and nothing changes. Each step is one batch and one transaction: an error rolls the step
-- back and :ON ERROR EXIT stops the script there.

-- ----------------------------------------------------------------------------
-- Step 4: Clean up the security context
-- Document: Migrate an environment with SQL Server database > Prepare the database > Clean up the security context
-- ----------------------------------------------------------------------------
:ON ERROR EXIT
USE [OS_QA];
SET XACT_ABORT OFF;
IF @@TRANCOUNT <> 0
    THROW 50000, N'envclone, Step 4: Clean up the security context: this session already has a transaction open, perhaps of a step stopped by an error that rolls nothing back (a missing table, Msg 208). Nothing of this step ran. Run ROLLBACK TRANSACTION in this window (or COMMIT, if it is work of your own), then run the step again.', 1;
IF DB_NAME() <> N'OS_QA'
    THROW 50000, N'envclone, Step 4: Clean up the security context: this session is not in database OS_QA. Nothing of this step ran.', 1;
SET XACT_ABORT ON;
BEGIN TRY
BEGIN TRANSACTION;
DECLARE @envclone_sql nvarchar(max), @envclone_refused nvarchar(2048);
DECLARE @envclone_actions TABLE (id int IDENTITY(1, 1) PRIMARY KEY, statement nvarchar(max) NOT NULL);
-- Catalog OS_QA: the restored users and the logins their SIDs map to (NULL: none).
SELECT u.name, u.type_desc, sp.name FROM [OS_QA].sys.database_principals AS u LEFT JOIN sys.server_principals AS sp ON sp.sid = u.sid WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name;
SELECT TOP (1) @envclone_refused = CONCAT(N'envclone: in catalog OS_QA, the own schema of user ', u.name, N' holds ', s.name, N'.', o.name, N' (', o.type_desc, N'): move or drop its objects (an application-level decision), then run this step again. Nothing of this step ran.')
FROM [OS_QA].sys.objects AS o JOIN [OS_QA].sys.schemas AS s ON s.schema_id = o.schema_id
JOIN [OS_QA].sys.database_principals AS u ON u.principal_id = s.principal_id WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') AND s.name = u.name
ORDER BY u.name, o.name;
IF @envclone_refused IS NOT NULL
BEGIN
    SET @envclone_refused = REPLACE(@envclone_refused, N'%', N'%%');
    THROW 50000, @envclone_refused, 1;
END;
INSERT INTO @envclone_actions (statement) SELECT N'USE [OS_QA]; ALTER AUTHORIZATION ON OBJECT::' + QUOTENAME(s.name) + N'.' + QUOTENAME(o.name) + N' TO SCHEMA OWNER;'
FROM [OS_QA].sys.objects AS o JOIN [OS_QA].sys.schemas AS s ON s.schema_id = o.schema_id
JOIN [OS_QA].sys.database_principals AS u ON u.principal_id = o.principal_id WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name, s.name, o.name;
INSERT INTO @envclone_actions (statement) SELECT N'USE [OS_QA]; ALTER AUTHORIZATION ON SCHEMA::' + QUOTENAME(s.name) + N' TO [dbo];'
FROM [OS_QA].sys.schemas AS s JOIN [OS_QA].sys.database_principals AS u ON u.principal_id = s.principal_id WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') AND s.name <> u.name ORDER BY u.name, s.name;
INSERT INTO @envclone_actions (statement) SELECT N'USE [OS_QA]; ALTER AUTHORIZATION ON ROLE::' + QUOTENAME(r.name) + N' TO [dbo];'
FROM [OS_QA].sys.database_principals AS r JOIN [OS_QA].sys.database_principals AS u ON u.principal_id = r.owning_principal_id WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') AND r.type = 'R' ORDER BY u.name, r.name;
INSERT INTO @envclone_actions (statement) SELECT N'USE [OS_QA]; DROP SCHEMA ' + QUOTENAME(s.name) + N';'
FROM [OS_QA].sys.schemas AS s JOIN [OS_QA].sys.database_principals AS u ON u.principal_id = s.principal_id WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') AND s.name = u.name ORDER BY u.name;
INSERT INTO @envclone_actions (statement) SELECT N'USE [OS_QA]; DROP USER ' + QUOTENAME(u.name) + N';'
FROM [OS_QA].sys.database_principals AS u WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name;
-- Catalog OS_QA_LOG: the restored users and the logins their SIDs map to (NULL: none).
SELECT u.name, u.type_desc, sp.name FROM [OS_QA_LOG].sys.database_principals AS u LEFT JOIN sys.server_principals AS sp ON sp.sid = u.sid WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name;
SELECT TOP (1) @envclone_refused = CONCAT(N'envclone: in catalog OS_QA_LOG, the own schema of user ', u.name, N' holds ', s.name, N'.', o.name, N' (', o.type_desc, N'): move or drop its objects (an application-level decision), then run this step again. Nothing of this step ran.')
FROM [OS_QA_LOG].sys.objects AS o JOIN [OS_QA_LOG].sys.schemas AS s ON s.schema_id = o.schema_id
JOIN [OS_QA_LOG].sys.database_principals AS u ON u.principal_id = s.principal_id WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') AND s.name = u.name
ORDER BY u.name, o.name;
IF @envclone_refused IS NOT NULL
BEGIN
    SET @envclone_refused = REPLACE(@envclone_refused, N'%', N'%%');
    THROW 50000, @envclone_refused, 1;
END;
INSERT INTO @envclone_actions (statement) SELECT N'USE [OS_QA_LOG]; ALTER AUTHORIZATION ON OBJECT::' + QUOTENAME(s.name) + N'.' + QUOTENAME(o.name) + N' TO SCHEMA OWNER;'
FROM [OS_QA_LOG].sys.objects AS o JOIN [OS_QA_LOG].sys.schemas AS s ON s.schema_id = o.schema_id
JOIN [OS_QA_LOG].sys.database_principals AS u ON u.principal_id = o.principal_id WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name, s.name, o.name;
INSERT INTO @envclone_actions (statement) SELECT N'USE [OS_QA_LOG]; ALTER AUTHORIZATION ON SCHEMA::' + QUOTENAME(s.name) + N' TO [dbo];'
FROM [OS_QA_LOG].sys.schemas AS s JOIN [OS_QA_LOG].sys.database_principals AS u ON u.principal_id = s.principal_id WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') AND s.name <> u.name ORDER BY u.name, s.name;
INSERT INTO @envclone_actions (statement) SELECT N'USE [OS_QA_LOG]; ALTER AUTHORIZATION ON ROLE::' + QUOTENAME(r.name) + N' TO [dbo];'
FROM [OS_QA_LOG].sys.database_principals AS r JOIN [OS_QA_LOG].sys.database_principals AS u ON u.principal_id = r.owning_principal_id WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') AND r.type = 'R' ORDER BY u.name, r.name;
INSERT INTO @envclone_actions (statement) SELECT N'USE [OS_QA_LOG]; DROP SCHEMA ' + QUOTENAME(s.name) + N';'
FROM [OS_QA_LOG].sys.schemas AS s JOIN [OS_QA_LOG].sys.database_principals AS u ON u.principal_id = s.principal_id WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') AND s.name = u.name ORDER BY u.name;
INSERT INTO @envclone_actions (statement) SELECT N'USE [OS_QA_LOG]; DROP USER ' + QUOTENAME(u.name) + N';'
FROM [OS_QA_LOG].sys.database_principals AS u WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name;
DECLARE envclone_actions CURSOR LOCAL FAST_FORWARD FOR
    SELECT statement FROM @envclone_actions ORDER BY id;
OPEN envclone_actions;
FETCH NEXT FROM envclone_actions INTO @envclone_sql;
WHILE @@FETCH_STATUS = 0
BEGIN
    PRINT @envclone_sql;
    EXEC sp_executesql @envclone_sql;
    FETCH NEXT FROM envclone_actions INTO @envclone_sql;
END;
CLOSE envclone_actions;
DEALLOCATE envclone_actions;
COMMIT TRANSACTION;
END TRY
BEGIN CATCH
    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
    THROW;
END CATCH;
GO

-- ----------------------------------------------------------------------------
-- Step 5: Clean up the environment security context
-- Document: Migrate an environment with SQL Server database > Prepare the database > Clean up the environment security context
-- ----------------------------------------------------------------------------
:ON ERROR EXIT
USE [OS_QA];
SET XACT_ABORT OFF;
IF @@TRANCOUNT <> 0
    THROW 50000, N'envclone, Step 5: Clean up the environment security context: this session already has a transaction open, perhaps of a step stopped by an error that rolls nothing back (a missing table, Msg 208). Nothing of this step ran. Run ROLLBACK TRANSACTION in this window (or COMMIT, if it is work of your own), then run the step again.', 1;
IF DB_NAME() <> N'OS_QA'
    THROW 50000, N'envclone, Step 5: Clean up the environment security context: this session is not in database OS_QA. Nothing of this step ran.', 1;
SET XACT_ABORT ON;
BEGIN TRY
BEGIN TRANSACTION;
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
COMMIT TRANSACTION;
END TRY
BEGIN CATCH
    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
    THROW;
END CATCH;
GO

-- ----------------------------------------------------------------------------
-- Step 6: Clean up secret site properties
-- Document: Migrate an environment with SQL Server database > Prepare the database > Clean up secret site properties
-- ----------------------------------------------------------------------------
:ON ERROR EXIT
USE [OS_QA];
SET XACT_ABORT OFF;
IF @@TRANCOUNT <> 0
    THROW 50000, N'envclone, Step 6: Clean up secret site properties: this session already has a transaction open, perhaps of a step stopped by an error that rolls nothing back (a missing table, Msg 208). Nothing of this step ran. Run ROLLBACK TRANSACTION in this window (or COMMIT, if it is work of your own), then run the step again.', 1;
IF DB_NAME() <> N'OS_QA'
    THROW 50000, N'envclone, Step 6: Clean up secret site properties: this session is not in database OS_QA. Nothing of this step ran.', 1;
SET XACT_ABORT ON;
BEGIN TRY
BEGIN TRANSACTION;
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
COMMIT TRANSACTION;
END TRY
BEGIN CATCH
    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
    THROW;
END CATCH;
GO

-- ----------------------------------------------------------------------------
-- Step 7: Clean up selective deployment zones
-- Document: Migrate an environment with SQL Server database > Prepare the database > Clean up selective deployment zones
-- ----------------------------------------------------------------------------
:ON ERROR EXIT
USE [OS_QA];
SET XACT_ABORT OFF;
IF @@TRANCOUNT <> 0
    THROW 50000, N'envclone, Step 7: Clean up selective deployment zones: this session already has a transaction open, perhaps of a step stopped by an error that rolls nothing back (a missing table, Msg 208). Nothing of this step ran. Run ROLLBACK TRANSACTION in this window (or COMMIT, if it is work of your own), then run the step again.', 1;
IF DB_NAME() <> N'OS_QA'
    THROW 50000, N'envclone, Step 7: Clean up selective deployment zones: this session is not in database OS_QA. Nothing of this step ran.', 1;
SET XACT_ABORT ON;
BEGIN TRY
BEGIN TRANSACTION;
delete from ossys_modulefrontend;
delete from ossys_moduleinternaladdress;
delete from ossys_platformconfig where name in (
  'Application Deployment Configuration',
  'Default Application Deploy Instance',
  'Previous Deployment Zone Used',
  'Previous Deployment Zone Key',
  'Configured Application Deploy');
COMMIT TRANSACTION;
END TRY
BEGIN CATCH
    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
    THROW;
END CATCH;
GO

-- ----------------------------------------------------------------------------
-- Step 8: Clean up the front-end listing
-- Document: Migrate an environment with SQL Server database > Prepare the database > Clean up the front-end listing
-- ----------------------------------------------------------------------------
:ON ERROR EXIT
USE [OS_QA];
SET XACT_ABORT OFF;
IF @@TRANCOUNT <> 0
    THROW 50000, N'envclone, Step 8: Clean up the front-end listing: this session already has a transaction open, perhaps of a step stopped by an error that rolls nothing back (a missing table, Msg 208). Nothing of this step ran. Run ROLLBACK TRANSACTION in this window (or COMMIT, if it is work of your own), then run the step again.', 1;
IF DB_NAME() <> N'OS_QA'
    THROW 50000, N'envclone, Step 8: Clean up the front-end listing: this session is not in database OS_QA. Nothing of this step ran.', 1;
SET XACT_ABORT ON;
BEGIN TRY
BEGIN TRANSACTION;
delete from ossys_server;
COMMIT TRANSACTION;
END TRY
BEGIN CATCH
    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
    THROW;
END CATCH;
GO

-- ----------------------------------------------------------------------------
-- Step 9: Clean up SAML configuration
-- Document: Migrate an environment with SQL Server database > Prepare the database > Clean up SAML configuration
-- ----------------------------------------------------------------------------
:ON ERROR EXIT
USE [OS_QA];
SET XACT_ABORT OFF;
IF @@TRANCOUNT <> 0
    THROW 50000, N'envclone, Step 9: Clean up SAML configuration: this session already has a transaction open, perhaps of a step stopped by an error that rolls nothing back (a missing table, Msg 208). Nothing of this step ran. Run ROLLBACK TRANSACTION in this window (or COMMIT, if it is work of your own), then run the step again.', 1;
IF DB_NAME() <> N'OS_QA'
    THROW 50000, N'envclone, Step 9: Clean up SAML configuration: this session is not in database OS_QA. Nothing of this step ran.', 1;
SET XACT_ABORT ON;
BEGIN TRY
BEGIN TRANSACTION;
SELECT physical_table_name FROM ossys_entity WHERE name in ('ConfigIdP', 'ConfigSP', 'ConfigInternal', 'ConfigFile', 'ConfigFileBinary', 'Config_UserMappings');
DECLARE @envclone_table sysname, @envclone_sql nvarchar(max), @envclone_refused nvarchar(2048);
IF (SELECT COUNT(DISTINCT d.espace_id) FROM (SELECT ossys_entity.physical_table_name AS physical_table_name, ossys_entity.name AS entity_name, ossys_entity.ss_key AS entity_ss_key, ossys_espace.id AS espace_id, ossys_espace.name AS espace_name, ossys_espace.is_active AS espace_active FROM ossys_entity INNER JOIN ossys_espace ON ossys_espace.id = ossys_entity.espace_id WHERE ossys_entity.name IN ('ConfigIdP', 'ConfigSP', 'ConfigInternal', 'ConfigFile', 'ConfigFileBinary', 'Config_UserMappings')) d) > 1
    THROW 50000, N'envclone: ossys_entity lists the SAML configuration tables in more than one module; envclone does not guess which one to empty. Nothing of this step ran.', 1;
SELECT TOP (1) @envclone_refused = CONCAT(N'envclone: SAML configuration table of entity ', d.entity_name, N' in module ', d.espace_name, N': ossys_entity.physical_table_name ''', d.physical_table_name, N''' is not exactly one OSUSR_ table of schema dbo. Nothing of this step ran.')
FROM (SELECT ossys_entity.physical_table_name AS physical_table_name, ossys_entity.name AS entity_name, ossys_entity.ss_key AS entity_ss_key, ossys_espace.id AS espace_id, ossys_espace.name AS espace_name, ossys_espace.is_active AS espace_active FROM ossys_entity INNER JOIN ossys_espace ON ossys_espace.id = ossys_entity.espace_id WHERE ossys_entity.name IN ('ConfigIdP', 'ConfigSP', 'ConfigInternal', 'ConfigFile', 'ConfigFileBinary', 'Config_UserMappings')) d
WHERE (SELECT COUNT(*) FROM sys.tables t WHERE t.schema_id = SCHEMA_ID(N'dbo') AND UPPER(t.name) = UPPER(d.physical_table_name)
    AND LEFT(UPPER(t.name), 6) = N'OSUSR_') <> 1
ORDER BY d.physical_table_name;
IF @envclone_refused IS NOT NULL
BEGIN
    SET @envclone_refused = REPLACE(@envclone_refused, N'%', N'%%');
    THROW 50000, @envclone_refused, 1;
END;
DECLARE envclone_tables CURSOR LOCAL FAST_FORWARD FOR
    SELECT t.name FROM (SELECT ossys_entity.physical_table_name AS physical_table_name, ossys_entity.name AS entity_name, ossys_entity.ss_key AS entity_ss_key, ossys_espace.id AS espace_id, ossys_espace.name AS espace_name, ossys_espace.is_active AS espace_active FROM ossys_entity INNER JOIN ossys_espace ON ossys_espace.id = ossys_entity.espace_id WHERE ossys_entity.name IN ('ConfigIdP', 'ConfigSP', 'ConfigInternal', 'ConfigFile', 'ConfigFileBinary', 'Config_UserMappings')) d
    INNER JOIN sys.tables t ON t.schema_id = SCHEMA_ID(N'dbo') AND UPPER(t.name) = UPPER(d.physical_table_name)
    ORDER BY CASE d.entity_name WHEN 'Config_UserMappings' THEN 1 WHEN 'ConfigFileBinary' THEN 2 WHEN 'ConfigFile' THEN 3 WHEN 'ConfigInternal' THEN 4 WHEN 'ConfigSP' THEN 5 ELSE 6 END, d.physical_table_name;
OPEN envclone_tables;
FETCH NEXT FROM envclone_tables INTO @envclone_table;
WHILE @@FETCH_STATUS = 0
BEGIN
    SET @envclone_sql = N'delete from dbo.' + QUOTENAME(@envclone_table);
    PRINT @envclone_sql;
    EXEC sp_executesql @envclone_sql;
    FETCH NEXT FROM envclone_tables INTO @envclone_table;
END;
CLOSE envclone_tables;
DEALLOCATE envclone_tables;
UPDATE ossys_Site_Property
SET PROPERTY_VALUE = (SELECT pd.DEFAULT_VALUE FROM ossys_Site_Property_Definition pd
                      WHERE pd.ID = ossys_Site_Property.SITE_PROPERTY_DEFINITION_ID),
    User_Modified=0
WHERE User_Modified<>0 AND SITE_PROPERTY_DEFINITION_ID IN (
    SELECT pd.ID FROM ossys_Site_Property_Definition pd
    WHERE pd.ESPACE_ID = (SELECT ID FROM ossys_Espace WHERE NAME='Users')
    AND pd.NAME in ('UseActiveDirectoryLogin', 'UseLDAPLogin', 'UseLDAPStandard', 'UseSAMLLogin', 'UseIntegratedAuthenticationLogin'));
UPDATE ossys_Site_Property_Shared
SET PROPERTY_VALUE = (SELECT pd.DEFAULT_VALUE FROM ossys_Site_Property_Definition pd
                      WHERE pd.ID = ossys_Site_Property_Shared.SITE_PROPERTY_DEFINITION_ID),
    User_Modified=0
WHERE User_Modified<>0 AND SITE_PROPERTY_DEFINITION_ID IN (
    SELECT pd.ID FROM ossys_Site_Property_Definition pd
    WHERE pd.ESPACE_ID = (SELECT ID FROM ossys_Espace WHERE NAME='Users')
    AND pd.NAME in ('UseActiveDirectoryLogin', 'UseLDAPLogin', 'UseLDAPStandard', 'UseSAMLLogin', 'UseIntegratedAuthenticationLogin'));
COMMIT TRANSACTION;
END TRY
BEGIN CATCH
    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
    THROW;
END CATCH;
GO

-- ----------------------------------------------------------------------------
-- Step 10: Clean up an environment managed by LifeTime
-- Document: Migrate an environment with SQL Server database > Prepare the database > Clean up an environment managed by LifeTime
-- ----------------------------------------------------------------------------
:ON ERROR EXIT
USE [OS_QA];
SET XACT_ABORT OFF;
IF @@TRANCOUNT <> 0
    THROW 50000, N'envclone, Step 10: Clean up an environment managed by LifeTime: this session already has a transaction open, perhaps of a step stopped by an error that rolls nothing back (a missing table, Msg 208). Nothing of this step ran. Run ROLLBACK TRANSACTION in this window (or COMMIT, if it is work of your own), then run the step again.', 1;
IF DB_NAME() <> N'OS_QA'
    THROW 50000, N'envclone, Step 10: Clean up an environment managed by LifeTime: this session is not in database OS_QA. Nothing of this step ran.', 1;
SET XACT_ABORT ON;
BEGIN TRY
BEGIN TRANSACTION;
if exists (select * from information_schema.columns where table_name = 'ossys_PlatformSvcs_Observer') delete from ossys_PlatformSvcs_Observer;
if exists (select * from information_schema.columns where table_name = 'ossys_cloudservices_observer') delete from ossys_cloudservices_observer;
update ossys_Site_Property_Shared set property_value='' where site_property_definition_id in (
    select site_property_definition_id
    from ossys_Site_Property_Shared
    inner join ossys_Site_Property_Definition on site_property_definition_id = ossys_Site_Property_Definition.id
    where ss_key = '1aaec1be-d60f-43d4-ba32-391f4c3080a6' or
    ss_key = '441f6eef-9c7f-4bb4-b3dd-7220272269ad'
);
COMMIT TRANSACTION;
END TRY
BEGIN CATCH
    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
    THROW;
END CATCH;
GO
