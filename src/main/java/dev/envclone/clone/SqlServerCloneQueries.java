package dev.envclone.clone;

import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;

/**
 * What the engine reads on a SQL Server around a backup or restore, and the scripts do not: the server's edition,
 * version and default folders, the service account, the login's rights, a catalog's state, the running request's
 * progress, and msdb's history after a crash. Values are bound as parameters ({@code ?}) except a catalog name in
 * a {@code USE}, which has passed its name rule and is bracket-quoted. Each is pinned in
 * {@code golden/clone-sqlserver/} and was checked against Microsoft Learn: SERVERPROPERTY, DATABASEPROPERTYEX,
 * sys.dm_server_services, IS_SRVROLEMEMBER, IS_ROLEMEMBER, HAS_PERMS_BY_NAME, sp_executesql, sys.databases,
 * sys.dm_exec_requests, msdb backupset / backupmediafamily / restorehistory.
 */
final class SqlServerCloneQueries {
    private static final Dialect SQL = Dialect.of(Dbms.SQLSERVER);

    private SqlServerCloneQueries() {
    }

    /**
     * One row about the server and this session. EngineEdition 2 is Standard, Web and Business Intelligence, 3
     * Enterprise, Developer and Evaluation; Edition tells Web apart. GETDATE() is the server's local time, the
     * clock msdb's history is written in, so a start recorded with it is compared with like.
     */
    static final String SERVER = "SELECT CONVERT(int, SERVERPROPERTY('EngineEdition')) AS engine_edition, "
            + "CONVERT(nvarchar(128), SERVERPROPERTY('Edition')) AS edition, "
            + "CONVERT(int, SERVERPROPERTY('ProductMajorVersion')) AS product_major_version, "
            + "CONVERT(int, DATABASEPROPERTYEX(N'master', 'Version')) AS database_version, "
            + "CONVERT(nvarchar(260), SERVERPROPERTY('InstanceDefaultDataPath')) AS default_data_path, "
            + "CONVERT(nvarchar(260), SERVERPROPERTY('InstanceDefaultLogPath')) AS default_log_path, "
            + "SUSER_SNAME() AS login_name, @@SPID AS session_id, GETDATE() AS server_time";

    /**
     * The account the database engine runs as, which reads and writes backup files (not the login). The
     * engine's row is "SQL Server (INSTANCE)"; the Agent's is "SQL Server Agent (...)". Needs VIEW SERVER STATE.
     */
    static final String SERVICE_ACCOUNT = "SELECT servicename, service_account FROM sys.dm_server_services "
            + "WHERE servicename LIKE N'SQL Server (%'";

    /** The catalog's row: absent, ONLINE, RESTORING, RECOVERY_PENDING, SUSPECT, ... One parameter: the name. */
    static final String DATABASE = "SELECT name, state_desc, recovery_model_desc, SUSER_SNAME(owner_sid) AS "
            + "owner_name, create_date FROM sys.databases WHERE name = ?";

    /**
     * Whether the login may back up one catalog: sysadmin, or db_owner or db_backupoperator in it, or BACKUP
     * DATABASE granted there. IS_ROLEMEMBER answers for the current database, so the query runs in the catalog
     * through sp_executesql, whose USE ends with its batch (the session stays in master).
     */
    static String backupRights(String catalog) {
        return "EXEC sp_executesql " + SQL.literal("USE " + SQL.quote(catalog) + "; SELECT "
                + "IS_SRVROLEMEMBER(N'sysadmin') AS is_sysadmin, IS_ROLEMEMBER(N'db_owner') AS is_db_owner, "
                + "IS_ROLEMEMBER(N'db_backupoperator') AS is_db_backupoperator, "
                + "HAS_PERMS_BY_NAME(DB_NAME(), N'DATABASE', N'BACKUP DATABASE') AS has_backup_database");
    }

    /**
     * Whether the login may restore into a new catalog and then give it to the plan's owner: RESTORE of a database
     * that does not exist needs CREATE DATABASE (sysadmin, dbcreator, CREATE ANY DATABASE); ALTER AUTHORIZATION to
     * another login needs IMPERSONATE on it unless sysadmin. One parameter: the owner login.
     */
    static final String RESTORE_RIGHTS = "SELECT IS_SRVROLEMEMBER(N'sysadmin') AS is_sysadmin, "
            + "IS_SRVROLEMEMBER(N'dbcreator') AS is_dbcreator, "
            + "HAS_PERMS_BY_NAME(NULL, NULL, N'CREATE ANY DATABASE') AS has_create_any_database, "
            + "HAS_PERMS_BY_NAME(?, N'LOGIN', N'IMPERSONATE') AS can_impersonate_owner";

    /**
     * How far the BACKUP or RESTORE of a session is, by the server's own estimate (milliseconds left). Another
     * session's row is visible only with VIEW SERVER STATE. One parameter: the session id.
     */
    static final String REQUEST_PROGRESS = "SELECT command, percent_complete, estimated_completion_time "
            + "FROM sys.dm_exec_requests WHERE session_id = ?";

    /**
     * A full backup of the catalog into the file that started at or after the recorded start: msdb records a
     * backup set only when the backup finished. Parameters: catalog, file, start (server time).
     */
    static final String BACKUP_HISTORY = "SELECT TOP (1) b.backup_set_id, b.backup_start_date, "
            + "b.backup_finish_date, b.is_copy_only, m.physical_device_name "
            + "FROM msdb.dbo.backupset AS b "
            + "JOIN msdb.dbo.backupmediafamily AS m ON m.media_set_id = b.media_set_id "
            + "WHERE b.database_name = ? AND m.physical_device_name = ? AND b.type = 'D' "
            + "AND b.backup_start_date >= ? ORDER BY b.backup_finish_date DESC";

    /**
     * A restore of the catalog from the file at or after the recorded start: restorehistory gets its row when the
     * restore completes, joined to the backup set the restore recorded and its media family (the file).
     * Parameters: catalog, file, start (server time).
     */
    static final String RESTORE_HISTORY = "SELECT TOP (1) h.restore_history_id, h.restore_date, "
            + "h.destination_database_name, h.restore_type, h.recovery, m.physical_device_name "
            + "FROM msdb.dbo.restorehistory AS h "
            + "JOIN msdb.dbo.backupset AS b ON b.backup_set_id = h.backup_set_id "
            + "JOIN msdb.dbo.backupmediafamily AS m ON m.media_set_id = b.media_set_id "
            + "WHERE h.destination_database_name = ? AND m.physical_device_name = ? AND h.restore_date >= ? "
            + "ORDER BY h.restore_date DESC";
}
