package dev.envclone.ui.plan;

import dev.envclone.db.TargetUrl;
import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.InstallPath;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.OptionalPart;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.PlanException;
import dev.envclone.run.GuardException;
import dev.envclone.run.RunFolder;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;

/**
 * The plan page's state and rules: a property per name with the engine's message for it, the DBMS and install
 * path, the optional parts, the target connection (the wizard's own properties; the password only in memory) and
 * the run folder. Next builds the plan, checks it with the engine's validator and starts the run; once a run
 * exists the plan is fixed and the page only shows it.
 */
public final class PlanViewModel {
    private static final String PASSWORD_ADVICE = "type it in the Password field instead";

    private final WizardViewModel wizard;
    private final MigrationPlan start;
    private final ObjectProperty<Dbms> dbms = new SimpleObjectProperty<>();
    private final ObjectProperty<InstallPath> installPath = new SimpleObjectProperty<>();
    private final Map<PlanField, StringProperty> texts = new EnumMap<>(PlanField.class);
    private final Map<PlanField, ReadOnlyStringWrapper> messages = new EnumMap<>(PlanField.class);
    private final Map<OptionalPart, BooleanProperty> parts = new EnumMap<>(OptionalPart.class);
    private final RunFolderField runFolder;
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper connectionResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper connectionOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper targetUrlMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourceUrlMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper readingSource = new ReadOnlyBooleanWrapper(false);
    // The wizard outlives this page: it holds these only weakly, and this view model holds them strongly.
    // Change listeners, not invalidation listeners: these fire on every change, read or not.
    private final ChangeListener<Object> runChanged = (o, a, b) -> readOnly.set(b != null);
    private final ChangeListener<Object> userChanged = (o, a, b) -> edited(PlanField.TARGET_USER);
    private final ChangeListener<Object> targetChanged = (o, a, b) -> targetEdited();
    private final ChangeListener<Object> sourceChanged = (o, a, b) -> sourceEdited();
    private final SourceFilesRead sourceFiles;
    private final javafx.beans.binding.StringBinding nextRefusedReason;

    public PlanViewModel(WizardViewModel wizard) {
        this.wizard = wizard;
        MigrationPlan current = wizard.planProperty().get();
        this.start = current != null ? current : new PlanBuilder(Dbms.SQLSERVER).build();
        for (PlanField field : PlanField.values()) {
            texts.put(field, field == PlanField.TARGET_USER ? wizard.targetUserProperty()
                    : new SimpleStringProperty(""));
            messages.put(field, new ReadOnlyStringWrapper(""));
        }
        // Both DBMS's fields get their defaults first, so that switching the DBMS shows sensible names.
        for (Dbms each : Dbms.values()) {
            if (each != start.dbms()) {
                fill(new PlanBuilder(each).build());
            }
        }
        fill(start);
        text(PlanField.SOURCE_ENVIRONMENT).set(start.sourceEnvironment());
        text(PlanField.TARGET_ENVIRONMENT).set(start.targetEnvironment());
        dbms.set(start.dbms());
        installPath.set(start.installPath());
        for (OptionalPart part : OptionalPart.values()) {
            parts.put(part, new SimpleBooleanProperty(start.includes(part)));
        }
        readOnly.set(wizard.runProperty().get() != null);
        runFolder = new RunFolderField(wizard.runFolderProperty());
        sourceFiles = new SourceFilesRead(wizard, dbms, readOnly.getReadOnlyProperty(), this::text,
                field -> messages.get(field).get());
        targetUrlMessage.set(orEmpty(targetUrlProblem(wizard.targetUrlProperty().get())));
        sourceUrlMessage.set(orEmpty(sourceUrlProblem(wizard.sourceUrlProperty().get())));
        listen();
        checkAll();
        List<javafx.beans.Observable> inputs = new java.util.ArrayList<>(messages.values());
        inputs.addAll(List.of(readOnly, problems, readingSource, runFolder.message(), targetUrlMessage,
                sourceUrlMessage));
        nextRefusedReason = javafx.beans.binding.Bindings.createStringBinding(this::refusedReason,
                inputs.toArray(new javafx.beans.Observable[0]));
    }

