package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.SqlServerSettings;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * restore-database on the TARGET server: the header and file list of every backup read and checked before any
 * RESTORE (this plan's backup, copy-only, checksums, no newer version, the plan's logical files), then each
 * catalog restored under its new name with every file moved, then the settings restore-on-target.sql sets (file
 * growth, recovery model, owner). A catalog left half-restored is reported and never used as a target.
 */
final class SqlServerRestoreAction implements CloneAction {
    private static final Logger LOG = LoggerFactory.getLogger(SqlServerRestoreAction.class);

    private final SqlServerSettings s;
    private final SqlServerLogin target;

    SqlServerRestoreAction(SqlServerSettings s, SqlServerLogin target) {
        this.s = s;
        this.target = target;
    }

    @Override
    public String stepId() {
        return "restore-database";
    }

    @Override
    public String describe() {
        return "Restore of " + String.join(" and ", SqlServerBackupFiles.clones(s).stream().map(c -> c.sourceCatalog()
                + " as " + c.catalog()).toList()) + " on the target server, data files into " + s.dataFolder()
                + " and log files into " + s.logFolder() + "; then recovery model " + s.restore().recoveryModel()
                + ", owner " + s.restore().owner() + ", file growth " + s.restore().dataFileGrowth() + "/"
                + s.restore().logFileGrowth();
    }

    @Override
    public void check(CancelToken cancel) throws CloneFailedException, CancelToken.CancelledException {
        try (TargetSession session = target.server()) {
            checks(session, ServerFacts.read(session), cancel);
        } catch (SQLException e) {
            throw new CloneFailedException("The target server could not be checked: " + ServerErrors.messages(e),
                    ServerChecks.LEFT, false, e);
        }
    }

