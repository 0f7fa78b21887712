package dev.envclone.ui;

import dev.envclone.clone.CloneRoutes;
import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.run.GuardException;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunFolderLock;
import dev.envclone.run.RunState;
import dev.envclone.run.StepState;
import dev.envclone.ui.common.Background;
import dev.envclone.ui.common.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wizard's state, in one typed place: the plan, the run folder, the target connection (the password only in
 * memory), the operator, the step list with each step's state, and which page is shown. Pages and their view models
 * read and change it; nothing in it is a JavaFX node, so it is tested without a window.
 */
public final class WizardViewModel {
    /** How a refused second process names the wizard. */
    static final String WIZARD = "the envclone wizard";
    private final Background background;
    private final Settings settings;
    private final ObjectProperty<MigrationPlan> plan = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RunFolder> run = new ReadOnlyObjectWrapper<>();
    // Never the OS login (a shared admin account on a jump host names nobody): asked once per run, see
    // confirmOperator.
    private final StringProperty operator = new SimpleStringProperty("");
    private OperatorQuestion operatorQuestion;
    private final StringProperty targetUrl = new SimpleStringProperty("");
    private final StringProperty targetUser = new SimpleStringProperty("");
    private final StringProperty targetPassword = new SimpleStringProperty("");
    // The source connection: given, the run clones it onto the target; empty, the clone steps stay manual.
    private final StringProperty sourceUrl = new SimpleStringProperty("");
    private final StringProperty sourceUser = new SimpleStringProperty("");
    private final StringProperty sourcePassword = new SimpleStringProperty("");
    private final ObjectProperty<Path> runFolder = new SimpleObjectProperty<>();
    private final BooleanProperty rehearsal = new SimpleBooleanProperty(false);
    // The extractor makes the list report a step's state change, so the step list redraws that row.
    private final ObservableList<StepItem> items = FXCollections.observableArrayList(
            item -> new javafx.beans.Observable[] {item.stateProperty(), item.runningProperty()});
    private final IntegerProperty selected = new SimpleIntegerProperty(0);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No plan yet");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final IntegerProperty textScale = new SimpleIntegerProperty(100);
    private RunContext context;
    /** The open run's folder, held while the wizard has it open (released by continueLater). */
    private RunFolderLock folderLock;

    public WizardViewModel(Background background, Settings settings) {
        this.background = background;
        this.settings = settings;
        plan.addListener((o, before, now) -> {
            if (run.get() == null) {
                rebuildItems(now, null);
            }
            summary.set(summaryOf(now));
        });
        targetUrl.addListener((o, a, b) -> closeContext());
        targetUser.addListener((o, a, b) -> closeContext());
        targetPassword.addListener((o, a, b) -> closeContext());
        sourceUrl.addListener((o, a, b) -> closeContext());
        sourceUser.addListener((o, a, b) -> closeContext());
        sourcePassword.addListener((o, a, b) -> closeContext());
        items.setAll(StepItem.plan(), StepItem.finalChecklist());
        // The extractor reports every state change: the counts follow each step as the journal records it.
        items.addListener((javafx.collections.ListChangeListener<StepItem>) change -> showWhere());
        selected.addListener((o, before, now) -> showWhere());
        showWhere();
        textScale.set(settings.textScale());
        textScale.addListener((o, before, now) -> {
            settings.textScale(now.intValue());
            settings.save();
        });
    }

    /** The text size in percent of the default (100, 125, 150), remembered between sessions. */
    public IntegerProperty textScaleProperty() {
        return textScale;
    }

    public Background background() {
        return background;
    }

    public Settings settings() {
        return settings;
    }

    public ObjectProperty<MigrationPlan> planProperty() {
        return plan;
    }

    public ReadOnlyObjectProperty<RunFolder> runProperty() {
        return run.getReadOnlyProperty();
    }

    /** The operator's name for this run, as they gave it when the run was created or opened; never the OS login. */
    public StringProperty operatorProperty() {
        return operator;
    }

