package dev.envclone.ui.cleanup;

import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.db.StepPreview;
import dev.envclone.db.StepResult;
import dev.envclone.db.TargetSession;
import dev.envclone.files.OwnerOnly;
import dev.envclone.procedure.CleanupCatalog;
import dev.envclone.procedure.CleanupContext;
import dev.envclone.procedure.CleanupScript;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.Step;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunState;
import dev.envclone.run.StepRestore;
import dev.envclone.run.StepState;
import dev.envclone.sandbox.ServiceCenterStandIn;
import dev.envclone.sql.CleanupItem;
import dev.envclone.sql.Dialect;
import dev.envclone.sql.RowChange;
import dev.envclone.sql.SecurityContext;
import dev.envclone.sql.TableDiscovery;
import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.common.Background;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One cleanup step, reviewed and executed: its SQL, its state in the journal, a preview that counts the rows, the
 * execution (pre-images first, one transaction), skip and done-by-DBA. Every database or journal action is a job of
 * the wizard's background; after each, the wizard's step list is refreshed from the journal.
 */
public final class CleanupViewModel {
    private final WizardViewModel wizard;
    private final StepItem item;
    private final Step step;
    private final List<CleanupItem> items;
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper blockedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper noticeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statementsTitle = new ReadOnlyStringWrapper("");
    private final ObservableList<StatementRow> statements = FXCollections.observableArrayList();
    private final ObservableList<StatementRow> statementsView = FXCollections.unmodifiableObservableList(statements);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper restorable = new ReadOnlyBooleanWrapper(false);
    private Background.Job job;
    private StepPreview lastPreview;

