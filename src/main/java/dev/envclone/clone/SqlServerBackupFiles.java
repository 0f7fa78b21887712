package dev.envclone.clone;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.DatabaseFile;
import dev.envclone.procedure.SqlServerSettings;
import java.util.ArrayList;
import java.util.List;

/** The file names both clone scripts use: the backup file of each source catalog, and the restored files. */
public final class SqlServerBackupFiles {
    private SqlServerBackupFiles() {
    }

    /**
     * The backup file, on the database server, for one source catalog: named for this plan, so that a second plan
     * never finds the first one's file (backup-on-source.sql refuses a file that exists).
     */
    public static String backupFile(SqlServerSettings s, CatalogClone clone) {
        return folder(s.backupFolder()) + clone.sourceCatalog() + "_" + s.restore().backupName() + ".bak";
    }

    /** The backup set's NAME, which restore-on-target.sql checks to know the file is this plan's backup. */
    public static String backupSetName(SqlServerSettings s, CatalogClone clone) {
        return "envclone " + clone.sourceCatalog() + " " + s.restore().backupName();
    }

    /** Where each logical file goes: data files in the data folder, log files in the log folder. */
    public static List<String> physicalFiles(SqlServerSettings s, CatalogClone clone) {
        List<String> paths = new ArrayList<>();
        int data = 0;
        int log = 0;
        for (DatabaseFile file : clone.files()) {
            if (file.log()) {
                paths.add(folder(s.logFolder()) + clone.catalog() + "_log" + (log++ == 0 ? "" : "_" + log) + ".ldf");
            } else {
                paths.add(folder(s.dataFolder()) + clone.catalog() + (data++ == 0 ? ".mdf"
                        : "_" + file.logicalName() + ".ndf"));
            }
        }
        return paths;
    }

    /** The platform database, then the log database when it is a catalog of its own. */
    static List<CatalogClone> clones(SqlServerSettings s) {
        return s.log() == null ? List.of(s.platform()) : List.of(s.platform(), s.log());
    }

    private static String folder(String folder) {
        return folder.endsWith("\\") ? folder : folder + "\\";
    }
}
