package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.SqlServerSettings;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * backup-database on the SOURCE server: for each source catalog, a copy-only backup with checksums into the plan's
 * new file, then RESTORE VERIFYONLY of it. The source is not changed (COPY_ONLY leaves its backup chain alone);
 * msdb records the backup, which is how a crash is recovered.
 */
final class SqlServerBackupAction implements CloneAction {
    private final SqlServerSettings s;
    private final SqlServerLogin source;

    SqlServerBackupAction(SqlServerSettings s, SqlServerLogin source) {
        this.s = s;
        this.source = source;
    }

    @Override
    public String stepId() {
        return "backup-database";
    }

    @Override
    public String describe() {
        return "Copy-only backup with checksums of " + String.join(" and ", SqlServerBackupFiles.clones(s).stream()
                .map(CatalogClone::sourceCatalog).toList()) + " on the source server into " + s.backupFolder()
                + " (compressed where the edition can), each verified with RESTORE VERIFYONLY";
    }

    @Override
    public void check(CancelToken cancel) throws CloneFailedException, CancelToken.CancelledException {
        try (TargetSession session = source.server()) {
            checks(session, ServerFacts.read(session), cancel);
        } catch (SQLException e) {
            throw new CloneFailedException("The source server could not be checked: " + ServerErrors.messages(e),
                    ServerChecks.LEFT, false, e);
        }
    }

    /** @return the service account, for the messages that follow */
    private String checks(TargetSession session, ServerFacts facts, CancelToken cancel)
            throws SQLException, CloneFailedException, CancelToken.CancelledException {
        String account = ServerChecks.serviceAccount(session);
        for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
            cancel.check();
            CatalogState state = CatalogState.of(session, clone.sourceCatalog());
            if (state == null || !state.online()) {
                throw new CloneFailedException("Database " + clone.sourceCatalog() + (state == null
                        ? " does not exist on the source server" : " is " + state.state() + " on the source server")
                        + ": check the source URL and the plan's source catalog. Nothing was backed up.",
                        ServerChecks.LEFT);
            }
            ServerChecks.backupRights(session, clone.sourceCatalog(), facts.login());
            ServerChecks.backupFileIsNew(session, SqlServerCloneSql.labelOnly(s, clone),
                    SqlServerBackupFiles.backupFile(s, clone), account);
        }
        return account;
    }

    @Override
    public Map<String, String> run(Started started, CloneListener listener, CancelToken cancel)
            throws CloneFailedException, IOException {
        Map<String, String> result = new LinkedHashMap<>();
        try (TargetSession session = source.server()) {
            ServerFacts facts = ServerFacts.read(session);
            String account = checks(session, facts, cancel);
            started.started(SqlServerRecovery.startFacts(s, facts));
            result.put("compression", facts.compresses() ? "yes" : "no (edition " + facts.edition() + ")");
            List<String> written = new java.util.ArrayList<>();
            for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
                String what = "Backup of " + clone.sourceCatalog();
                String file = SqlServerBackupFiles.backupFile(s, clone);
                try {
                    cancel.check();
                    List<BackupMessage> messages;
                    try (RequestProgress poll = RequestProgress.start(source, facts.sessionId(), what, listener)) {
                        messages = new LongStatement(what, listener).run(session,
                                SqlServerCloneSql.statement(SqlServerCloneSql.backup(s, clone, facts.compresses())),
                                cancel);
                    }
                    SqlServerRecovery.finished(result, clone.sourceCatalog(), messages);
                    cancel.check();
                    new LongStatement("Verify of " + file, listener).run(session,
                            SqlServerCloneSql.verify(s, clone), cancel);
                    result.put(clone.sourceCatalog() + ".verified", "RESTORE VERIFYONLY WITH CHECKSUM: valid");
                    written.add(file);
                } catch (SQLException | CancelToken.CancelledException e) {
                    throw failed(session, clone, file, account, cancel, e, written);
                }
            }
        } catch (SQLException e) {
            throw new CloneFailedException("The source server could not be reached: " + ServerErrors.messages(e),
                    ServerChecks.LEFT, false, e);
        } catch (CancelToken.CancelledException e) {
            throw new CloneFailedException("Cancelled before anything was changed.", ServerChecks.LEFT, true, e);
        }
        return result;
    }

    private CloneFailedException failed(TargetSession session, CatalogClone clone, String file, String account,
            CancelToken cancel, Exception e, List<String> written) {
        boolean cancelled = cancel.isCancelled();
        String left = (written.isEmpty() ? "" : "this step wrote " + String.join(" and ", written) + ", which a "
                + "new run refuses as existing: delete it too before running again; ") + "the source " + clone.sourceCatalog() + " is unchanged (a copy-only backup changes nothing in "
                + "it); " + (ServerChecks.fileExists(session, SqlServerCloneSql.labelOnly(s, clone))
                ? file + " holds an unfinished backup: delete it on the source server before running again"
                : "no backup file was left");
        String why = e instanceof SQLException sql ? ServerErrors.fileAccess(sql, account, file, "write") : null;
        String message = cancelled ? "The backup of " + clone.sourceCatalog() + " was cancelled."
                : why != null ? why : "The backup of " + clone.sourceCatalog() + " failed: "
                + (e instanceof SQLException sql ? ServerErrors.messages(sql) : e.getMessage());
        return new CloneFailedException(message, left, cancelled, e);
    }

    @Override
    public Recovery recover(Map<String, String> started) throws CloneFailedException, IOException {
        Timestamp since = SqlServerRecovery.since(started);
        StringBuilder state = new StringBuilder();
        boolean done = true;
        try (TargetSession session = source.server()) {
            for (CatalogClone clone : SqlServerBackupFiles.clones(s)) {
                String file = SqlServerBackupFiles.backupFile(s, clone);
                try (PreparedStatement query = session.connection().prepareStatement(
                        SqlServerCloneQueries.BACKUP_HISTORY)) {
                    query.setString(1, clone.sourceCatalog());
                    query.setString(2, file);
                    query.setTimestamp(3, since);
                    try (ResultSet rows = query.executeQuery()) {
                        SqlServerRecovery.BackupVerdict verdict = SqlServerRecovery.backupVerdict(clone, file, rows,
                                ServerChecks.fileExists(session, SqlServerCloneSql.labelOnly(s, clone)));
                        done &= verdict.done();
                        state.append(state.length() == 0 ? "" : "; ").append(verdict.state());
                    }
                }
            }
        } catch (SQLException e) {
            throw new CloneFailedException("The source server could not be read after the interruption: "
                    + ServerErrors.messages(e), "unknown: look at msdb.dbo.backupset on the source server", false, e);
        }
        return new Recovery(done, state.toString());
    }
}