    /** Asks the operator's name: the offered name (the last one given) filled in; empty when they cancel. */
    @FunctionalInterface
    public interface OperatorQuestion {
        java.util.Optional<String> ask(String offered);
    }

    /**
     * The window's question for the operator's name, asked each time a run is created or opened. Without one (the
     * view-model tests), the name set on {@link #operatorProperty()} is used, and a run without one is refused.
     */
    public void operatorQuestion(OperatorQuestion question) {
        this.operatorQuestion = question;
    }

    /** Why {@code name} cannot be the operator's name, or null when it can (the dialog shows it at the field). */
    public static String operatorProblem(String name) {
        if (name == null || name.isBlank()) {
            return "Type your name: the journal and the signed report name who did each step of this run.";
        }
        try {
            dev.envclone.run.FreeText.requireOneLine("The operator's name", name.strip());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The name the question offers: this session's, else the one remembered from the last run (or none). */
    public String offeredOperator() {
        String now = operator.get();
        return now != null && !now.isBlank() ? now : settings.operatorName();
    }

    /**
     * Once per run, before it is created or opened: the operator's name, asked (when a question is set), checked,
     * kept for the run and remembered as the next run's default. Refused, nothing of the run is made or opened.
     */
    private void confirmOperator() {
        String name = operator.get();
        if (operatorQuestion != null) {
            name = operatorQuestion.ask(offeredOperator()).orElseThrow(() -> new IllegalArgumentException(
                    "No run without the operator's name: the journal and the signed report name who did each "
                            + "step. Try again and give your name when asked."));
        }
        String problem = operatorProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        operator.set(name.strip());
        settings.operatorName(name.strip());
        settings.save();
    }

    public StringProperty targetUrlProperty() {
        return targetUrl;
    }

    public StringProperty targetUserProperty() {
        return targetUser;
    }

    /** Typed by the operator for this session; never written anywhere. */
    public StringProperty targetPasswordProperty() {
        return targetPassword;
    }

    /**
     * The source database's JDBC URL: when given (the rehearsal's "production" sandbox, or a migration's source),
     * envclone runs the clone steps itself, reading the source and never changing it; empty, they stay manual.
     */
    public StringProperty sourceUrlProperty() {
        return sourceUrl;
    }

    public StringProperty sourceUserProperty() {
        return sourceUser;
    }

    /** Typed by the operator for this session; never written anywhere. */
    public StringProperty sourcePasswordProperty() {
        return sourcePassword;
    }

    /** True when a source URL is given: the clone steps run here rather than by a DBA. */
    public boolean hasSource() {
        return sourceUrl.get() != null && !sourceUrl.get().isBlank();
    }

    /** Where the run folder will be made when the plan is accepted. */
    public ObjectProperty<Path> runFolderProperty() {
        return runFolder;
    }

    /** True when the target is the rehearsal sandbox envclone made. */
    public BooleanProperty rehearsalProperty() {
        return rehearsal;
    }

    public ObservableList<StepItem> items() {
        return items;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "12 of 31 done" (and how many were skipped): see {@link #progressOf}. Empty without a plan. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Where the shown page stands: "Step 5 of 31 · Clean up", "Plan", "Final checklist". See {@link #positionOf}. */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    private void showWhere() {
        progress.set(progressOf(items));
        int index = selected.get();
        position.set(index >= 0 && index < items.size() ? positionOf(items, items.get(index)) : "");
    }

    /**
     * "12 of 31 done": of the steps that apply to the plan, those with nothing left to do because they were done,
     * by envclone or ticked (done), or by a DBA (done by DBA). A skipped step is finished too, but it is not done:
     * it is counted on its own ("12 of 31 done, 1 skipped"), so that the header never reads as more work done than
     * was. A step under way counts once the journal says it ended. Empty before there is a plan.
     */
    static String progressOf(List<StepItem> items) {
        int applicable = 0;
        int done = 0;
        int skipped = 0;
        for (StepItem item : items) {
            if (item.kind() != StepItem.Kind.STEP || !item.applicable()) {
                continue;
            }
            applicable++;
            StepState now = item.stateProperty().get();
            if (now == StepState.DONE || now == StepState.DONE_BY_DBA) {
                done++;
            } else if (now == StepState.SKIPPED) {
                skipped++;
            }
        }
        if (applicable == 0) {
            return "";
        }
        return done + " of " + applicable + " done" + (skipped == 0 ? "" : ", " + skipped + " skipped");
    }

    /**
     * The shown page's place in the run: "Step 5 of 31 · Clean up" for a step that applies (its number among the
     * plan's steps, and its phase), "Not applicable · Clean up" for one the plan leaves out, "Plan" and "Final
     * checklist" for the pages around the steps.
     */
    static String positionOf(List<StepItem> items, StepItem shown) {
        int applicable = (int) items.stream().filter(i -> i.kind() == StepItem.Kind.STEP && i.applicable()).count();
        return switch (shown.kind()) {
            case PLAN -> applicable == 0 ? "Plan" : "Plan · then " + applicable + " steps";
            case FINAL -> "Final checklist";
            case STEP -> (shown.applicable() ? "Step " + shown.number() + " of " + applicable : "Not applicable")
                    + " · " + shown.phase().displayName();
        };
    }

    /** Starts the run: writes plan.json and the scripts into the run folder and opens its journal. */
    public void createRun(MigrationPlan accepted) throws IOException, GuardException {
        createRun(accepted, accepted.sourceFingerprint());
    }

    /**
     * Starts the run with the source's fingerprint as read from the source connection (the clone's route), so that
     * the run refuses a target that is the source.
     */
    public void createRun(MigrationPlan accepted, String sourceFingerprint) throws IOException, GuardException {
        Path folder = runFolder.get();
        confirmOperator();
        RunFolderLock lock = RunFolderLock.forNewRun(folder, WIZARD);
        try {
            RunFolder created = RunFolder.create(folder, accepted, sourceFingerprint,
                    JdbcUrlTarget.withoutSecrets(targetUrl.get()), operator.get(), Clock.systemUTC());
            attach(created, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Opens an existing run: its plan, its steps' states; the target URL and user as the run recorded them. */
    public void openRun(Path folder) throws IOException, GuardException {
        RunFolderLock lock = folderLock != null && folderLock.holds(folder) ? folderLock
                : RunFolderLock.forRun(folder, WIZARD);
        try {
            RunFolder opened = RunFolder.open(folder, Clock.systemUTC());
            confirmOperator();
            String target = opened.journal().entries().get(0).get("target");
            if (target != null && !target.contains("***")) {
                targetUrl.set(target);
            }
            Path last = settings.lastRunFolder();
            if (last != null && last.equals(opened.folder().toAbsolutePath()) && targetUser.get().isEmpty()) {
                targetUser.set(settings.lastTargetUser());
            }
            runFolder.set(folder);
            attach(opened, lock);
        } catch (IOException | RuntimeException e) {
            if (lock != folderLock) {
                lock.close();
            }
            throw e;
        }
    }

    private void attach(RunFolder opened, RunFolderLock lock) {
        closeContext();
        if (folderLock != lock) {
            releaseFolder();
        }
        folderLock = lock;
        run.set(opened);
        plan.set(opened.plan());
        rebuildItems(opened.plan(), opened.state());
        settings.lastRunFolder(opened.folder());
        settings.lastTargetUser(targetUser.get());
        settings.save();
        selected.set(firstUnfinished());
    }

    /**
     * Shows the states a job read from the journal on its own thread (where the journal is written), while it
     * runs, and which step it carries out now ({@code running}, or null).
     */
    public void showStates(java.util.Map<String, StepState> states, String running) {
        for (StepItem item : items) {
            if (item.step() != null && item.applicable()) {
                StepState now = states.get(item.step().id());
                if (now != null) {
                    item.stateProperty().set(now);
                }
                item.runningProperty().set(item.step().id().equals(running));
            }
        }
    }

    /** Re-reads every step's state from the journal (after any job that wrote to it). */
    public void refresh() {
        RunFolder current = run.get();
        if (current == null) {
            return;
        }
        RunState state = current.state();
        for (StepItem item : items) {
            if (item.step() != null && item.applicable()) {
                item.stateProperty().set(state.of(item.step().id()));
                item.runningProperty().set(false);
            }
        }
    }

    /** The list index of the first step that is not finished, or the final page when all are. */
    public int firstUnfinished() {
        for (int i = 0; i < items.size(); i++) {
            StepItem item = items.get(i);
            if (item.kind() == StepItem.Kind.STEP && item.applicable() && !item.stateProperty().get().finished()) {
                return i;
            }
        }
        return items.size() - 1;
    }

    /**
     * The run joined to its target, made on first use (by a job on the worker thread: it connects and checks the
     * target). Changing the target's URL, user or password drops it.
     */
    public synchronized RunContext context() {
        if (context == null) {
            RunFolder current = run.get();
            if (current == null) {
                throw new IllegalStateException("no run yet: accept the plan first");
            }
            context = new RunContext(current, targetUrl.get(), targetUser.get(),
                    targetPassword.get() == null ? new char[0] : targetPassword.get().toCharArray(), operator.get(),
                    source());
        }
        return context;
    }

    /** The source connection as typed, or null without one; the password is copied, for the context to clear. */
    public CloneRoutes.Source source() {
        if (!hasSource()) {
            return null;
        }
        String user = sourceUser.get() == null || sourceUser.get().isBlank() ? null : sourceUser.get();
        return new CloneRoutes.Source(sourceUrl.get().strip(), user,
                sourcePassword.get() == null ? new char[0] : sourcePassword.get().toCharArray());
    }

    public synchronized void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /**
     * Continue later: everything is in the journal already. Closes the run (the connection, the target's lock, the
     * run folder's lock), remembers the folder for Resume, and forgets the rest: see {@link #startFresh()}.
     */
    public void continueLater() {
        closeContext();
        releaseFolder();
        if (run.get() != null) {
            settings.lastRunFolder(run.get().folder());
        }
        settings.save();
        forgetRun();
    }

    /**
     * Every way in from the start page begins here: whatever an earlier run of this session left (its plan, its
     * steps' states, its target and source connections, its folder, the selected step, the rehearsal flag) is
     * closed and forgotten, so that a run never shows or uses another's. What the operator set for the session
     * (text size, operator) stays.
     */
    public void startFresh() {
        continueLater();
    }

    private void forgetRun() {
        run.set(null);
        // Each of these drops the context too; it is closed already.
        targetUrl.set("");
        targetUser.set("");
        targetPassword.set("");
        sourceUrl.set("");
        sourceUser.set("");
        sourcePassword.set("");
        runFolder.set(null);
        rehearsal.set(false);
        selected.set(0);
        plan.set(null);
        rebuildItems(null, null);
        summary.set(summaryOf(null));
    }

    private void releaseFolder() {
        if (folderLock != null) {
            folderLock.close();
            folderLock = null;
        }
    }

    private void rebuildItems(MigrationPlan current, RunState state) {
        items.clear();
        items.add(StepItem.plan());
        if (current != null) {
            List<Step> applicable = ProcedureCatalog.stepsFor(current);
            for (Step step : ProcedureCatalog.allSteps(current)) {
                int index = applicable.indexOf(step);
                StepItem item = index >= 0 ? StepItem.step(step, index + 1)
                        : StepItem.notApplicable(step, "the plan leaves out: " + step.part().description());
                if (state != null && index >= 0) {
                    item.stateProperty().set(state.of(step.id()));
                }
                items.add(item);
            }
        }
        items.add(StepItem.finalChecklist());
    }

    static String summaryOf(MigrationPlan plan) {
        if (plan == null) {
            return "No plan yet";
        }
        return plan.sourceEnvironment() + " → " + plan.targetEnvironment() + "  ·  " + plan.dbms().displayName()
                + "  ·  " + plan.installPath().documentSection() + "  ·  target " + plan.targetDatabase();
    }
}
