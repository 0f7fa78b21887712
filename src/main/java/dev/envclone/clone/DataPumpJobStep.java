package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.DataPumpSettings;
import dev.envclone.procedure.MigrationPlan;
import java.io.IOException;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * export-schemas (on the source) or import-schemas (on the target) as one DBMS_DATAPUMP job named for the run.
 * The dump file set lives in the DIRECTORY: the import reads it from the target's DIRECTORY, so the two databases
 * share that folder, or are one instance, or a DBA copies the files between the steps (decision record 0015).
 *
 * <p>A job found under the run's name (envclone was stopped while it ran) is re-attached to, and restarted when it
 * stopped, instead of started again. Cancel stops it with STOP_JOB(immediate, keep_master 0).
 */
final class DataPumpJobStep implements CloneAction {
    private static final Logger LOG = LoggerFactory.getLogger(DataPumpJobStep.class);

    private final MigrationPlan plan;
    private final DataPumpJobSql.Job job;
    private final TargetSession session;
    private final String jobName;

    DataPumpJobStep(MigrationPlan plan, DataPumpJobSql.Job job, TargetSession session, Instant runStarted) {
        this.plan = plan;
        this.job = job;
        this.session = session;
        this.jobName = job.name(runStarted);
    }

    @Override
    public String stepId() {
        return switch (job) {
            case EXPORT -> "export-schemas";
            case IMPORT -> "import-schemas";
        };
    }

    @Override
    public String describe() {
        DataPumpSettings d = settings();
        String schemas = String.join(", ", plan.oracle().exportedSchemas());
        return switch (job) {
            case EXPORT -> "Export " + schemas + " from the source with DBMS_DATAPUMP";
            case IMPORT -> "Import " + schemas + " into the target with DBMS_DATAPUMP";
        } + " (job " + jobName + ", dump " + d.dumpFile() + " in DIRECTORY " + d.directory() + ", log "
                + job.logFile(d) + ")";
    }

