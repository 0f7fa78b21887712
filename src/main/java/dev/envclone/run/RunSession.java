package dev.envclone.run;

import dev.envclone.db.CancelToken;
import dev.envclone.db.PreImage;
import dev.envclone.db.PreImages;
import dev.envclone.db.ProgressListener;
import dev.envclone.db.StepBlockedException;
import dev.envclone.db.StepExecutor;
import dev.envclone.db.StepFailedException;
import dev.envclone.db.StepPreview;
import dev.envclone.db.StepResult;
import dev.envclone.db.TargetInspection;
import dev.envclone.db.UrlSecrets;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.CleanupContext;
import dev.envclone.procedure.InstallPhase;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.procedure.StepKind;
import dev.envclone.sql.CleanupItem;
import dev.envclone.sql.Dialect;
import dev.envclone.sql.RefusedTableException;
import dev.envclone.sql.RowChange;
import dev.envclone.sql.SecurityContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run folder connected to its target: the guards, the two stages (prepare: check and preview; continue: execute
 * step by step), and the recovery of a step that was under way when the process ended. Every action is in the
 * journal before the next one starts.
 */
public final class RunSession {
    private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);

    private final RunFolder run;
    private final TargetSession target;
    private final Connection connection;
    private final StepExecutor executor;
    private final Dialect dialect;
    private final String operator;
    private final List<Step> steps;

    /** @param target opened for the run's plan ({@link #openTarget}) */
    public RunSession(RunFolder run, TargetSession target, String operator) {
        this.run = run;
        this.operator = FreeText.requireOneLine("operator", operator);
        MigrationPlan plan = run.plan();
        this.target = requireFor(target, plan);
        this.connection = target.connection();
        this.dialect = target.dialect();
        this.executor = new StepExecutor(target);
        this.steps = ProcedureCatalog.stepsFor(plan);
    }

    /** The run's session on its target: the plan's DBMS, and on Oracle the plan's admin schema. */
    public static TargetSession openTarget(MigrationPlan plan, String url, String user, char[] password)
            throws SQLException {
        return TargetSession.open(url, user, password, plan.dbms(), plan.users().admin());
    }

    private static TargetSession requireFor(TargetSession target, MigrationPlan plan) {
        if (target.dialect().dbms() != plan.dbms()) {
            throw new IllegalArgumentException("the target session is set up for " + target.dialect().dbms()
                    .displayName() + ", the plan is for " + plan.dbms().displayName());
        }
        return target;
    }

    /** How the run's session was set up (the schema, the statements run and those H2 has no use for). */
    public TargetSession.Setup sessionSetup() {
        return target.setup();
    }

    /**
     * Refuses a target that is not a platform database, that is the source, or that is not the database this run
     * started on. Records the accepted target.
     */
    public String checkTarget(String sourceFingerprint) throws SQLException, IOException, GuardException {
        FreeText.requireOneLine("source fingerprint", sourceFingerprint);
        TargetInspection.Facts facts = TargetInspection.inspect(target);
        String fingerprint = accept(facts, run.plan(), sourceFingerprint);
        // The run's own (created, planned or recorded) is refused too: a fingerprint given now adds to it.
        accept(facts, run.plan(), run.sourceFingerprint());
        String earlier = run.journal().entries().stream().filter(e -> e.event() == JournalEvent.TARGET_CHECKED)
                .map(e -> e.get("fingerprint")).findFirst().orElse(null);
        if (earlier != null && !earlier.equals(fingerprint)) {
            throw new GuardException("This run started on " + earlier + " but the target is now " + fingerprint
                    + ": resume it against the same database, or start a new run.");
        }
        run.journal().append(JournalEvent.TARGET_CHECKED, null, operator, Map.of("fingerprint", fingerprint));
        LOG.info("Run {}: target {} accepted, operator {}", run.folder(), fingerprint, operator);
        return fingerprint;
    }

    /**
     * The guards of {@link #checkTarget} for a run that has no folder yet, so that a refused start leaves nothing
     * behind: not a platform database, or the source, read on a session opened as a run opens it.
     *
     * @return the target's fingerprint
     */
    public static String checkNewTarget(TargetSession target, MigrationPlan plan, String sourceFingerprint)
            throws SQLException, GuardException {
        return accept(TargetInspection.inspect(requireFor(target, plan)), plan, sourceFingerprint);
    }

    private static String accept(TargetInspection.Facts facts, MigrationPlan plan, String source)
            throws GuardException {
        String fingerprint = facts.fingerprint();
        if (!facts.platformDatabase()) {
            String check = switch (plan.dbms()) {
                case SQLSERVER -> ". Check the database the connection names.";
                case ORACLE -> " in schema " + plan.users().admin() + ". Check the database the connection names "
                        + "and the plan's admin user.";
            };
            throw new GuardException("The target " + fingerprint + " is not an OutSystems platform database: its "
                    + "ossys_ tables are missing" + check);
        }
        if (fingerprint.equals(source)) {
            throw new GuardException("The target is the source database (" + fingerprint + "): envclone does not "
                    + "run the cleanup there. Connect to the restored clone.");
        }
        return fingerprint;
    }

    /** The plan's cleanup steps, in order; with {@code ids}, only those (unknown ids are bad input). */
    public static List<Step> cleanupSteps(MigrationPlan plan, List<String> ids) {
        List<Step> cleanup = ProcedureCatalog.cleanupSteps(plan);
        if (ids == null) {
            return cleanup;
        }
        for (String id : ids) {
            if (cleanup.stream().noneMatch(s -> s.id().equals(id))) {
                throw new IllegalArgumentException("step '" + id + "' is not a cleanup step of this plan: use "
                        + String.join(", ", cleanup.stream().map(Step::id).toList()));
            }
        }
        return cleanup.stream().filter(s -> ids.contains(s.id())).toList();
    }

    /** Settles every step left in doubt by a crash: committed or not, as the database shows. */
    public List<String> recover() throws SQLException, IOException {
        List<String> found = new ArrayList<>();
        RunState state = run.state();
        for (Step step : ProcedureCatalog.cleanupSteps(run.plan())) {
            if (state.of(step.id()) != StepState.IN_DOUBT) {
                continue;
            }
            JournalEntry started = state.lastEntry(step.id());
            boolean committed = false;
            int statements = Integer.parseInt(started.get("statements"));
            if (changesCatalog(step)) {
                // DDL: on the sandbox (H2) each statement commits by itself, so a pre-image that changed does not
                // mean the whole step did; the step is committed when its postcondition holds (on SQL Server,
                // one transaction, the two agree).
                committed = remainingNow(step) == 0;
                statements = 0;
            }
            for (int i = 1; i <= statements && !committed; i++) {
                String key = key(i);
                PreImage saved = new PreImage(run.folder().resolve(started.get(key + ".preimage.file")),
                        Long.parseLong(started.get(key + ".preimage.rows")), started.get(key + ".preimage.sha256"),
                        started.get(key + ".preimage.rowset"));
                committed = !PreImages.unchanged(connection, started.get(key + ".preimage.sql"), saved);
            }
            connection.rollback();
            run.journal().append(JournalEvent.STEP_RECOVERED, step.id(), operator,
                    Map.of("committed", String.valueOf(committed)));
            LOG.info("Step {} {} was in doubt: {}", number(step), step.id(), committed
                    ? "committed before the interruption" : "not committed before the interruption, it runs again");
            found.add(step.id() + (committed ? ": committed before the interruption; not run again"
                    : ": not committed before the interruption; it will run again"));
        }
        return found;
    }

    /** Whether the step's statements change the catalog (DDL) rather than rows. */
    private boolean changesCatalog(Step step) {
        return items(step).stream().anyMatch(item -> item instanceof SecurityContext);
    }

    private long remainingNow(Step step) throws SQLException {
        try {
            return executor.remaining(items(step), new CancelToken()).total();
        } catch (CancelToken.CancelledException e) {
            throw new IllegalStateException("a fresh token cannot be cancelled", e);
        }
    }

    /**
     * Checks in the database that every step the journal calls done still has its effect there (its
     * postcondition: each statement would change no row now), and records each finding. A step whose effect is
     * missing — a commit the database lost, a change undone by someone — becomes {@link StepState#EFFECT_MISSING}:
     * it is never reported done, and the next execution runs it again with a fresh pre-image.
     *
     * <p>A step done before the install is not checked once the install has begun (the Configuration Tool's first
     * step is marked): from then on the platform writes new keys and front-ends into the same tables, and the step
     * must not run again.
     *
     * @param when why it is checked now, recorded with each finding: {@code opened} or {@code end}
     */
    public List<PostconditionCheck> checkPostconditions(String when, CancelToken cancel)
            throws SQLException, IOException, CancelToken.CancelledException {
        RunState state = run.state();
        boolean installBegun = installBegun(state);
        List<PostconditionCheck> checks = new ArrayList<>();
        for (Step step : ProcedureCatalog.cleanupSteps(run.plan())) {
            StepState now = state.of(step.id());
            if (now != StepState.DONE && now != StepState.DONE_BY_DBA) {
                continue;
            }
            if (installBegun && InstallPhase.of(steps, step) == InstallPhase.BEFORE_INSTALL) {
                checks.add(new PostconditionCheck(step, PostconditionCheck.Outcome.NOT_CHECKED, 0,
                        "not checked: the install has begun, and the platform writes these tables again"));
                continue;
            }
            StepPreview remaining = executor.remaining(items(step), cancel);
            FaultPoints.reached(step.id(), "postcondition", run.folder());
            Map<String, String> data = new LinkedHashMap<>();
            data.put("when", when);
            data.put("held", String.valueOf(remaining.total() == 0));
            for (int i = 0; i < remaining.statements().size(); i++) {
                data.put(key(i + 1) + ".table", remaining.statements().get(i).table());
                data.put(key(i + 1) + ".remaining", String.valueOf(remaining.counts().get(i)));
            }
            data.put("remaining", String.valueOf(remaining.total()));
            run.journal().append(JournalEvent.POSTCONDITION_CHECKED, step.id(), operator, data);
            LOG.info("Step {} {} postcondition ({}): {}", number(step), step.id(), when, describe(remaining));
            checks.add(new PostconditionCheck(step, remaining.total() == 0 ? PostconditionCheck.Outcome.HELD
                    : PostconditionCheck.Outcome.EFFECT_MISSING, remaining.total(), describe(remaining)));
        }
        return checks;
    }

    /** Whether a step of the install (from the first Configuration Tool step on) is marked finished. */
    private boolean installBegun(RunState state) {
        for (int i = InstallPhase.installStart(steps); i < steps.size(); i++) {
            if (steps.get(i).kind() != StepKind.CLEANUP && state.of(steps.get(i).id()).finished()) {
                return true;
            }
        }
        return false;
    }

    private static String describe(StepPreview remaining) {
        if (remaining.total() == 0) {
            return "held: no row left to change";
        }
        List<String> tables = new ArrayList<>();
        for (int i = 0; i < remaining.statements().size(); i++) {
            if (remaining.counts().get(i) > 0) {
                tables.add(remaining.statements().get(i).table() + " " + remaining.counts().get(i));
            }
        }
        return "effect missing: " + remaining.total() + " rows still to change (" + String.join(", ", tables)
                + ")";
    }

    /** First stage: counts what the step would change, and records it. */
    public StepPreview preview(Step step) throws SQLException, IOException {
        try {
            return preview(step, new CancelToken());
        } catch (CancelToken.CancelledException e) {
            throw new IllegalStateException("a fresh token cannot be cancelled", e);
        }
    }

    /** First stage, cancellable between counts; a cancelled preview records nothing. */
    public StepPreview preview(Step step, CancelToken cancel)
            throws SQLException, IOException, CancelToken.CancelledException {
        StepPreview preview = executor.preview(items(step), step.cleanup().block(), cancel);
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < preview.statements().size(); i++) {
            data.put(key(i + 1) + ".rows", String.valueOf(preview.counts().get(i)));
        }
        data.put("total", String.valueOf(preview.total()));
        if (preview.blockedBy() != null) {
            data.put("blocked", preview.blockedBy());
        }
        run.journal().append(JournalEvent.PREVIEWED, step.id(), operator, data);
        LOG.info("Step {} {} previewed: {} rows to change {}{}", number(step), step.id(), preview.total(),
                preview.counts(), preview.blockedBy() != null ? " (blocked: " + preview.blockedBy() + ")" : "");
        return preview;
    }

    public void prepared() throws IOException {
        run.journal().append(JournalEvent.PREPARED, null, operator, Map.of());
    }

    /** Second stage: executes one step, recording its start (with pre-images) and its end. */
    public StepResult execute(Step step, CancelToken cancel, ProgressListener progress)
            throws SQLException, IOException, StepFailedException, StepBlockedException,
            CancelToken.CancelledException {
        FaultPoints.reached(step.id(), "before", run.folder());
        Path folder = nextPreImageFolder(step);
        int attempt = Integer.parseInt(folder.getFileName().toString().substring("attempt-".length()));
        StepResult result;
        try {
            result = executor.execute(items(step), step.cleanup().block(), folder, new StepExecutor.Checkpoints() {
                @Override
                public void preImagesSaved(List<RowChange> statements, List<PreImage> preImages)
                        throws IOException {
                    run.journal().append(JournalEvent.STEP_STARTED, step.id(), operator,
                            started(attempt, statements, preImages));
                    LOG.info("Step {} {} started (attempt {}): {} statements, pre-images of {} rows saved in {}",
                            number(step), step.id(), attempt, statements.size(),
                            preImages.stream().mapToLong(PreImage::rows).sum(), folder);
                    FaultPoints.reached(step.id(), "pre-images", run.folder());
                }

                @Override
                public void statementRan(int number) {
                    FaultPoints.reached(step.id(), "statement-" + number, run.folder());
                }
            }, cancel, progress);
        } catch (StepFailedException e) {
            // The statement as executed: envclone binds no parameter, and its literals are the document's.
            LOG.error("Step {} {} failed (attempt {}): {}\n  statement: {}", number(step), step.id(), attempt,
                    e.getMessage(), e.statement(), e);
            run.journal().append(JournalEvent.STEP_FAILED, step.id(), operator, Map.of("statement",
                    String.valueOf(e.statementNumber()), "sql", e.statement(), "message", e.getMessage()));
            throw e;
        } catch (StepBlockedException e) {
            LOG.warn("Step {} {} blocked: {}", number(step), step.id(), e.getMessage());
            run.journal().append(JournalEvent.STEP_BLOCKED, step.id(), operator, Map.of("message", e.getMessage()));
            throw e;
        } catch (CancelToken.CancelledException | RefusedTableException e) {
            LOG.warn("Step {} {} stopped, nothing of it ran: {}", number(step), step.id(), e.getMessage());
            run.journal().append(JournalEvent.STEP_FAILED, step.id(), operator, Map.of("message", e.getMessage()));
            throw e;
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.error("Step {} {} stopped on an error (attempt {}); rolled back", number(step), step.id(), attempt, e);
            throw e;
        }
        FaultPoints.reached(step.id(), "committed", run.folder());
        Map<String, String> data = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < result.changed().size(); i++) {
            data.put(key(i + 1) + ".changed", String.valueOf(result.changed().get(i)));
            if (result.postRowSets().get(i) != null) {
                data.put(key(i + 1) + ".postimage.rowset", result.postRowSets().get(i));
            }
            total += result.changed().get(i);
        }
        data.put("total", String.valueOf(total));
        run.journal().append(JournalEvent.STEP_EXECUTED, step.id(), operator, data);
        LOG.info("Step {} {} done: {} rows changed {}", number(step), step.id(), total, result.changed());
        return result;
    }

    /**
     * Writes database-connections.md (see {@link ConnectionsFile}) if the run has none yet and its connections step
     * has not run: so it holds the connections and their mappings before the operator unmaps them and the step
     * deletes them. Returns the sentence saying so, or null when nothing was written.
     *
     * @param fingerprint the target's, as {@link #checkTarget} accepted it
     */
    public String saveDatabaseConnections(String fingerprint) throws SQLException, IOException {
        Path file = run.folder().resolve(ConnectionsFile.FILE);
        StepState connections = run.state().of(dev.envclone.procedure.CleanupCatalog.DATABASE_CONNECTIONS.id());
        if (Files.exists(file) || connections.finished()) {
            return null;
        }
        List<dev.envclone.db.DatabaseConnectionDefinitions.Definition> found;
        try {
            found = dev.envclone.db.DatabaseConnectionDefinitions.read(connection, dialect);
        } catch (SQLException e) {
            // A platform whose tables are laid out otherwise must not keep the run from opening: say so instead.
            connection.rollback();
            LOG.warn("Run {}: the database connections could not be read to save them", run.folder(), e);
            return "Could not save the database connections' definitions (" + UrlSecrets.mask(e.getMessage())
                    + "): note them in Service Center, Administration > Database Connections, before the delete.";
        }
        byte[] bytes = ConnectionsFile.render(fingerprint, found)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        dev.envclone.files.OwnerOnly.write(file, bytes, "database connections file");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("file", ConnectionsFile.FILE);
        data.put("connections", String.valueOf(found.size()));
        data.put("sha256", JournalLine.sha256(bytes));
        // What the after-install check compares with: each connection's name and how many mappings it had.
        for (int i = 0; i < found.size(); i++) {
            String key = String.format(java.util.Locale.ROOT, "connection.%02d", i + 1);
            data.put(key + ".name", found.get(i).name());
            data.put(key + ".mappings", String.valueOf(found.get(i).mappings().size()));
        }
        run.journal().append(JournalEvent.DATABASE_CONNECTIONS_SAVED, null, operator, data);
        LOG.info("Run {}: {} database connections saved in {}", run.folder(), found.size(), file);
        return "Saved the definitions of " + found.size() + " database connection" + (found.size() == 1 ? "" : "s")
                + " (before the cleanup deletes them) in " + file + ".";
    }

    /** The after-install checks on this session's target, journaled: see {@link AfterInstallCheck}. */
    public List<AfterInstallCheck.Finding> checkAfterInstall() throws SQLException, IOException {
        return new AfterInstallCheck(run, target).checkAndRecord(operator);
    }

    /**
     * Puts back the rows of executed steps from their pre-images, on this session's target: see {@link StepRestore}.
     */
    public List<StepRestore.Restored> restore(List<String> stepIds) throws SQLException, IOException,
            GuardException {
        return new StepRestore(run, target, operator).restore(stepIds);
    }

    /** 1-based position of the step in the whole procedure, as in checklist.md and the cleanup scripts. */
    public int number(Step step) {
        return steps.indexOf(step) + 1;
    }

    private List<CleanupItem> items(Step step) {
        return step.cleanup().statementsFor(new CleanupContext(dialect, run.plan().users().admin()));
    }

    /** What recovery and the report need: each statement, its pre-image query, file, rows and SHA-256. */
    private Map<String, String> started(int attempt, List<RowChange> statements, List<PreImage> preImages) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("attempt", String.valueOf(attempt));
        data.put("statements", String.valueOf(statements.size()));
        for (int i = 0; i < statements.size(); i++) {
            String key = key(i + 1);
            PreImage image = preImages.get(i);
            RowChange statement = statements.get(i);
            // What a restore needs to put the rows back (StepRestore): the table, what the statement does, and
            // the conditions it was run with.
            data.put(key + ".table", statement.table());
            data.put(key + ".kind", statement.ddl() ? "ddl" : statement.doneWhen() == null ? "delete" : "update");
            if (statement.where() != null) {
                data.put(key + ".where", statement.where());
            }
            if (statement.doneWhen() != null) {
                data.put(key + ".donewhen", statement.doneWhen());
            }
            data.put(key + ".sql", statements.get(i).sql());
            data.put(key + ".preimage.sql", statements.get(i).preImageSql());
            data.put(key + ".preimage.file", run.folder().relativize(image.file()).toString().replace('\\', '/'));
            data.put(key + ".preimage.rows", String.valueOf(image.rows()));
            data.put(key + ".preimage.sha256", image.sha256());
            data.put(key + ".preimage.rowset", image.rowSet());
        }
        return data;
    }

    private Path nextPreImageFolder(Step step) {
        int attempt = RunState.attempts(run.journal().entries(), step.id()) + 1;
        Path folder = run.preImageFolder(number(step), step.id(), attempt);
        while (Files.exists(folder)) {
            folder = run.preImageFolder(number(step), step.id(), ++attempt);
        }
        return folder;
    }

    static String key(int statement) {
        return String.format("statement.%02d", statement);
    }
}
