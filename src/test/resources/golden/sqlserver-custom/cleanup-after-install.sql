-- envclone cleanup script, after the install: PROD -> QA 2, SQL Server, reconfigure an installation to use a restored database
-- Run each step when checklist.md reaches it, after checklist step 15, Configure the platform database.
-- The database connections step deletes every connection but the log's, and stops by itself while extensions still map one;
-- run again, it changes nothing, unless connections were created since: run it before you create the new environment's.
-- Step numbers are those of checklist.md. Each step sets up its own session and guards, so it can also be run alone.
-- Target: the restored catalog OS_QA
-- Run with sqlcmd (sqlcmd -S <server> -E -i <this file>), or in SSMS with Query > SQLCMD Mode on.
-- Without SQLCMD mode SSMS rejects each step's first line (:ON ERROR EXIT, a syntax error), so no
-- step runs and nothing changes. Each step is one batch and one transaction: an error rolls the step
-- back and :ON ERROR EXIT stops the script there.

-- ----------------------------------------------------------------------------
-- Step 22: Clean up database connections
-- Document: Migrate an environment with SQL Server database > Reconfigure an installation to use a restored database > Clean up database connections
-- ----------------------------------------------------------------------------
:ON ERROR EXIT
USE [OS_QA];
SET XACT_ABORT OFF;
IF @@TRANCOUNT <> 0
    THROW 50000, N'envclone, Step 22: Clean up database connections: this session already has a transaction open, perhaps of a step stopped by an error that rolls nothing back (a missing table, Msg 208). Nothing of this step ran. Run ROLLBACK TRANSACTION in this window (or COMMIT, if it is work of your own), then run the step again.', 1;
IF DB_NAME() <> N'OS_QA'
    THROW 50000, N'envclone, Step 22: Clean up database connections: this session is not in database OS_QA. Nothing of this step ran.', 1;
SET XACT_ABORT ON;
BEGIN TRY
BEGIN TRANSACTION;
IF EXISTS (SELECT 1 FROM OSSYS_EXTENSION_DBCONNECTION)
    THROW 50000, N'Extensions still map database connections: in Service Center, Factory > Extensions, set each logical database to (not configured) first.', 1;
delete from ossys_dbconnection where NAME <>'$OS_LOG_DB_7e3e8ce0';
COMMIT TRANSACTION;
END TRY
BEGIN CATCH
    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
    THROW;
END CATCH;
GO
