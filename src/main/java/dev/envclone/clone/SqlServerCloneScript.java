package dev.envclone.clone;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.DatabaseFile;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.SqlServerSettings;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * clone.sql: a copy-only backup of each source catalog and its restore under the new catalog name, every logical
 * file moved to a new physical file. Backup and restore cannot run inside a transaction, so the script has none;
 * each database is guarded so that the restore never runs over an existing catalog.
 */
public final class SqlServerCloneScript {
    private static final Dialect SQL = Dialect.of(Dbms.SQLSERVER);

    private SqlServerCloneScript() {
    }

    public static String render(MigrationPlan plan) {
        SqlServerSettings s = plan.sqlServer();
        List<String> out = new ArrayList<>(List.of(
                "-- envclone: clone of the " + plan.sourceEnvironment() + " databases for " + plan.targetEnvironment()
                        + " (SQL Server)",
                "-- Run in SSMS (or sqlcmd) on the database server, as a login with BACKUP DATABASE and CREATE "
                        + "DATABASE rights.",
                "-- Backup and restore run outside any transaction and take as long as they take: no query timeout.",
                "-- COPY_ONLY leaves the source's backup chain as it was; CHECKSUM verifies every page written.",
                "USE [master];",
                "GO"));
        databaseSection(out, "platform", s.platform(), s);
        if (s.log() != null) {
            databaseSection(out, "log", s.log(), s);
        }
        return String.join("\n", out) + "\n";
    }

    /** The backup file, on the database server, for one source catalog. */
    public static String backupFile(SqlServerSettings s, CatalogClone clone) {
        return folder(s.backupFolder()) + clone.sourceCatalog() + "_envclone.bak";
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

    private static void databaseSection(List<String> out, String what, CatalogClone clone, SqlServerSettings s) {
        String backup = SQL.literal(backupFile(s, clone));
        String source = SQL.quote(clone.sourceCatalog());
        String target = SQL.quote(clone.catalog());
        out.add("");
        out.add("-- " + "-".repeat(76));
        out.add("-- The " + what + " database: " + clone.sourceCatalog() + " -> " + clone.catalog());
        out.add("-- " + "-".repeat(76));
        out.add("BACKUP DATABASE " + source + " TO DISK = " + backup);
        out.add("    WITH COPY_ONLY, CHECKSUM, INIT, STATS = 5;");
        out.add("GO");
        out.add("-- The logical files must be those named in the MOVE clauses below.");
        out.add("RESTORE FILELISTONLY FROM DISK = " + backup + ";");
        out.add("GO");
        out.add("RESTORE VERIFYONLY FROM DISK = " + backup + " WITH CHECKSUM;");
        out.add("GO");
        out.add("-- In the same batch as the restore: if the catalog exists, THROW ends the batch before RESTORE.");
        out.add("IF DB_ID(" + SQL.literal(clone.catalog()) + ") IS NOT NULL");
        out.add("    THROW 50000, " + SQL.literal("Database " + clone.catalog()
                + " already exists: envclone restores only into a new catalog.") + ", 1;");
        out.add("RESTORE DATABASE " + target + " FROM DISK = " + backup);
        out.add("    WITH FILE = 1, CHECKSUM,");
        List<String> physical = physicalFiles(s, clone);
        for (int i = 0; i < clone.files().size(); i++) {
            out.add("    MOVE " + SQL.literal(clone.files().get(i).logicalName()) + " TO "
                    + SQL.literal(physical.get(i)) + ",");
        }
        out.add("    RECOVERY, STATS = 5;");
        out.add("GO");
        out.add("-- Fixed growth increments instead of percentages, as Microsoft recommends for large files.");
        for (DatabaseFile file : clone.files()) {
            out.add("ALTER DATABASE " + target + " MODIFY FILE (NAME = " + SQL.literal(file.logicalName())
                    + ", FILEGROWTH = " + (file.log() ? "256MB" : "512MB") + ");");
        }
        out.add("GO");
    }

    private static String folder(String folder) {
        return folder.endsWith("\\") ? folder : folder + "\\";
    }
}
