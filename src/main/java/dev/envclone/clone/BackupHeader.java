package dev.envclone.clone;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.CloneFiles;
import dev.envclone.procedure.SqlServerSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One backup set of a file as {@code RESTORE HEADERONLY} lists it (Microsoft Learn, "RESTORE Statements -
 * HEADERONLY": BackupType 1 is a full database backup; a password-protected set shows NULLs), and the checks that
 * the file holds exactly this plan's backup before anything is restored: the same rules as
 * {@link RestoreHeaderCheck} in restore-on-target.sql, a NULL counting as a reason to refuse.
 */
record BackupHeader(String backupName, String databaseName, Long backupType, Boolean copyOnly, Boolean checksums,
                    Boolean damaged, Long softwareVersionMajor, Long databaseVersion) {
    static final String WHAT = "RESTORE HEADERONLY";

    static List<BackupHeader> read(ResultSet rows) throws SQLException, CloneFailedException {
        ResultColumns c = ResultColumns.require(rows, WHAT, "BackupName", "DatabaseName", "BackupType",
                "IsCopyOnly", "HasBackupChecksums", "IsDamaged", "SoftwareVersionMajor", "DatabaseVersion");
        List<BackupHeader> sets = new ArrayList<>();
        while (c.next()) {
            sets.add(new BackupHeader(c.text("BackupName"), c.text("DatabaseName"), c.number("BackupType"),
                    c.flag("IsCopyOnly"), c.flag("HasBackupChecksums"), c.flag("IsDamaged"),
                    c.number("SoftwareVersionMajor"), c.number("DatabaseVersion")));
        }
        return sets;
    }

    /**
     * @param serverMajor the target's SERVERPROPERTY('ProductMajorVersion')
     * @param serverDatabaseVersion the target's DATABASEPROPERTYEX('master', 'Version')
     * @throws CloneFailedException saying which rule the file breaks; nothing done
     */
    static void check(List<BackupHeader> sets, SqlServerSettings s, CatalogClone clone, long serverMajor,
            long serverDatabaseVersion) throws CloneFailedException {
        String file = SqlServerBackupFiles.backupFile(s, clone);
        if (sets.size() != 1) {
            refuse(file + " holds " + sets.size() + " backup sets: " + CloneFiles.BACKUP + " and the backup step "
                    + "write exactly one, into a new file. Move the file away and run the backup again.");
        }
        BackupHeader set = sets.get(0);
        if (set.databaseName() == null || !set.databaseName().equalsIgnoreCase(clone.sourceCatalog())) {
            refuse(file + " is a backup of " + set.databaseName() + ", not of " + clone.sourceCatalog()
                    + ", the plan's source catalog: check the file and the plan.");
        }
        String expected = SqlServerBackupFiles.backupSetName(s, clone);
        if (!expected.equals(set.backupName())) {
            refuse(file + " was not written by this plan's backup (backup set name " + set.backupName()
                    + ", expected " + expected + ").");
        }
        if (!Long.valueOf(1).equals(set.backupType()) || !Boolean.TRUE.equals(set.copyOnly())) {
            refuse(file + " is not a full copy-only backup (BackupType " + set.backupType() + ", IsCopyOnly "
                    + set.copyOnly() + "), as the backup step writes.");
        }
        if (!Boolean.TRUE.equals(set.checksums()) || !Boolean.FALSE.equals(set.damaged())) {
            refuse(file + " has no backup checksums or was taken from a damaged database (HasBackupChecksums "
                    + set.checksums() + ", IsDamaged " + set.damaged() + ").");
        }
        if (set.softwareVersionMajor() == null || set.softwareVersionMajor() > serverMajor
                || set.databaseVersion() == null || set.databaseVersion() > serverDatabaseVersion) {
            refuse(file + " comes from a newer SQL Server (version " + set.softwareVersionMajor() + ", database "
                    + "version " + set.databaseVersion() + ") than the target (version " + serverMajor
                    + ", database version " + serverDatabaseVersion + "): SQL Server restores no backup from a "
                    + "newer version. Restore onto a target of the source's version or later.");
        }
    }

    private static void refuse(String message) throws CloneFailedException {
        throw new CloneFailedException(message + " Nothing was restored.", "nothing was changed");
    }
}
