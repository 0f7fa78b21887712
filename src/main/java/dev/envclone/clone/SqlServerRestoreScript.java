package dev.envclone.clone;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.CloneFiles;
import dev.envclone.procedure.DatabaseFile;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.RestoreSettings;
import dev.envclone.procedure.SqlServerSettings;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * restore-on-target.sql: each backup backup-on-source.sql wrote, restored under the new catalog name with every
 * logical file moved, then given fixed file growth, the plan's recovery model and owner. One batch per database
 * holds the checks, the RESTORE and every ALTER DATABASE, so that a refused check (THROW ends the batch) or a failed
 * restore leaves nothing that could alter a database that was there before.
 */
public final class SqlServerRestoreScript {
    private static final Dialect SQL = Dialect.of(Dbms.SQLSERVER);

    private SqlServerRestoreScript() {
    }

    public static String render(MigrationPlan plan) {
        SqlServerSettings s = plan.sqlServer();
        RestoreSettings r = s.restore();
        List<String> out = new ArrayList<>(SqlcmdFrame.open(List.of(
                "-- envclone: part 2 of 2 of the clone of the " + plan.sourceEnvironment() + " databases for "
                        + plan.targetEnvironment() + " (SQL Server): the restore.",
                "-- Run on the TARGET database server after " + CloneFiles.BACKUP + ", in sqlcmd (sqlcmd -S TARGET "
                        + "-E -b -i " + CloneFiles.RESTORE + ")",
                "-- or in SSMS with Query > SQLCMD Mode on, as a login with CREATE DATABASE rights (dbcreator or "
                        + "sysadmin).",
                "-- It refuses, before any RESTORE, a file that is not this plan's backup and a catalog that exists.",
                "-- After the restore: recovery model " + r.recoveryModel().sql() + ", owner " + r.owner()
                        + ", file growth " + r.dataFileGrowth() + " (data) and " + r.logFileGrowth() + " (log).",
                "-- Restore runs outside any transaction and takes as long as it takes: no query timeout.")));
        for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
            section(out, clone == s.platform() ? "platform" : "log", clone, s);
        }
        return String.join("\n", out) + "\n";
    }

    private static void section(List<String> out, String what, CatalogClone clone, SqlServerSettings s) {
        RestoreSettings r = s.restore();
        out.add("");
        out.add(SqlcmdFrame.ruler());
        out.add("-- The " + what + " database: " + clone.sourceCatalog() + " -> " + clone.catalog());
        out.add(SqlcmdFrame.ruler());
        out.add("-- For the record: the logical files, which must be those named in the MOVE clauses below.");
        out.add(SqlServerCloneSql.fileList(s, clone) + ";");
        out.add("GO");
        out.add("-- One batch from here to GO: each THROW ends it before RESTORE, and nothing after RESTORE runs "
                + "unless");
        out.add("-- the new catalog is online.");
        out.add("USE [master];");
        out.add("IF DB_ID(" + SQL.literal(clone.catalog()) + ") IS NOT NULL");
        out.add("    THROW 50000, " + SQL.literal("Database " + clone.catalog() + " already exists: envclone "
                + "restores only into a new catalog. Nothing was restored.") + ", 1;");
        RestoreHeaderCheck.write(out, clone, s);
        out.addAll(SqlServerCloneSql.scriptLines(SqlServerCloneSql.restore(s, clone)));
        out.add("IF @@ERROR <> 0 OR DATABASEPROPERTYEX(" + SQL.literal(clone.catalog()) + ", 'Status') IS NULL");
        out.add("        OR CONVERT(nvarchar(60), DATABASEPROPERTYEX(" + SQL.literal(clone.catalog())
                + ", 'Status')) <> N'ONLINE'");
        out.add("    THROW 50000, " + SQL.literal("The restore of " + clone.catalog() + " did not complete: see the "
                + "messages above. Nothing was changed after it.") + ", 1;");
        out.add("-- Fixed growth increments instead of percentages (the document's recommended file growth).");
        for (DatabaseFile file : clone.files()) {
            out.add(SqlServerCloneSql.fileGrowth(r, clone, file) + ";");
        }
        out.add("-- The clone keeps the source's recovery model; under FULL with no log backups its log grows "
                + "without end.");
        out.add(SqlServerCloneSql.recoveryModel(r, clone) + ";");
        out.add("-- Otherwise the login that ran this script owns the clone.");
        out.add(SqlServerCloneSql.owner(r, clone) + ";");
        out.add("DROP TABLE " + RestoreHeaderCheck.TABLE + ";");
        out.add("GO");
    }
}