    private void checks(TargetSession session, ServerFacts facts, CancelToken cancel)
            throws SQLException, CloneFailedException, CancelToken.CancelledException {
        ServerChecks.restoreRights(session, facts.login(), s.restore().owner());
        for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
            cancel.check();
            CatalogState state = CatalogState.of(session, clone.catalog());
            if (state != null) {
                throw new CloneFailedException("Catalog " + clone.catalog() + " already exists on the target "
                        + "server (" + state.state() + "): envclone restores only into a new catalog. Drop it, or "
                        + "make the plan again with another --catalog. Nothing was restored.", ServerChecks.LEFT);
            }
        }
    }

    /** Reads and checks what every backup file holds; a file the server cannot read is named with the account. */
    private void checkBackups(TargetSession session, ServerFacts facts, String account)
            throws CloneFailedException {
        for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
            String file = SqlServerBackupFiles.backupFile(s, clone);
            try (Statement statement = session.connection().createStatement()) {
                try (ResultSet rows = statement.executeQuery(SqlServerCloneSql.header(s, clone))) {
                    BackupHeader.check(BackupHeader.read(rows), s, clone, facts.majorVersion(),
                            facts.databaseVersion());
                }
                try (ResultSet rows = statement.executeQuery(SqlServerCloneSql.fileList(s, clone))) {
                    BackupFileList.check(clone, BackupFileList.read(rows), file,
                            clone == s.platform() ? "--files" : "--log-files");
                }
            } catch (SQLException e) {
                String access = ServerErrors.fileAccess(e, account, file, "read");
                throw new CloneFailedException((access != null ? access + " The target server reads the backup "
                        + "under the same path as the source wrote it." : "The target server cannot read " + file
                        + " (" + ServerErrors.messages(e) + ").") + " Nothing was restored.", ServerChecks.LEFT,
                        false, e);
            }
        }
    }

    @Override
    public Map<String, String> run(Started started, CloneListener listener, CancelToken cancel)
            throws CloneFailedException, IOException {
        Map<String, String> result = new LinkedHashMap<>();
        try (TargetSession session = target.server()) {
            ServerFacts facts = ServerFacts.read(session);
            checks(session, facts, cancel);
            String account = ServerChecks.serviceAccount(session);
            checkBackups(session, facts, account);
            LOG.info("Target defaults: data {}, log {}; the plan restores into {} and {}", facts.defaultDataPath(),
                    facts.defaultLogPath(), s.dataFolder(), s.logFolder());
            started.started(SqlServerRecovery.startFacts(s, facts));
            List<String> restored = new java.util.ArrayList<>();
            for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
                String what = "Restore of " + clone.catalog();
                try {
                    cancel.check();
                    List<BackupMessage> messages;
                    try (RequestProgress poll = RequestProgress.start(target, facts.sessionId(), what, listener)) {
                        messages = new LongStatement(what, listener).run(session,
                                SqlServerCloneSql.statement(SqlServerCloneSql.restore(s, clone)), cancel);
                    }
                    SqlServerRecovery.finished(result, clone.catalog(), messages);
                    settings(session, clone);
                    CatalogState state = CatalogState.of(session, clone.catalog());
                    if (state == null || !state.online()) {
                        throw new CloneFailedException("The restore of " + clone.catalog() + " ended, but the "
                                + "catalog is not online.", CatalogState.left(clone.catalog(), state));
                    }
                    result.put(clone.catalog() + ".state", state.state());
                    restored.add(clone.catalog());
                } catch (SQLException | CancelToken.CancelledException e) {
                    throw failed(session, clone, facts, account, cancel, e, restored);
                }
            }
        } catch (SQLException e) {
            throw new CloneFailedException("The target server could not be reached: " + ServerErrors.messages(e),
                    ServerChecks.LEFT, false, e);
        } catch (CancelToken.CancelledException e) {
            throw new CloneFailedException("Cancelled before anything was changed.", ServerChecks.LEFT, true, e);
        }
        return result;
    }

    /** File growth, recovery model and owner: the statements of restore-on-target.sql, in its order. */
    private void settings(TargetSession session, CatalogClone clone) throws SQLException {
        for (String sql : SqlServerCloneSql.settings(s.restore(), clone)) {
            try (Statement statement = session.connection().createStatement()) {
                LOG.info("{}: {}", clone.catalog(), sql);
                statement.execute(sql);
            }
        }
    }

    private CloneFailedException failed(TargetSession session, CatalogClone clone, ServerFacts facts, String account,
            CancelToken cancel, Exception e, List<String> restored) {
        boolean cancelled = cancel.isCancelled();
        String left;
        try {
            left = CatalogState.left(clone.catalog(), CatalogState.of(session, clone.catalog()));
        } catch (SQLException | CloneFailedException reading) {
            left = "unknown: the catalog's state could not be read (" + reading.getMessage() + "); look at "
                    + "sys.databases before running again; a catalog that is not ONLINE is no clone";
        }
        if (!restored.isEmpty()) {
            left = "catalog " + String.join(", ", restored) + " was restored by this step and is ONLINE, but the "
                    + "step is not done: drop it too before running again; " + left;
        }
        String why = null;
        if (e instanceof SQLException sql) {
            why = ServerErrors.fileAccess(sql, account, s.dataFolder() + "\\" + clone.catalog(), "write");
            if (why != null || ServerErrors.has(sql, 5133) || ServerErrors.has(sql, 3634)
                    || ServerErrors.has(sql, 1834)) {
                why = (why == null ? "The restore of " + clone.catalog() + " could not create its files: "
                        + ServerErrors.messages(sql) : why) + " The target's default folders are "
                        + facts.defaultDataPath() + " (data) and " + facts.defaultLogPath() + " (log): make the plan "
                        + "again with --data-folder and --log-folder where the service account may write.";
            }
        }
        String message = cancelled ? "The restore of " + clone.catalog() + " was cancelled."
                : why != null ? why : "The restore of " + clone.catalog() + " failed: "
                + (e instanceof SQLException sql ? ServerErrors.messages(sql) : e.getMessage());
        return new CloneFailedException(message, left, cancelled, e);
    }

    @Override
    public Recovery recover(Map<String, String> started) throws CloneFailedException, IOException {
        Timestamp since = SqlServerRecovery.since(started);
        StringBuilder state = new StringBuilder();
        boolean done = true;
        try (TargetSession session = target.server()) {
            for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
                String file = SqlServerBackupFiles.backupFile(s, clone);
                CatalogState now = CatalogState.of(session, clone.catalog());
                SqlServerRecovery.BackupVerdict verdict;
                try (PreparedStatement query = session.connection().prepareStatement(
                        SqlServerCloneQueries.RESTORE_HISTORY)) {
                    query.setString(1, clone.catalog());
                    query.setString(2, file);
                    query.setTimestamp(3, since);
                    try (ResultSet rows = query.executeQuery()) {
                        verdict = SqlServerRecovery.restoreVerdict(clone, file, now, rows);
                    }
                }
                String text = verdict.state();
                if (verdict.done()) {
                    // The settings are the rest of this step, on the catalog it made: set again, idempotent.
                    settings(session, clone);
                    text += "; file growth, recovery model and owner set again";
                }
                done &= verdict.done();
                state.append(state.length() == 0 ? "" : "; ").append(text);
            }
        } catch (SQLException e) {
            throw new CloneFailedException("The target server could not be read after the interruption: "
                    + ServerErrors.messages(e), "unknown: look at sys.databases and msdb.dbo.restorehistory on the "
                    + "target server; a catalog that is not ONLINE is no clone", false, e);
        }
        return new Recovery(done, state.toString());
    }
}