    @Override
    public void check(CancelToken cancel) throws CloneFailedException, CancelToken.CancelledException {
        try {
            DataPumpPrivileges.check(connection(), cancel, need(), where(), settings().directory());
            if (job == DataPumpJobSql.Job.EXPORT && jobState().isEmpty()) {
                long size = dumpFileSizeIfKnown();
                if (size >= 0) {
                    throw new CloneFailedException("The dump file " + DataPumpJobSql.firstDumpFile(settings())
                            + " already exists in DIRECTORY " + settings().directory() + " on the source (" + size
                            + " bytes), from an earlier export: remove it on the database server, or give the plan "
                            + "another dump file name. Nothing was changed.", "nothing was changed");
                }
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw new CloneFailedException("Could not check the " + where() + " database before " + stepId() + ": "
                    + e.getMessage(), "nothing was changed", false, e);
        }
    }

    @Override
    public Map<String, String> run(Started started, CloneListener listener, CancelToken cancel)
            throws CloneFailedException, IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("job", jobName);
        facts.put("directory", settings().directory());
        facts.put("dumpFile", settings().dumpFile());
        facts.put("logFile", job.logFile(settings()));
        long handle;
        Optional<DataPumpStatus.State> found = Optional.empty();
        try {
            found = jobState();
            if (found.isEmpty() && job == DataPumpJobSql.Job.IMPORT) {
                requireDumpFile();
            }
            started.started(Map.copyOf(facts));
            if (found.isPresent()) {
                handle = reattach(found.get(), listener);
            } else {
                handle = start(facts, listener);
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw new CloneFailedException("The Data Pump job " + jobName + " could not be "
                    + (found.isPresent() ? "re-attached to" : "started") + " on the " + where() + " database: "
                    + e.getMessage(), found.isPresent() ? "the job " + jobName + " is still in USER_DATAPUMP_JOBS ("
                    + found.get().spelled() + ")" : "nothing was changed: a job that fails while it is being "
                    + "defined is removed", false, e);
        }
        DataPumpJobFollower.Outcome outcome;
        try (CallableStatement poll = connection().prepareCall(DataPumpJobSql.status())) {
            outcome = DataPumpJobFollower.follow(new Follow(poll, handle, cancel), title(), listener, cancel);
        } catch (SQLException | IllegalArgumentException e) {
            if (cancel.isCancelled()) {
                throw new CloneFailedException("Cancelled, but the Data Pump job " + jobName + " could not be "
                        + "stopped: " + e.getMessage() + ". A DBA stops it: attach with expdp/impdp ATTACH="
                        + jobName + " and KILL_JOB, or DBMS_DATAPUMP.ATTACH and STOP_JOB.", "the job " + jobName
                        + " may still be running", true, e);
            }
            throw new CloneFailedException("envclone lost track of the Data Pump job " + jobName + ": "
                    + e.getMessage() + ". The job may still run on the " + where() + " database: run the step "
                    + "again to re-attach to it, or look at it in USER_DATAPUMP_JOBS.", "the job " + jobName
                    + " may still be running", false, e);
        }
        if (outcome.cancelled()) {
            throw new CloneFailedException("Cancelled: the Data Pump job " + jobName + " was stopped.",
                    leftAfterCancel(), true, null);
        }
        detach(handle);
        String refusal = outcome.refusal();
        if (refusal != null) {
            throw new CloneFailedException(stepId() + " failed: " + refusal + ". The log file "
                    + job.logFile(settings()) + " in DIRECTORY " + settings().directory() + " on the " + where()
                    + " database holds all of it.", leftAfterFailure());
        }
        facts.put("state", outcome.state().spelled());
        facts.put("expectedErrors", String.valueOf(outcome.log().expectedErrors().size()));
        return Map.copyOf(facts);
    }

    @Override
    public Recovery recover(Map<String, String> started) throws CloneFailedException, IOException {
        String name = started.getOrDefault("job", jobName);
        Optional<DataPumpStatus.State> state;
        try {
            state = jobState();
        } catch (SQLException | IllegalArgumentException e) {
            throw new CloneFailedException("Could not read the Data Pump job " + name + " from USER_DATAPUMP_JOBS "
                    + "on the " + where() + " database: " + e.getMessage(), "unknown: look at the job in "
                    + "USER_DATAPUMP_JOBS and at its log file " + job.logFile(settings()), false, e);
        }
        if (state.isPresent()) {
            return new Recovery(false, "The Data Pump job " + name + " is " + state.get().spelled() + " on the "
                    + where() + " database: when the step runs again, envclone re-attaches to it (restarting it if "
                    + "it stopped) and follows it to its end.");
        }
        String text;
        try {
            text = readLog();
        } catch (SQLException e) {
            return new Recovery(false, "The Data Pump job " + name + " is not in USER_DATAPUMP_JOBS (it ended) and "
                    + "its log file " + job.logFile(settings()) + " in DIRECTORY " + settings().directory()
                    + " could not be read (" + e.getMessage() + "): read it on the " + where() + " database's "
                    + "server before running the step again. " + leftAfterFailure());
        }
        return fromLog(name, text);
    }

    /** The recovery's verdict from the job's log file, read when the job is gone (its master table dropped). */
    Recovery fromLog(String name, String text) {
        DataPumpLog log = new DataPumpLog();
        text.lines().forEach(log::accept);
        String refusal = log.refusal(null);
        if (refusal == null) {
            return new Recovery(true, "The Data Pump job " + name + " completed while envclone was away: it is "
                    + "gone from USER_DATAPUMP_JOBS and its log file " + job.logFile(settings()) + " says it "
                    + "completed" + (log.expectedErrors().isEmpty() ? "" : " (with " + log.expectedErrors().size()
                    + " expected ORA-31684)") + ".");
        }
        return new Recovery(false, "The Data Pump job " + name + " is gone from USER_DATAPUMP_JOBS and its log file "
                + "says: " + refusal + ". " + leftAfterFailure());
    }

    private long start(Map<String, String> facts, CloneListener listener) throws SQLException {
        String block = switch (job) {
            case EXPORT -> DataPumpJobSql.export(plan, jobName);
            case IMPORT -> DataPumpJobSql.importJob(plan, jobName);
        };
        try (CallableStatement statement = connection().prepareCall(block)) {
            statement.registerOutParameter(1, Types.NUMERIC);
            if (job == DataPumpJobSql.Job.EXPORT) {
                statement.registerOutParameter(2, Types.VARCHAR);
            }
            statement.execute();
            if (job == DataPumpJobSql.Job.EXPORT) {
                facts.put("consistentAsOf", statement.getString(2));
            }
            LOG.info("Started the Data Pump job {} on the {} database", jobName, where());
            listener.logLine("envclone: started the Data Pump job " + jobName);
            return statement.getLong(1);
        }
    }

    private long reattach(DataPumpStatus.State state, CloneListener listener) throws SQLException {
        long handle;
        try (CallableStatement statement = connection().prepareCall(DataPumpJobSql.attach(jobName))) {
            statement.registerOutParameter(1, Types.NUMERIC);
            statement.execute();
            handle = statement.getLong(1);
        }
        listener.logLine("envclone: re-attached to the Data Pump job " + jobName + " (" + state.spelled() + ")");
        LOG.info("Re-attached to the Data Pump job {} found {}", jobName, state.spelled());
        if (state == DataPumpStatus.State.NOT_RUNNING || state == DataPumpStatus.State.IDLING
                || state == DataPumpStatus.State.STOPPED) {
            // A stopped job is IDLING once attached; START_JOB restarts it where it stopped.
            try (CallableStatement statement = connection().prepareCall(DataPumpJobSql.restart())) {
                statement.setLong(1, handle);
                statement.execute();
            }
            listener.logLine("envclone: restarted the Data Pump job " + jobName);
        }
        return handle;
    }

    private void detach(long handle) {
        try (CallableStatement statement = connection().prepareCall(DataPumpJobSql.detach())) {
            statement.setLong(1, handle);
            statement.execute();
        } catch (SQLException e) {
            // The job has ended; the handle goes with the session.
            LOG.warn("Could not detach from the ended Data Pump job {}: {}", jobName, e.getMessage());
        }
    }

    /** The import reads the dump file set from the target's DIRECTORY: say so before a job is made. */
    private void requireDumpFile() throws CloneFailedException {
        if (dumpFileSizeIfKnown() == -1) {
            DataPumpSettings d = settings();
            throw new CloneFailedException("The dump file " + DataPumpJobSql.firstDumpFile(d) + " is not in "
                    + "DIRECTORY " + d.directory() + " on the target database. The import reads the export's dump "
                    + "files from there: the DIRECTORY must name a folder the source's DIRECTORY shares, or a DBA "
                    + "copies the files " + d.dumpFile() + " from the source's DIRECTORY into it. Nothing was "
                    + "changed.", "nothing was changed");
        }
    }

    private Optional<DataPumpStatus.State> jobState() throws SQLException {
        try (PreparedStatement statement = connection().prepareStatement(DataPumpJobSql.jobState())) {
            statement.setString(1, jobName);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(DataPumpStatus.State.parse(rows.getString(1))) : Optional.empty();
            }
        }
    }