    public CleanupViewModel(WizardViewModel wizard, StepItem item) {
        this.wizard = wizard;
        this.item = item;
        this.step = item.step();
        MigrationPlan plan = wizard.planProperty().get();
        this.items = step.cleanup().statementsFor(new CleanupContext(Dialect.of(plan.dbms()), plan.users().admin()));
        sql.set(CleanupScript.stepText(plan, step));
        refreshState();
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    public StepItem item() {
        return item;
    }

    /** "4. Clean up the environment security context" */
    public String title() {
        return item.number() + ". " + step.title();
    }

    public String why() {
        return step.cleanup().why();
    }

    public String reference() {
        return "Document: " + step.reference();
    }

    /** True when the database decides the statements (tables found by a query): the preview lists them. */
    public boolean dynamic() {
        return items.stream().anyMatch(i -> i instanceof TableDiscovery || i instanceof SecurityContext);
    }

    /** True for the security context, whose statements change the catalog (users, schemas) rather than rows. */
    public boolean changesCatalog() {
        return items.stream().anyMatch(i -> i instanceof SecurityContext);
    }

    /** The step's state from the journal, with who, when and the reason, note or message. */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** The step's SQL as its cleanup script (cleanup-before-install.sql or cleanup-after-install.sql) writes it. */
    public ReadOnlyStringProperty sqlProperty() {
        return sql.getReadOnlyProperty();
    }

    /** The statements of the last preview or execution, each with its rows; empty before either. */
    public ObservableList<StatementRow> statements() {
        return statementsView;
    }

    /** What the statement list's rows mean now: rows that would change, or rows that changed. */
    public ReadOnlyStringProperty statementsTitleProperty() {
        return statementsTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** After a preview: why Execute will be refused now (what to do first), or empty. */
    public ReadOnlyStringProperty blockedTextProperty() {
        return blockedText.getReadOnlyProperty();
    }

    /** A passing note (SQL copied or saved) that must not replace the preview's or execution's result. */
    public ReadOnlyStringProperty noticeTextProperty() {
        return noticeText.getReadOnlyProperty();
    }

    /** A job of this step runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Done, done by a DBA or skipped: nothing more to do for the step in this run. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** Re-reads the step's state from the journal. */
    public void refreshState() {
        if (run() == null) {
            stateText.set("State: no run yet. Accept the plan first: that makes the run folder and its journal.");
            finished.set(false);
            restorable.set(false);
            return;
        }
        RunState state = run().state();
        StepState now = state.of(step.id());
        stateText.set("State: " + StepStateText.of(now, state.lastEntry(step.id())));
        finished.set(now.finished());
        restorable.set(restorable());
    }

    /** Counts the rows each statement would change; changes nothing, records the counts in the journal. */
    public void preview() {
        start("Previewing step " + item.number() + ": " + step.title(), e -> CleanupMessages.failed(e, true),
                (progress, cancel) -> wizard.context().session().preview(step, cancel), this::previewed);
    }

    /** Executes the step: pre-images, every statement in one transaction, commit. The page confirms first. */
    public void execute() {
        if (finished.get()) {
            errorText.set("The step is " + run().state().of(step.id()).label() + " already: nothing to execute.");
            return;
        }
        start("Executing step " + item.number() + ": " + step.title(), e -> CleanupMessages.failed(e, false),
                (progress, cancel) -> wizard.context().session().execute(step, cancel, progress), this::executed);
    }

    /**
     * Whether the step's rows can be put back from its pre-images: envclone executed it (a tick, a DBA or a skip
     * left none) and it changed rows, not the catalog (dropped users cannot be put back from rows). The engine
     * refuses again if the rows changed since, or the target is another.
     */
    public boolean restorable() {
        if (run() == null || changesCatalog()) {
            return false;
        }
        RunState state = run().state();
        JournalEntry last = state.lastEntry(step.id());
        return state.of(step.id()) == StepState.DONE && last != null
                && (last.event() == JournalEvent.STEP_EXECUTED || last.event() == JournalEvent.STEP_RECOVERED
                && "true".equals(last.get("committed")));
    }

    public ReadOnlyBooleanProperty restorableProperty() {
        return restorable.getReadOnlyProperty();
    }

    /** Puts the step's rows back (envclone restore): one transaction, journaled; the step is pending again. */
    public void restore() {
        if (!restorable()) {
            errorText.set("Only a step envclone executed can be restored; this one is "
                    + (run() == null ? "not in a run" : run().state().of(step.id()).label()) + ".");
            return;
        }
        start("Restoring step " + item.number() + ": " + step.title(), e -> CleanupMessages.failed(e, false),
                (progress, cancel) -> wizard.context().session().restore(List.of(step.id())), this::restored);
    }

    /** Cancels this page's job under way, if any; the engine rolls back what it started. */
    public void cancel() {
        Background.Job running = job;
        if (running != null) {
            running.cancel();
        }
    }

    /**
     * On a rehearsal, the database-connections step waits for a Service Center action the sandbox has nowhere to
     * do: this page offers the stand-in. Never on a real target (the wizard's target is not the sandbox).
     */
    public boolean standInOffered() {
        return wizard.rehearsalProperty().get() && CleanupCatalog.DATABASE_CONNECTIONS.id().equals(step.id())
                && ServiceCenterStandIn.offered(wizard.planProperty().get());
    }

    /**
     * Unmaps the extensions' database connections in the sandbox, as Service Center would, and records it in the
     * journal as a rehearsal stand-in for the unmap step; then this step can be previewed and executed.
     */
    public void standInForServiceCenter() {
        if (!standInOffered()) {
            errorText.set("Only a rehearsal against the sandbox unmaps here; on a real environment unmap the "
                    + "extensions in Service Center > Factory > Extensions.");
            return;
        }
        String url = wizard.targetUrlProperty().get();
        String user = wizard.targetUserProperty().get();
        String password = wizard.targetPasswordProperty().get();
        String operator = wizard.operatorProperty().get();
        RunFolder folder = run();
        start("Unmapping the extensions in the sandbox (rehearsal stand-in)", CleanupViewModel::notRecorded,
                (progress, cancel) -> ServiceCenterStandIn.unmapConnections(folder, url, user,
                        password == null ? new char[0] : password.toCharArray(), operator),
                removed -> {
                    blockedText.set("");
                    resultText.set("Rehearsal stand-in: removed " + removed + (removed == 1 ? " mapping" : " mappings")
                            + " from OSSYS_EXTENSION_DBCONNECTION, as Service Center would; the journal records "
                            + "step " + ServiceCenterStandIn.UNMAP_STEP + " as done by a rehearsal stand-in. "
                            + "Preview and execute this step now.");
                });
    }

    /** Marks the step skipped; the reason is required and goes into the journal and the report. */
    public void skip(String reason) {
        if (noRun()) {
            return;
        }
        if (reason == null || reason.isBlank()) {
            errorText.set("Give a reason to skip the step: it goes into the journal and the report.");
            return;
        }
        String operator = wizard.operatorProperty().get();
        RunFolder folder = run();
        start("Skipping step " + item.number(), CleanupViewModel::notRecorded, (progress, cancel) -> {
            folder.skip(step.id(), reason.strip(), operator);
            return null;
        }, done -> resultText.set("Skipped. Reason: " + reason.strip()));
    }

    /** Records that a DBA did the step by hand: the DBA's name is required, the note kept. */
    public void doneByDba(String name, String note) {
        if (noRun()) {
            return;
        }
        if (name == null || name.isBlank()) {
            errorText.set("Give the DBA's name: the journal and the report say who did the step.");
            return;
        }
        String operator = wizard.operatorProperty().get();
        String kept = note == null ? "" : note.strip();
        RunFolder folder = run();
        start("Recording step " + item.number() + " as done by a DBA", CleanupViewModel::notRecorded,
                (progress, cancel) -> {
                    folder.doneByDba(step.id(), name.strip(), kept, operator);
                    return null;
                }, done -> resultText.set("Recorded as done by DBA " + name.strip() + "."));
    }

    /** Writes the step's SQL to a file, as shown (owner-only, through a temporary file and a rename). */
    public void saveSql(Path file) {
        try {
            OwnerOnly.write(file, sql.get().getBytes(StandardCharsets.UTF_8), "SQL file");
            saved(file);
        } catch (IOException e) {
            saveFailed(e);
        }
    }

    /** The name Save As suggests: step-04-cleanup-environment-security.sql */
    public String sqlFileName() {
        return String.format("step-%02d-%s.sql", item.number(), step.id());
    }

    void saved(Path file) {
        noticeText.set("SQL saved to " + file.toAbsolutePath());
    }

    void saveFailed(IOException e) {
        noticeText.set("The SQL was not saved: " + e.getMessage());
    }

    void copied() {
        noticeText.set("The SQL is on the clipboard.");
    }

    /**
     * The question before Execute: which database, how many statements, the rows the last preview counted, and
     * the folder the pre-images go to, so that the operator answers it knowing what will change and where to
     * look afterwards.
     */
    public String confirmationText() {
        MigrationPlan plan = wizard.planProperty().get();
        String where = plan.targetDatabase() + " (" + JdbcUrlTarget.withoutSecrets(wizard.targetUrlProperty().get()) + ")";
        String head = "Execute step " + item.number() + " against " + where + "?\n" + statementCount() + " "
                + previewedRows() + "\n";
        if (changesCatalog()) {
            return head + "Each user's, schema's and role's catalog row is saved first (pre-image)" + preImages()
                    + ". On SQL Server the step runs in one transaction and any failure rolls it all back; the "
                    + "sandbox (H2) commits each statement, and a step interrupted there finishes when it runs "
                    + "again.";
        }
        return head + "Each changed row is saved first (pre-image)" + preImages() + "; the step runs in one "
                + "transaction, and if any statement fails the whole step is rolled back.";
    }

    /**
     * Whether Execute needs the target database's name typed first: on every run whose target is not the rehearsal
     * sandbox (the run folder's one rule, {@link RunFolder#rehearsal()}), so that a real environment is never
     * changed by a click given out of habit. No run: nothing to execute, nothing to ask.
     */
    public boolean nameToBeTyped() {
        RunFolder run = run();
        return run != null && !run.rehearsal();
    }

    /** The name to type: the plan's catalog (SQL Server) or admin schema (Oracle), as the question shows it. */
    public String targetDatabaseName() {
        return wizard.planProperty().get().targetDatabaseName();
    }

    /**
     * Whether the typed text lets Execute go ahead: always on the sandbox; on a real target only the name exactly
     * as shown, upper and lower case alike. Exact rather than "as the server compares": a SQL Server catalog
     * compares by its collation (often case-insensitive) and Oracle folds unquoted names to upper case, but the
     * point is that the operator read the name, and one rule for both DBMS is one the operator can be told.
     */
    public boolean typedNameMatches(String typed) {
        return !nameToBeTyped() || targetDatabaseName().equals(typed);
    }

    /** "The preview counted 12 rows that will change." from the last preview, or that there was none. */
    private String previewedRows() {
        if (lastPreview == null) {
            return "Not previewed: Preview first counts the rows that will change, changing nothing.";
        }
        return "The preview counted " + CleanupMessages.rows(lastPreview.total()) + " that will change.";
    }

    /** " in <run>/pre-images/04-cleanup-…/", the step's folder (each attempt a folder of its own in it). */
    private String preImages() {
        RunFolder run = run();
        return run == null ? "" : " in " + run.preImageFolder(item.number(), step.id(), 1).getParent()
                .toAbsolutePath() + java.io.File.separator;
    }

    private String statementCount() {
        if (lastPreview != null) {
            int count = lastPreview.statements().size();
            return "It runs " + count + (count == 1 ? " statement" : " statements") + " (as previewed).";
        }
        if (dynamic()) {
            return "It runs the statements it generates from the database (Preview lists them).";
        }
        boolean optional = items.stream().anyMatch(i -> i instanceof RowChange && ((RowChange) i).requiresTable());
        return "It runs " + (optional ? "up to " : "") + items.size()
                + (items.size() == 1 ? " statement." : " statements.");
    }

    private <T> void start(String title, Function<Throwable, String> explain, Background.Work<T> work,
                           Consumer<T> done) {
        if (busy.get() || noRun()) {
            return; // one job per page at a time; the buttons are disabled meanwhile anyway
        }
        errorText.set("");
        busy.set(true);
        Background.Job started = wizard.background().run(title, work, value -> {
            ended();
            done.accept(value);
            afterJob();
        }, error -> {
            ended();
            failed(error, explain);
            afterJob();
        });
        // A synchronous background has finished the job already; keep only a job that still runs.
        job = busy.get() ? started : null;
    }

    private void ended() {
        busy.set(false);
        job = null;
    }

    private void previewed(StepPreview preview) {
        lastPreview = preview;
        resultText.set(CleanupMessages.previewed(preview));
        blockedText.set(preview.blockedBy() == null ? ""
                : "Execute will be refused: " + preview.blockedBy());
        statementsTitle.set(changesCatalog() ? "Actions found in the catalog, per user (what it owns, the login its "
                + "SID maps to), with the catalog rows each would change:"
                : "Statements generated from the database, with the rows each would change:");
        statements.setAll(rows(preview.statements(), toLongs(preview.counts())));
    }

    private void restored(List<StepRestore.Restored> restored) {
        StepRestore.Restored step = restored.get(0);
        resultText.set("Restored: " + step.total() + " rows put back from the pre-images of attempt "
                + step.attempt() + ", in one transaction; the step's pre-image queries select the saved rows again. "
                + "The step is pending: Execute runs it again.");
        statements.clear();
    }

    private void executed(StepResult result) {
        resultText.set(CleanupMessages.executed(result, run().folder()));
        blockedText.set("");
        statementsTitle.set(changesCatalog() ? "Actions run in the catalog, with the catalog rows each changed:"
                : "Statements generated from the database, with the rows each changed:");
        statements.setAll(rows(result.preview().statements(), toLongs(result.changed())));
    }

    private void failed(Throwable error, Function<Throwable, String> explain) {
        errorText.set(explain.apply(error));
        if (TargetSession.fromDatabase(error)) {
            // The connection may be unusable after a database error: the next job connects and checks afresh.
            wizard.closeContext();
        }
    }

    /** Every job may have written to the journal: this page and the step list show it. */
    private void afterJob() {
        refreshState();
        wizard.refresh();
    }

    private static String notRecorded(Throwable error) {
        return "Not recorded: " + error.getMessage();
    }

    private boolean noRun() {
        if (run() != null) {
            return false;
        }
        errorText.set("There is no run yet: accept the plan first.");
        return true;
    }

    private RunFolder run() {
        return wizard.runProperty().get();
    }

    private static List<StatementRow> rows(List<RowChange> changes, List<Long> counts) {
        List<StatementRow> rows = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            rows.add(new StatementRow(i + 1, changes.get(i).sql(), counts.get(i), changes.get(i).note()));
        }
        return rows;
    }

    private static List<Long> toLongs(List<Integer> counts) {
        return counts.stream().map(Integer::longValue).toList();
    }
}
