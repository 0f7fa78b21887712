package dev.envclone.procedure;

import dev.envclone.sql.Dbms;
import java.util.List;

/**
 * The SQL Server side of a plan.
 *
 * @param server the target database server, {@code host\instance}, for the Configuration Tool; null if not given
 * @param platform the platform database to clone
 * @param log the log database, when it is a catalog of its own; null when the log lives in the platform catalog
 * @param backupFolder where the backup file is written, on the database server
 * @param dataFolder where the restored data files go
 * @param logFolder where the restored transaction log files go
 * @param sessionCatalog the session (ASPState) catalog for the Configuration Tool's Session tab
 * @param sessionUser the session database user; null if not given
 * @param restore the backup file name, and the recovery model, owner and file growth set after the restore
 * @param sourceUsers the source environment's platform users, which the restore brings into the clone and the
 *     security-context step drops (OSADMIN, OSRUNTIME, OSLOG by default); not the target's {@code users}
 */
public record SqlServerSettings(String server, CatalogClone platform, CatalogClone log, String backupFolder,
                                String dataFolder, String logFolder, String sessionCatalog, String sessionUser,
                                RestoreSettings restore, PlatformUsers sourceUsers) {

    public static SqlServerSettings defaults() {
        return new SqlServerSettings(null,
                new CatalogClone("OUTSYSTEMS", "OUTSYSTEMS_CLONE", CatalogClone.defaultFiles("OUTSYSTEMS")),
                null, "D:\\SQLBackup", "D:\\SQLData", "L:\\SQLLog", "ASPState", null,
                RestoreSettings.defaults(java.time.Instant.now()), PlatformUsers.defaults(Dbms.SQLSERVER));
    }

    /** The restored catalogs, the platform catalog first: where the restored users are. */
    public List<String> restoredCatalogs() {
        return log == null ? List.of(platform.catalog())
                : List.of(platform.catalog(), log.catalog());
    }

    /** The catalog the Log tab points at: the log database's clone, or the platform catalog. */
    public String logCatalog() {
        return log == null ? platform.catalog() : log.catalog();
    }
}