    /**
     * The first dump file's size, -1 when it does not exist, -2 when that cannot be told: UTL_FILE may be revoked
     * from PUBLIC, and the Data Pump job itself then says whether the file is there.
     */
    private long dumpFileSizeIfKnown() {
        try {
            return dumpFileSize();
        } catch (SQLException e) {
            LOG.warn("Could not look for the dump file {} in DIRECTORY {} ({}); the Data Pump job will",
                    DataPumpJobSql.firstDumpFile(settings()), settings().directory(), e.getMessage());
            return -2;
        }
    }

    private long dumpFileSize() throws SQLException {
        try (CallableStatement statement = connection().prepareCall(DataPumpJobSql.dumpFileSize(plan))) {
            statement.registerOutParameter(1, Types.NUMERIC);
            statement.execute();
            return statement.getLong(1);
        }
    }

    private String readLog() throws SQLException {
        try (CallableStatement statement = connection().prepareCall(DataPumpJobSql.readLog(plan, job))) {
            statement.registerOutParameter(1, Types.CLOB);
            statement.execute();
            return text(statement.getClob(1));
        }
    }

    private String leftAfterCancel() {
        DataPumpSettings d = settings();
        return switch (job) {
            case EXPORT -> "The export job was stopped and removed: Data Pump deletes the dump files it wrote when "
                    + "a job's master table is dropped; the log file " + d.exportLogFile() + " stays in DIRECTORY "
                    + d.directory() + ". The source is unchanged. Running the step again exports afresh.";
            case IMPORT -> "The import job was stopped and removed: the schemas " + imported() + " are partly "
                    + "imported on the target. Before importing again, drop them (DROP USER ... CASCADE) and run "
                    + "create-users again; otherwise the import skips the tables that exist. The dump files "
                    + d.dumpFile() + " stay in DIRECTORY " + d.directory() + ".";
        };
    }

