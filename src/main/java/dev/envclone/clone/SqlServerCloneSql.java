package dev.envclone.clone;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.DatabaseFile;
import dev.envclone.procedure.RestoreSettings;
import dev.envclone.procedure.SqlServerSettings;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of the BACKUP and RESTORE statements of the SQL Server clone, written once for both forms: the scripts
 * a DBA runs (backup-on-source.sql, restore-on-target.sql, which add the terminator and their comments) and the
 * engine, which sends each statement over JDBC. A statement of several lines keeps its line breaks in both.
 * Checked against Microsoft Learn: BACKUP (Transact-SQL), RESTORE Statements (Transact-SQL), RESTORE Statements -
 * Arguments, RESTORE FILELISTONLY, RESTORE HEADERONLY, RESTORE LABELONLY, RESTORE VERIFYONLY, ALTER DATABASE File
 * and Filegroup Options, ALTER DATABASE SET Options (RECOVERY), ALTER AUTHORIZATION.
 */
final class SqlServerCloneSql {
    private static final Dialect SQL = Dialect.of(Dbms.SQLSERVER);
    /** STATS = 5: a message every 5 percent, the progress the engine shows and sqlcmd prints. */
    static final int STATS = 5;

    private SqlServerCloneSql() {
    }

    /** The backup file as a T-SQL literal. */
    static String file(SqlServerSettings s, CatalogClone clone) {
        return SQL.literal(SqlServerBackupFiles.backupFile(s, clone));
    }

    /**
     * The copy-only backup with checksums into a new file: NOFORMAT, NOINIT append to a file that exists rather
     * than overwrite it, which the checks before refuse. COMPRESSION only where the edition can write it
     * (Enterprise, Standard, Developer: "Backup compression (SQL Server)"); every edition restores it.
     */
    static List<String> backup(SqlServerSettings s, CatalogClone clone, boolean compression) {
        return List.of("BACKUP DATABASE " + SQL.quote(clone.sourceCatalog()) + " TO DISK = " + file(s, clone),
                "    WITH COPY_ONLY, CHECKSUM, " + (compression ? "COMPRESSION, " : "") + "NOFORMAT, NOINIT,",
                "    NAME = " + SQL.literal(SqlServerBackupFiles.backupSetName(s, clone)) + ",",
                "    STATS = " + STATS);
    }

    /** Reads the whole backup file back and checks every page checksum, without restoring anything. */
    static String verify(SqlServerSettings s, CatalogClone clone) {
        return "RESTORE VERIFYONLY FROM DISK = " + file(s, clone) + " WITH FILE = 1, CHECKSUM";
    }

    /** Reads the media header: fails (Msg 3201, with the operating system's error) when there is no such file. */
    static String labelOnly(SqlServerSettings s, CatalogClone clone) {
        return "RESTORE LABELONLY FROM DISK = " + file(s, clone);
    }

    /** The logical files of the backup set: LogicalName, PhysicalName, Type, Size, ... */
    static String fileList(SqlServerSettings s, CatalogClone clone) {
        return "RESTORE FILELISTONLY FROM DISK = " + file(s, clone) + " WITH FILE = 1";
    }

    /** One row per backup set in the file: DatabaseName, BackupName, BackupType, IsCopyOnly, ... */
    static String header(SqlServerSettings s, CatalogClone clone) {
        return "RESTORE HEADERONLY FROM DISK = " + file(s, clone);
    }

    /**
     * The restore under the new catalog name, every logical file moved (Msg 1834 otherwise, when the source's
     * files exist on the target), RECOVERY so the catalog comes online.
     */
    static List<String> restore(SqlServerSettings s, CatalogClone clone) {
        List<String> lines = new ArrayList<>();
        lines.add("RESTORE DATABASE " + SQL.quote(clone.catalog()) + " FROM DISK = " + file(s, clone));
        lines.add("    WITH FILE = 1, CHECKSUM,");
        List<String> physical = SqlServerBackupFiles.physicalFiles(s, clone);
        for (int i = 0; i < clone.files().size(); i++) {
            lines.add("    MOVE " + SQL.literal(clone.files().get(i).logicalName()) + " TO "
                    + SQL.literal(physical.get(i)) + ",");
        }
        lines.add("    RECOVERY, STATS = " + STATS);
        return lines;
    }

    /** A fixed growth increment instead of a percentage, for one logical file of the clone. */
    static String fileGrowth(RestoreSettings r, CatalogClone clone, DatabaseFile file) {
        return "ALTER DATABASE " + SQL.quote(clone.catalog()) + " MODIFY FILE (NAME = "
                + SQL.literal(file.logicalName()) + ", FILEGROWTH = " + (file.log() ? r.logFileGrowth()
                : r.dataFileGrowth()) + ")";
    }

    static String recoveryModel(RestoreSettings r, CatalogClone clone) {
        return "ALTER DATABASE " + SQL.quote(clone.catalog()) + " SET RECOVERY " + r.recoveryModel().sql();
    }

    static String owner(RestoreSettings r, CatalogClone clone) {
        return "ALTER AUTHORIZATION ON DATABASE::" + SQL.quote(clone.catalog()) + " TO " + SQL.quote(r.owner());
    }

    /** The settings after the restore, in the order both forms run them: growth, recovery model, owner. */
    static List<String> settings(RestoreSettings r, CatalogClone clone) {
        List<String> out = new ArrayList<>();
        for (DatabaseFile file : clone.files()) {
            out.add(fileGrowth(r, clone, file));
        }
        out.add(recoveryModel(r, clone));
        out.add(owner(r, clone));
        return out;
    }

    /** Lines as one statement for JDBC. */
    static String statement(List<String> lines) {
        return String.join("\n", lines);
    }

    /** Lines as they stand in a script: the last one ends with the terminator. */
    static List<String> scriptLines(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        out.set(out.size() - 1, out.get(out.size() - 1) + ";");
        return out;
    }
}
