package dev.envclone.clone;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.SqlServerSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a SQL Server clone step records before its first change, and the verdict after a crash from what the server
 * keeps: msdb's backupset (a row only for a backup that finished), restorehistory (a row only for a restore that
 * completed) and the catalog's state in sys.databases. Times are the server's own clock (GETDATE()), the one msdb
 * writes, so no clock difference between this machine and the server can hide a row.
 */
final class SqlServerRecovery {
    static final String SERVER_TIME = "serverTime";
    /** datetime columns round to 1/300 s: a row written in the same instant may read as a little earlier. */
    private static final long SLACK_MILLIS = 1000;

    /** @param done true when the catalog's part of the step finished */
    record BackupVerdict(boolean done, String state) {
    }

    private SqlServerRecovery() {
    }

    /** The facts journaled before the first change: the server's time, each file and catalog. */
    static Map<String, String> startFacts(SqlServerSettings s, ServerFacts facts) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(SERVER_TIME, facts.serverTime().toLocalDateTime().toString());
        out.put("session", String.valueOf(facts.sessionId()));
        for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
            out.put(clone.sourceCatalog() + ".file", SqlServerBackupFiles.backupFile(s, clone));
            out.put(clone.sourceCatalog() + ".catalog", clone.catalog());
        }
        return out;
    }

    /** The recorded start, less the rounding of msdb's datetime columns. */
    static Timestamp since(Map<String, String> started) throws CloneFailedException {
        String text = started == null ? null : started.get(SERVER_TIME);
        if (text == null) {
            throw new CloneFailedException("The journal holds no start time of this step (" + SERVER_TIME + "): "
                    + "envclone cannot tell its backup or restore from an older one. Look at the catalog on the "
                    + "server before running again.", "unknown");
        }
        return new Timestamp(Timestamp.valueOf(LocalDateTime.parse(text)).getTime() - SLACK_MILLIS);
    }

    /** The throughput line of a finished statement, into the step's result facts. */
    static void finished(Map<String, String> result, String catalog, List<BackupMessage> messages) {
        for (BackupMessage m : messages) {
            if (m.kind() == BackupMessage.Kind.FINISHED) {
                result.put(catalog + ".pages", String.valueOf(m.pages()));
                result.put(catalog + ".seconds", String.valueOf(m.seconds()));
                result.put(catalog + ".MBps", String.valueOf(m.megabytesPerSecond()));
            }
        }
    }

    /**
     * @param history the rows of {@link SqlServerCloneQueries#BACKUP_HISTORY}
     * @param fileExists whether the file's media header can be read now
     */
    static BackupVerdict backupVerdict(CatalogClone clone, String file, ResultSet history, boolean fileExists)
            throws SQLException, CloneFailedException {
        ResultColumns c = ResultColumns.require(history, "msdb.dbo.backupset", "backup_finish_date", "is_copy_only",
                "physical_device_name");
        if (c.next()) {
            return new BackupVerdict(true, "the backup of " + clone.sourceCatalog() + " into " + file
                    + " finished at " + c.time("backup_finish_date") + " (msdb.dbo.backupset)");
        }
        return new BackupVerdict(false, "the backup of " + clone.sourceCatalog() + " did not finish (msdb has no "
                + "backup set for " + file + " since the step began); " + (fileExists ? file + " holds an "
                + "unfinished backup: delete it on the source server, then run the step again"
                : "no file was left: the step runs again"));
    }

    /**
     * The verdict on one catalog of a restore.
     *
     * @param state the catalog's row in sys.databases, null when there is none
     * @param history the rows of {@link SqlServerCloneQueries#RESTORE_HISTORY}
     */
    static BackupVerdict restoreVerdict(CatalogClone clone, String file, CatalogState state, ResultSet history)
            throws SQLException, CloneFailedException {
        ResultColumns c = ResultColumns.require(history, "msdb.dbo.restorehistory", "restore_date",
                "destination_database_name", "physical_device_name");
        boolean restored = c.next();
        String catalog = clone.catalog();
        if (state == null) {
            return new BackupVerdict(false, "the restore of " + catalog + " had not begun or failed at once: the "
                    + "catalog does not exist; the step runs again");
        }
        if (!state.online()) {
            return new BackupVerdict(false, CatalogState.left(catalog, state));
        }
        if (!restored) {
            return new BackupVerdict(false, "catalog " + catalog + " is ONLINE, but msdb shows no restore of it "
                    + "from " + file + " since the step began: it is not this run's clone and envclone leaves it "
                    + "alone; drop or rename it before running again");
        }
        return new BackupVerdict(true, "catalog " + catalog + " was restored from " + file + " at "
                + c.time("restore_date") + " (msdb.dbo.restorehistory) and is ONLINE");
    }
}