    private String leftAfterFailure() {
        return switch (job) {
            case EXPORT -> "The source is unchanged; the dump files may be incomplete: remove them before "
                    + "exporting again.";
            case IMPORT -> "The schemas " + imported() + " may be partly imported on the target: drop them (DROP "
                    + "USER ... CASCADE) and run create-users and import-schemas again, or resolve the errors by "
                    + "hand.";
        };
    }

    private String imported() {
        return String.join(", ", plan.oracle().exportedSchemas().stream().map(plan.oracle()::importedName)
                .distinct().toList());
    }

    private DataPumpPrivileges.Need need() {
        return switch (job) {
            case EXPORT -> DataPumpPrivileges.Need.EXPORT;
            case IMPORT -> DataPumpPrivileges.Need.IMPORT;
        };
    }

    private String where() {
        return switch (job) {
            case EXPORT -> "source";
            case IMPORT -> "target";
        };
    }

    private String title() {
        return switch (job) {
            case EXPORT -> "Exporting the schemas";
            case IMPORT -> "Importing the schemas";
        };
    }

    private DataPumpSettings settings() {
        return plan.oracle().dataPump();
    }

    private Connection connection() {
        return session.connection();
    }

    static String text(Clob clob) throws SQLException {
        if (clob == null) {
            return "";
        }
        try {
            return clob.getSubString(1, (int) clob.length());
        } finally {
            clob.free();
        }
    }

    /** One GET_STATUS through the status block, interruptible by the cancel. */
    private static final class Follow implements DataPumpJobFollower.Job {
        private final CallableStatement poll;
        private final long handle;
        private final CancelToken cancel;

        Follow(CallableStatement poll, long handle, CancelToken cancel) {
            this.poll = poll;
            this.handle = handle;
            this.cancel = cancel;
        }

        @Override
        public DataPumpStatus poll() throws SQLException {
            poll.setLong(1, handle);
            poll.setInt(2, DataPumpJobSql.STATUS_WAIT_SECONDS);
            poll.registerOutParameter(3, Types.VARCHAR);
            poll.registerOutParameter(4, Types.NUMERIC);
            poll.registerOutParameter(5, Types.NUMERIC);
            poll.registerOutParameter(6, Types.CLOB);
            cancel.running(poll);
            try {
                poll.execute();
            } finally {
                cancel.running(null);
            }
            return DataPumpStatus.read(poll.getString(3), (Number) poll.getObject(4), (Number) poll.getObject(5),
                    text(poll.getClob(6)));
        }

        @Override
        public void stop() throws SQLException {
            try (CallableStatement stop = poll.getConnection().prepareCall(DataPumpJobSql.stop())) {
                stop.setLong(1, handle);
                stop.execute();
            }
        }
    }
}
