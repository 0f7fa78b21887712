-- ---- catalog OUTSYSTEMS_CLONE, users OSADMIN, OSRUNTIME, OSLOG
-- users and the logins their SIDs map to
SELECT u.name, u.type_desc, sp.name FROM [OUTSYSTEMS_CLONE].sys.database_principals AS u LEFT JOIN sys.server_principals AS sp ON sp.sid = u.sid WHERE u.name IN (N'OSADMIN', N'OSRUNTIME', N'OSLOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name;
-- objects a user owns explicitly
SELECT u.name, s.name, o.name, o.type_desc FROM [OUTSYSTEMS_CLONE].sys.objects AS o JOIN [OUTSYSTEMS_CLONE].sys.schemas AS s ON s.schema_id = o.schema_id JOIN [OUTSYSTEMS_CLONE].sys.database_principals AS u ON u.principal_id = o.principal_id WHERE u.name IN (N'OSADMIN', N'OSRUNTIME', N'OSLOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name, s.name, o.name;
-- schemas a user owns, with their object counts
SELECT u.name, s.name, (SELECT COUNT(*) FROM [OUTSYSTEMS_CLONE].sys.objects AS o WHERE o.schema_id = s.schema_id) FROM [OUTSYSTEMS_CLONE].sys.schemas AS s JOIN [OUTSYSTEMS_CLONE].sys.database_principals AS u ON u.principal_id = s.principal_id WHERE u.name IN (N'OSADMIN', N'OSRUNTIME', N'OSLOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name, s.name;
-- roles a user owns
SELECT u.name, r.name FROM [OUTSYSTEMS_CLONE].sys.database_principals AS r JOIN [OUTSYSTEMS_CLONE].sys.database_principals AS u ON u.principal_id = r.owning_principal_id WHERE r.type = 'R' AND u.name IN (N'OSADMIN', N'OSRUNTIME', N'OSLOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name, r.name;
-- objects in a user's own schema (they stop the step)
SELECT u.name, s.name, o.name, o.type_desc FROM [OUTSYSTEMS_CLONE].sys.objects AS o JOIN [OUTSYSTEMS_CLONE].sys.schemas AS s ON s.schema_id = o.schema_id JOIN [OUTSYSTEMS_CLONE].sys.database_principals AS u ON u.principal_id = s.principal_id WHERE u.name IN (N'OSADMIN', N'OSRUNTIME', N'OSLOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') AND s.name = u.name ORDER BY u.name, s.name, o.name;
-- action: object to its schema's owner (statement; preview; pre-image)
EXEC sp_executesql N'USE [OUTSYSTEMS_CLONE]; ALTER AUTHORIZATION ON OBJECT::[dbo].[OSUSR_ABC_REPORT] TO SCHEMA OWNER;';
select count(*) from [OUTSYSTEMS_CLONE].sys.objects where object_id = OBJECT_ID(N'[OUTSYSTEMS_CLONE].[dbo].[OSUSR_ABC_REPORT]') AND principal_id = (SELECT principal_id FROM [OUTSYSTEMS_CLONE].sys.database_principals WHERE name = N'OSADMIN' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
select * from [OUTSYSTEMS_CLONE].sys.objects where object_id = OBJECT_ID(N'[OUTSYSTEMS_CLONE].[dbo].[OSUSR_ABC_REPORT]') AND principal_id = (SELECT principal_id FROM [OUTSYSTEMS_CLONE].sys.database_principals WHERE name = N'OSADMIN' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
-- action: schema to dbo (statement; preview; pre-image)
EXEC sp_executesql N'USE [OUTSYSTEMS_CLONE]; ALTER AUTHORIZATION ON SCHEMA::[Reports]]''Q1] TO [dbo];';
select count(*) from [OUTSYSTEMS_CLONE].sys.schemas where name = N'Reports]''Q1' AND principal_id = (SELECT principal_id FROM [OUTSYSTEMS_CLONE].sys.database_principals WHERE name = N'OSADMIN' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
select * from [OUTSYSTEMS_CLONE].sys.schemas where name = N'Reports]''Q1' AND principal_id = (SELECT principal_id FROM [OUTSYSTEMS_CLONE].sys.database_principals WHERE name = N'OSADMIN' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
-- action: role to dbo (statement; preview; pre-image)
EXEC sp_executesql N'USE [OUTSYSTEMS_CLONE]; ALTER AUTHORIZATION ON ROLE::[ReportReaders] TO [dbo];';
select count(*) from [OUTSYSTEMS_CLONE].sys.database_principals where type = 'R' AND name = N'ReportReaders' AND owning_principal_id = (SELECT principal_id FROM [OUTSYSTEMS_CLONE].sys.database_principals WHERE name = N'OSADMIN' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
select * from [OUTSYSTEMS_CLONE].sys.database_principals where type = 'R' AND name = N'ReportReaders' AND owning_principal_id = (SELECT principal_id FROM [OUTSYSTEMS_CLONE].sys.database_principals WHERE name = N'OSADMIN' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
-- action: drop the own schema (statement; preview; pre-image)
EXEC sp_executesql N'USE [OUTSYSTEMS_CLONE]; DROP SCHEMA [OSADMIN];';
select count(*) from [OUTSYSTEMS_CLONE].sys.schemas where name = N'OSADMIN' AND principal_id = (SELECT principal_id FROM [OUTSYSTEMS_CLONE].sys.database_principals WHERE name = N'OSADMIN' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
select * from [OUTSYSTEMS_CLONE].sys.schemas where name = N'OSADMIN' AND principal_id = (SELECT principal_id FROM [OUTSYSTEMS_CLONE].sys.database_principals WHERE name = N'OSADMIN' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
-- action: drop the user (statement; preview; pre-image)
EXEC sp_executesql N'USE [OUTSYSTEMS_CLONE]; DROP USER [OSADMIN];';
select count(*) from [OUTSYSTEMS_CLONE].sys.database_principals where name = N'OSADMIN' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X');
select * from [OUTSYSTEMS_CLONE].sys.database_principals where name = N'OSADMIN' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X');
-- ---- catalog OS_QA_LOG, users PROD_ADMIN, PROD_RUNTIME, PROD_LOG
-- users and the logins their SIDs map to
SELECT u.name, u.type_desc, sp.name FROM [OS_QA_LOG].sys.database_principals AS u LEFT JOIN sys.server_principals AS sp ON sp.sid = u.sid WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name;
-- objects a user owns explicitly
SELECT u.name, s.name, o.name, o.type_desc FROM [OS_QA_LOG].sys.objects AS o JOIN [OS_QA_LOG].sys.schemas AS s ON s.schema_id = o.schema_id JOIN [OS_QA_LOG].sys.database_principals AS u ON u.principal_id = o.principal_id WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name, s.name, o.name;
-- schemas a user owns, with their object counts
SELECT u.name, s.name, (SELECT COUNT(*) FROM [OS_QA_LOG].sys.objects AS o WHERE o.schema_id = s.schema_id) FROM [OS_QA_LOG].sys.schemas AS s JOIN [OS_QA_LOG].sys.database_principals AS u ON u.principal_id = s.principal_id WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name, s.name;
-- roles a user owns
SELECT u.name, r.name FROM [OS_QA_LOG].sys.database_principals AS r JOIN [OS_QA_LOG].sys.database_principals AS u ON u.principal_id = r.owning_principal_id WHERE r.type = 'R' AND u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') ORDER BY u.name, r.name;
-- objects in a user's own schema (they stop the step)
SELECT u.name, s.name, o.name, o.type_desc FROM [OS_QA_LOG].sys.objects AS o JOIN [OS_QA_LOG].sys.schemas AS s ON s.schema_id = o.schema_id JOIN [OS_QA_LOG].sys.database_principals AS u ON u.principal_id = s.principal_id WHERE u.name IN (N'PROD_ADMIN', N'PROD_RUNTIME', N'PROD_LOG') AND u.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X') AND s.name = u.name ORDER BY u.name, s.name, o.name;
-- action: object to its schema's owner (statement; preview; pre-image)
EXEC sp_executesql N'USE [OS_QA_LOG]; ALTER AUTHORIZATION ON OBJECT::[dbo].[OSUSR_ABC_REPORT] TO SCHEMA OWNER;';
select count(*) from [OS_QA_LOG].sys.objects where object_id = OBJECT_ID(N'[OS_QA_LOG].[dbo].[OSUSR_ABC_REPORT]') AND principal_id = (SELECT principal_id FROM [OS_QA_LOG].sys.database_principals WHERE name = N'PROD_LOG' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
select * from [OS_QA_LOG].sys.objects where object_id = OBJECT_ID(N'[OS_QA_LOG].[dbo].[OSUSR_ABC_REPORT]') AND principal_id = (SELECT principal_id FROM [OS_QA_LOG].sys.database_principals WHERE name = N'PROD_LOG' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
-- action: schema to dbo (statement; preview; pre-image)
EXEC sp_executesql N'USE [OS_QA_LOG]; ALTER AUTHORIZATION ON SCHEMA::[Reports]]''Q1] TO [dbo];';
select count(*) from [OS_QA_LOG].sys.schemas where name = N'Reports]''Q1' AND principal_id = (SELECT principal_id FROM [OS_QA_LOG].sys.database_principals WHERE name = N'PROD_LOG' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
select * from [OS_QA_LOG].sys.schemas where name = N'Reports]''Q1' AND principal_id = (SELECT principal_id FROM [OS_QA_LOG].sys.database_principals WHERE name = N'PROD_LOG' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
-- action: role to dbo (statement; preview; pre-image)
EXEC sp_executesql N'USE [OS_QA_LOG]; ALTER AUTHORIZATION ON ROLE::[ReportReaders] TO [dbo];';
select count(*) from [OS_QA_LOG].sys.database_principals where type = 'R' AND name = N'ReportReaders' AND owning_principal_id = (SELECT principal_id FROM [OS_QA_LOG].sys.database_principals WHERE name = N'PROD_LOG' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
select * from [OS_QA_LOG].sys.database_principals where type = 'R' AND name = N'ReportReaders' AND owning_principal_id = (SELECT principal_id FROM [OS_QA_LOG].sys.database_principals WHERE name = N'PROD_LOG' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
-- action: drop the own schema (statement; preview; pre-image)
EXEC sp_executesql N'USE [OS_QA_LOG]; DROP SCHEMA [PROD_LOG];';
select count(*) from [OS_QA_LOG].sys.schemas where name = N'PROD_LOG' AND principal_id = (SELECT principal_id FROM [OS_QA_LOG].sys.database_principals WHERE name = N'PROD_LOG' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
select * from [OS_QA_LOG].sys.schemas where name = N'PROD_LOG' AND principal_id = (SELECT principal_id FROM [OS_QA_LOG].sys.database_principals WHERE name = N'PROD_LOG' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X'));
-- action: drop the user (statement; preview; pre-image)
EXEC sp_executesql N'USE [OS_QA_LOG]; DROP USER [PROD_LOG];';
select count(*) from [OS_QA_LOG].sys.database_principals where name = N'PROD_LOG' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X');
select * from [OS_QA_LOG].sys.database_principals where name = N'PROD_LOG' AND type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X');
