package dev.envclone.clone;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.CloneFiles;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.SqlServerSettings;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * backup-on-source.sql: a copy-only backup of each source catalog into a file that is new. It runs on the source
 * server only; the restore is another file, run on the target, so that running this one there cannot touch a
 * database of the same name. One batch per database: the checks and the BACKUP share it, so a THROW ends the batch
 * before anything is written.
 */
public final class SqlServerBackupScript {
    private static final Dialect SQL = Dialect.of(Dbms.SQLSERVER);

    private SqlServerBackupScript() {
    }

    public static String render(MigrationPlan plan) {
        SqlServerSettings s = plan.sqlServer();
        List<String> out = new ArrayList<>(SqlcmdFrame.open(List.of(
                "-- envclone: part 1 of 2 of the clone of the " + plan.sourceEnvironment() + " databases for "
                        + plan.targetEnvironment() + " (SQL Server): the backup.",
                "-- Run on the SOURCE database server, in sqlcmd (sqlcmd -S SOURCE -E -b -i " + CloneFiles.BACKUP
                        + ") or in SSMS",
                "-- with Query > SQLCMD Mode on, as a login with BACKUP DATABASE rights (db_backupoperator, db_owner "
                        + "or sysadmin).",
                "-- Then run " + CloneFiles.RESTORE + " on the target server; it reads the files from the same "
                        + "path.",
                "-- COPY_ONLY leaves the source's backup chain as it was; CHECKSUM verifies every page written.",
                "-- Backup runs outside any transaction and takes as long as it takes: no query timeout.")));
        for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
            section(out, clone == s.platform() ? "platform" : "log", clone, s);
        }
        return String.join("\n", out) + "\n";
    }

    private static void section(List<String> out, String what, CatalogClone clone, SqlServerSettings s) {
        String file = SqlServerBackupFiles.backupFile(s, clone);
        out.add("");
        out.add(SqlcmdFrame.ruler());
        out.add("-- The " + what + " database: " + clone.sourceCatalog() + " (restored as " + clone.catalog()
                + " by " + CloneFiles.RESTORE + ")");
        out.add(SqlcmdFrame.ruler());
        out.add("USE [master];");
        out.add("IF DB_ID(" + SQL.literal(clone.sourceCatalog()) + ") IS NULL");
        out.add("    THROW 50000, " + SQL.literal("Database " + clone.sourceCatalog() + " does not exist here: run "
                + CloneFiles.BACKUP + " on the source server. Nothing was backed up.") + ", 1;");
        out.add("-- The file must be new: NOINIT appends to an existing file, and the restore of FILE = 1 would then "
                + "restore");
        out.add("-- the older backup set. RESTORE LABELONLY reads the media header of a backup file that exists and "
                + "fails");
        out.add("-- (Msg 3201) when there is none. A file that exists but is no backup is refused by BACKUP itself "
                + "(only");
        out.add("-- FORMAT, never written here, overwrites one).");
        out.add("DECLARE @envclone_file_exists bit = 1;");
        out.add("BEGIN TRY");
        out.add("    " + SqlServerCloneSql.labelOnly(s, clone) + ";");
        out.add("END TRY");
        out.add("BEGIN CATCH");
        out.add("    SET @envclone_file_exists = 0;");
        out.add("END CATCH;");
        out.add("IF @envclone_file_exists = 1");
        out.add("    THROW 50000, " + SQL.literal("Backup file " + file + " already exists: move it away, or make a "
                + "new plan (it gets a new backup name). Nothing was backed up.") + ", 1;");
        // No COMPRESSION here: the script does not know the edition (the engine asks the server).
        out.addAll(SqlServerCloneSql.scriptLines(SqlServerCloneSql.backup(s, clone, false)));
        out.add(SqlServerCloneSql.verify(s, clone) + ";");
        out.add("GO");
    }
}