    private void listen() {
        texts.forEach((field, text) -> {
            if (field != PlanField.TARGET_USER) {
                text.addListener((o, a, b) -> edited(field));
            }
        });
        wizard.targetUserProperty().addListener(new WeakChangeListener<>(userChanged));
        text(PlanField.SOURCE_CATALOG).addListener((o, before, now) ->
                followCatalog(PlanField.SOURCE_CATALOG, PlanField.FILES, before, now));
        text(PlanField.SOURCE_LOG_CATALOG).addListener((o, before, now) ->
                followCatalog(PlanField.SOURCE_LOG_CATALOG, PlanField.LOG_FILES, before, now));
        dbms.addListener((o, before, now) -> {
            // The names of one DBMS mean nothing on the other: start from the new DBMS's defaults.
            if (now != null && !readOnly.get()) {
                fill(base(now));
            }
            problems.set("");
            checkAll();
        });
        installPath.addListener((o, a, b) -> problems.set(""));
        parts.values().forEach(p -> p.addListener((o, a, b) -> problems.set("")));
        runFolder.text().addListener((o, a, b) -> {
            if (!readOnly.get()) {
                problems.set("");
            }
            updateValid();
        });
        wizard.runProperty().addListener(new WeakChangeListener<>(runChanged));
        wizard.targetUrlProperty().addListener(new WeakChangeListener<>(targetChanged));
        wizard.targetUserProperty().addListener(new WeakChangeListener<>(targetChanged));
        wizard.targetPasswordProperty().addListener(new WeakChangeListener<>(targetChanged));
        wizard.sourceUrlProperty().addListener(new WeakChangeListener<>(sourceChanged));
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    /** The text of a field; the target user is the wizard's own property. */
    public StringProperty textProperty(PlanField field) {
        return texts.get(field);
    }

    /** The engine's message for the field's text, or "" when it is fine (or the field is not for this DBMS). */
    public ReadOnlyStringProperty messageProperty(PlanField field) {
        return messages.get(field).getReadOnlyProperty();
    }

    /** The engine's message for a value typed into a field (the form's validator asks), or null. */
    public String problemOf(PlanField field, String value) {
        Dbms chosen = dbms.get();
        return chosen == null || !field.appliesTo(chosen) ? null : field.problem(chosen, value);
    }

    /** Changing it resets the DBMS-specific names (users, catalogs, server, tablespaces) to that DBMS's. */
    public ObjectProperty<Dbms> dbmsProperty() {
        return dbms;
    }

    public ObjectProperty<InstallPath> installPathProperty() {
        return installPath;
    }

    public BooleanProperty partProperty(OptionalPart part) {
        return parts.get(part);
    }

    public StringProperty targetUrlProperty() {
        return wizard.targetUrlProperty();
    }

    /** What is wrong with the target URL as typed, or "" (also while it is still empty). */
    public ReadOnlyStringProperty targetUrlMessageProperty() {
        return targetUrlMessage.getReadOnlyProperty();
    }

    /**
     * The engine's rule for a target URL (the form validator asks): null when usable or not given yet. It is read
     * as the run will read it, so a password in it, a bad port or an H2 file that does not exist shows here; with
     * a source connection, an H2 target may not exist yet, since the clone creates it.
     */
    public String targetUrlProblem(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return wizard.hasSource() ? TargetUrl.cloneTargetProblem("JDBC URL", url, PASSWORD_ADVICE)
                : TargetUrl.problem("JDBC URL", url, PASSWORD_ADVICE);
    }

    /** The source's JDBC URL: given, envclone runs the clone steps, reading the source and never changing it. */
    public StringProperty sourceUrlProperty() {
        return wizard.sourceUrlProperty();
    }

    public StringProperty sourceUserProperty() {
        return wizard.sourceUserProperty();
    }

    /** The source's password: in memory for this session, never written anywhere. */
    public StringProperty sourcePasswordProperty() {
        return wizard.sourcePasswordProperty();
    }

    public ReadOnlyStringProperty sourceUrlMessageProperty() {
        return sourceUrlMessage.getReadOnlyProperty();
    }

    /** The engine's rule for the source URL: null when usable or empty (no source: the clone stays manual). */
    public String sourceUrlProblem(String url) {
        return url == null || url.isBlank() ? null
                : TargetUrl.problem("source JDBC URL", url, "type it in the source's Password field instead");
    }

    /**
     * "Read files from the source": the SQL Server source catalog's logical files (and the log catalog's, when one
     * is set) read from the source into the file fields, in a background job; an H2 (sandbox) source gets the
     * reason none are needed. See {@link #sourceFilesResultProperty()}.
     */
    public void readFilesFromSource() {
        sourceFiles.read();
    }

    /** The files read on {@code server} (a test's H2 stand-in for a SQL Server source). */
    void readFilesFromSource(dev.envclone.clone.SourceDatabaseFiles.Server server) {
        sourceFiles.readOn(server);
    }

    /** True where the button applies: a SQL Server plan, a source URL, the plan not fixed, no read running. */
    public javafx.beans.binding.BooleanExpression canReadFilesProperty() {
        return sourceFiles.usable();
    }

    /** What the last read said: the files read, a refusal, or why the source could not be read. */
    public ReadOnlyStringProperty sourceFilesResultProperty() {
        return sourceFiles.result();
    }

    /** True when the last read filled the file fields. */
    public ReadOnlyBooleanProperty sourceFilesOkProperty() {
        return sourceFiles.ok();
    }

    /** True while Next reads the source (its fingerprint, the clone's checks) before the run is made. */
    public ReadOnlyBooleanProperty readingSourceProperty() {
        return readingSource.getReadOnlyProperty();
    }

    /** The wizard's password: in memory for this session, never written anywhere. */
    public StringProperty targetPasswordProperty() {
        return wizard.targetPasswordProperty();
    }

    /** The run folder as typed; a usable path goes straight to the wizard's run folder. */
    public StringProperty runFolderProperty() {
        return runFolder.text();
    }

    public ReadOnlyStringProperty runFolderMessageProperty() {
        return runFolder.message();
    }

    /** The form validator's rule for the run folder: null when usable. */
    public String runFolderProblem(String text) {
        return RunFolderField.problem(text);
    }

    /** True when every name passes its rule (the plan as a whole is checked on Next). */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /**
     * Why Next does not move on, in one line for beside the button: the first field that is wrong and what is
     * wrong with it (the field says the same), how many others are, or what the last Next found; empty when Next
     * may go ahead. Next itself stays disabled while a field is wrong ({@link #validProperty()}).
     */
    public javafx.beans.binding.StringExpression nextRefusedReasonProperty() {
        return nextRefusedReason;
    }

    private String refusedReason() {
        return RefusedNext.reason(readOnly.get(), readingSource.get(), invalidFields(), problems.get());
    }

    /** What stops Next, one per line: the plan's problems, or the fields that need correcting. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionResultProperty() {
        return connectionResult.getReadOnlyProperty();
    }

    /** True when the last Test connection reached a platform database. */
    public ReadOnlyBooleanProperty connectionOkProperty() {
        return connectionOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** True once the run has started: the plan is in the run folder and cannot change. */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public boolean readOnly() {
        return readOnly.get();
    }

    /** The hint shown while the plan is fixed. */
    public String fixedPlanHint() {
        Path folder = wizard.runProperty().get() == null ? null : wizard.runProperty().get().folder();
        return "The run has started" + (folder == null ? "" : " in " + folder) + ": its plan is fixed and shown "
                + "here as it was accepted. To change the plan, start a new migration from the start page. The "
                + "target connection can still be changed (for example, to type the password again).";
    }

    /**
     * The plan the fields describe, checked and normalized by the engine.
     *
     * @throws PlanException naming every problem
     */
    public MigrationPlan buildPlan() {
        Dbms chosen = dbms.get();
        Set<OptionalPart> chosenParts = EnumSet.noneOf(OptionalPart.class);
        parts.forEach((part, on) -> {
            if (on.get()) {
                chosenParts.add(part);
            }
        });
        return PlanAssembly.build(base(chosen), installPath.get(), chosenParts, this::value);
    }

    /**
     * What Next does: with no run yet, checks the names and the plan and starts the run in the run folder (true);
     * anything wrong stays on the page in {@link #problemsProperty()} (false). With a run, there is nothing to do.
     */
    public boolean accept() {
        if (readOnly.get()) {
            return true;
        }
        checkAll();
        if (!valid.get()) {
            problems.set(lines("Correct the marked fields first:", invalidFields()));
            return false;
        }
        MigrationPlan plan;
        try {
            plan = buildPlan();
        } catch (PlanException e) {
            problems.set(lines("The plan cannot be used yet:", e.problems()));
            return false;
        } catch (IllegalArgumentException e) {
            problems.set(e.getMessage());
            return false;
        }
        Path folder = wizard.runFolderProperty().get();
        try {
            // A folder whose run never started (the first entry torn by a crash) is started over, as the CLI does.
            if (RunFolder.holdsRun(folder)) {
                problems.set("The run folder " + folder + " already holds a run: open it from the start page to "
                        + "resume it, or choose another folder.");
                return false;
            }
            if (wizard.hasSource()) {
                readSourceThenStart(plan);
                return false;
            }
            wizard.createRun(plan);
        } catch (IOException e) {
            problems.set("The run folder " + folder + " could not be written (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "): choose a folder you can write to.");
            return false;
        } catch (IllegalArgumentException | GuardException e) {
            problems.set(e.getMessage());
            return false;
        }
        problems.set("");
        return true;
    }

    /**
     * With a source: reads it in a background job (refuses a target that is the source, opens the clone's route,
     * runs every clone action's check, reads the source's fingerprint), then starts the run with that fingerprint,
     * which moves the wizard to the first step. A refusal stays on the page and leaves no run folder behind.
     */
    private void readSourceThenStart(MigrationPlan plan) {
        if (readingSource.get()) {
            return;
        }
        readingSource.set(true);
        updateValid();
        problems.set("Reading the source…");
        String target = wizard.targetUrlProperty().get();
        String targetUser = wizard.targetUserProperty().get();
        char[] targetPassword = wizard.targetPasswordProperty().get() == null ? new char[0]
                : wizard.targetPasswordProperty().get().toCharArray();
        Path folder = wizard.runFolderProperty().get();
        dev.envclone.clone.CloneRoutes.Source source = wizard.source();
        wizard.background().run("Reading the source", (progress, cancel) -> {
            dev.envclone.clone.CloneRoutes.refuseTargetIsSource(source.url(), target);
            try (dev.envclone.clone.CloneRoute route = dev.envclone.clone.CloneRoutes.open(plan, source,
                    new dev.envclone.clone.CloneRoutes.Source(target, targetUser, targetPassword), folder,
                    plan.oracle() == null ? null : plan.oracle().ssh(), dev.envclone.clone.CloneRoutes.Extras.now())) {
                dev.envclone.run.CloneSteps.checkAll(route, cancel);
                return route.sourceFingerprint();
            } finally {
                java.util.Arrays.fill(source.password(), '\0');
                java.util.Arrays.fill(targetPassword, '\0');
            }
        }, fingerprint -> {
            readingSource.set(false);
            // Read: nothing stops Next now (the operator's name is asked next, and "Reading the source…" beside
            // the button would then read as a refusal).
            problems.set("");
            updateValid();
            try {
                wizard.createRun(plan, fingerprint);
            } catch (IOException e) {
                problems.set("The run folder " + folder + " could not be written (" + e.getClass().getSimpleName()
                        + ": " + e.getMessage() + "): choose a folder you can write to.");
            } catch (IllegalArgumentException | GuardException e) {
                problems.set(e.getMessage());
            }
        }, failed -> {
            readingSource.set(false);
            updateValid();
            problems.set(dev.envclone.ui.RunContext.sourceFailure(failed));
        });
    }

    /** Connects to the target in a background job and says what it is: see {@link #connectionResultProperty()}. */
    public void testConnection() {
        if (testing.get()) {
            return;
        }
        String url = wizard.targetUrlProperty().get();
        connectionOk.set(false);
        if (url == null || url.isBlank()) {
            connectionResult.set("Give the target's JDBC URL first.");
            return;
        }
        String problem = targetUrlProblem(url);
        if (problem != null) {
            connectionResult.set(problem);
            return;
        }
        String user = wizard.targetUserProperty().get();
        String password = wizard.targetPasswordProperty().get();
        char[] secret = password == null ? new char[0] : password.toCharArray();
        Dbms chosen = dbms.get();
        String admin = text(PlanField.ADMIN_USER).get();
        testing.set(true);
        connectionResult.set("Connecting…");
        wizard.background().run("Testing the connection to the target",
                (progress, cancel) -> ConnectionCheck.inspect(url, user, secret, chosen, admin),
                facts -> {
                    testing.set(false);
                    connectionOk.set(facts.platformDatabase());
                    connectionResult.set(ConnectionCheck.describe(facts, chosen, admin));
                },
                failed -> {
                    testing.set(false);
                    connectionResult.set(ConnectionCheck.failure(failed));
                });
    }

    private void sourceEdited() {
        sourceUrlMessage.set(orEmpty(sourceUrlProblem(wizard.sourceUrlProperty().get())));
        // With or without a source, the target's rule differs (a clone's H2 target need not exist yet).
        targetUrlMessage.set(orEmpty(targetUrlProblem(wizard.targetUrlProperty().get())));
        updateValid();
        if (!readOnly.get()) {
            problems.set("");
        }
    }

    private void targetEdited() {
        targetUrlMessage.set(orEmpty(targetUrlProblem(wizard.targetUrlProperty().get())));
        updateValid();
        if (!testing.get()) {
            connectionResult.set("");
            connectionOk.set(false);
        }
    }

    private StringProperty text(PlanField field) {
        return texts.get(field);
    }

    /** A field's value for the plan: "" when a required name is empty (the engine names it), null when optional. */
    private String value(PlanField field) {
        String text = text(field).get() == null ? "" : text(field).get();
        return field.optional() && text.isEmpty() ? null : text;
    }

    /** The plan the page started from when it has this DBMS, else that DBMS's defaults. */
    private MigrationPlan base(Dbms chosen) {
        return chosen == start.dbms() ? start : new PlanBuilder(chosen).build();
    }

    /** Puts the plan's users and its DBMS's own names and clone settings into the fields. */
    private void fill(MigrationPlan plan) {
        PlanAssembly.texts(plan).forEach((field, value) -> text(field).set(value));
    }

    /**
     * A source catalog's logical files follow its name while they are that catalog's defaults ({@code NAME:D,
     * NAME_log:L}); files the operator typed (or that were read from the backup) stay as they are.
     */
    private void followCatalog(PlanField catalog, PlanField files, String before, String now) {
        String defaults = before == null ? null : FieldValues.join(CatalogClone.defaultFiles(before));
        String current = text(files).get();
        boolean untouched = current == null || current.isEmpty() ? catalog == PlanField.SOURCE_CATALOG
                : current.equals(defaults);
        if (untouched && now != null && !now.isEmpty() && !readOnly.get()) {
            text(files).set(FieldValues.join(CatalogClone.defaultFiles(now)));
        }
    }

    private void edited(PlanField field) {
        check(field);
        updateValid();
        if (field != PlanField.TARGET_USER) {
            problems.set("");
        }
    }

    private void check(PlanField field) {
        String problem = problemOf(field, text(field).get() == null ? "" : text(field).get());
        messages.get(field).set(problem == null ? "" : problem);
    }

    private void checkAll() {
        for (PlanField field : PlanField.values()) {
            check(field);
        }
        updateValid();
    }

    private void updateValid() {
        valid.set(messages.values().stream().allMatch(m -> m.get().isEmpty())
                && runFolder.message().get().isEmpty() && targetUrlMessage.get().isEmpty()
                && sourceUrlMessage.get().isEmpty() && !readingSource.get());
    }

    private List<String> invalidFields() {
        List<String> invalid = messages.values().stream().map(ReadOnlyStringWrapper::get).filter(m -> !m.isEmpty())
                .collect(Collectors.toList());
        if (!runFolder.message().get().isEmpty()) {
            invalid.add(runFolder.message().get());
        }
        if (!targetUrlMessage.get().isEmpty()) {
            invalid.add(targetUrlMessage.get());
        }
        if (!sourceUrlMessage.get().isEmpty()) {
            invalid.add(sourceUrlMessage.get());
        }
        return invalid;
    }

    private static String lines(String heading, List<String> items) {
        return heading + "\n" + items.stream().map(i -> "• " + i).collect(Collectors.joining("\n"));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
