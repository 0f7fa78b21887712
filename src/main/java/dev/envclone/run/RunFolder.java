package dev.envclone.run;

import dev.envclone.files.OwnerOnly;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanJson;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run is a folder: plan.json and the generated scripts, journal.jsonl, and pre-images/ with the rows every step
 * changed, as they were before. Opening the folder again resumes the run where its journal stops.
 *
 * <pre>
 * RUN/plan.json  checklist.md  cleanup-before-install.sql  cleanup-after-install.sql
 *     backup-on-source.sql restore-on-target.sql | expdp.par impdp.par create-users.sql [revoke-after-import.sql]
 * RUN/journal.jsonl  journal.head
 * RUN/pre-images/04-cleanup-environment-security/attempt-1/01-ossys_parameter.csv
 * </pre>
 */
public final class RunFolder {
    public static final String JOURNAL = "journal.jsonl";
    public static final String PLAN = "plan.json";

    private final Path folder;
    private final MigrationPlan plan;
    private final JournalFile journal;

    private RunFolder(Path folder, MigrationPlan plan, JournalFile journal) {
        this.folder = folder;
        this.plan = plan;
        this.journal = journal;
    }

    /**
     * Makes a new run from a checked plan; refuses a folder that already holds a run. A folder whose run never
     * started (its journal has no complete entry: the process ended while writing the first) is started over.
     */
    public static RunFolder create(Path folder, MigrationPlan plan, String sourceFingerprint, String target,
                                   String operator, Clock clock) throws IOException {
        FreeText.requireOneLine("operator", operator);
        FreeText.requireOneLine("source fingerprint", sourceFingerprint);
        FreeText.requireOneLine("the plan's source fingerprint", plan.sourceFingerprint());
        FreeText.requireOneLine("target", target);
        Path journalFile = folder.resolve(JOURNAL);
        if (Files.exists(journalFile)) {
            if (!JournalFile.open(journalFile, clock).entries().isEmpty()) {
                throw new IllegalArgumentException(folder + " already holds a run: open it to resume it; "
                        + "to start again, give another --run-dir");
            }
            // Never started: nothing happened yet that the journal would have to keep.
            Files.delete(journalFile);
        }
        // Owner-only before anything is in it: the pre-images will hold the source's secrets.
        OwnerOnly.folder(folder, "run folder");
        PlanArtifacts.write(plan, folder);
        JournalFile journal = JournalFile.open(journalFile, clock);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("plan.sha256", sha256(Files.readAllBytes(folder.resolve(PLAN))));
        data.put("target", target);
        if (sourceFingerprint != null) {
            data.put("source.fingerprint", sourceFingerprint);
        }
        journal.append(JournalEvent.RUN_CREATED, null, operator, data);
        return new RunFolder(folder, plan, journal);
    }

    /** Whether {@code folder} holds a run that started (or a journal that cannot be read as one). */
    public static boolean holdsRun(Path folder) throws IOException {
        if (!Files.exists(folder.resolve(JOURNAL))) {
            return false;
        }
        try {
            return !JournalFile.open(folder.resolve(JOURNAL), Clock.systemUTC()).entries().isEmpty();
        } catch (JournalException e) {
            return true;
        }
    }

    /**
     * Refuses, as bad input naming {@code option}, a folder that cannot take a new run: no name, a file, or a
     * folder that holds other files (a typing mistake that would mix a run into them). A folder that does not
     * exist yet, or is empty, is fine; so is one whose run never started ({@link #create} starts it over).
     */
    public static void checkNewFolder(Path folder, String option) throws IOException {
        if (folder.toString().isBlank()) {
            throw new IllegalArgumentException(option + " is empty: name the folder for this run, e.g. run-qa");
        }
        if (Files.isRegularFile(folder)) {
            throw new IllegalArgumentException(option + " " + folder + " is a file, not a folder: give a new "
                    + "folder for the run");
        }
        if (Files.isDirectory(folder) && !Files.exists(folder.resolve(JOURNAL))) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(option + " " + folder + " holds other files but no run ("
                            + JOURNAL + "): give a new or empty folder for the run");
                }
            }
        }
    }

    /**
     * What differs between this run's plan and {@code other}, one "field: this → other" line each (at most ten);
     * empty when they are the same plan.
     */
    public List<String> planDifferences(MigrationPlan other) throws IOException {
        return PlanDifferences.between(Files.readString(folder.resolve(PLAN), StandardCharsets.UTF_8),
                PlanJson.write(other));
    }

    /** Opens an existing run; throws {@link JournalException} if its journal or plan was edited. */
    public static RunFolder open(Path folder, Clock clock) throws IOException {
        if (!Files.exists(folder.resolve(JOURNAL))) {
            throw new IllegalArgumentException(noRun(folder));
        }
        JournalFile journal = JournalFile.open(folder.resolve(JOURNAL), clock);
        if (journal.entries().isEmpty()) {
            throw new IllegalArgumentException(folder + ": this run never started (its " + JOURNAL + " has no "
                    + "complete entry: the process ended while writing the first). Run the same command with --plan "
                    + "again to start it.");
        }
        String recorded = journal.entries().get(0).get("plan.sha256");
        if (!sha256(Files.readAllBytes(folder.resolve(PLAN))).equals(recorded)) {
            throw new JournalException(folder.resolve(PLAN) + " was changed after the run started. Keep the folder "
                    + "as evidence and start a new run.");
        }
        return new RunFolder(folder, PlanJson.read(folder.resolve(PLAN)), journal);
    }

    static String noRun(Path folder) {
        return folder + " holds no run (no " + JOURNAL + "): give --plan to start one";
    }

    public Path folder() {
        return folder;
    }

    public MigrationPlan plan() {
        return plan;
    }

    public JournalFile journal() {
        return journal;
    }

    public RunState state() {
        return new RunState(journal.entries());
    }

    /**
     * When the run was created (its first journal entry): what names the clone's jobs and remote folders, so that a
     * resumed run finds those of its first start.
     */
    public java.time.Instant created() {
        return java.time.Instant.parse(journal.entries().get(0).time());
    }

    /**
     * The source's fingerprint, which the guards refuse as a target: as given when the run was created (the command
     * line, the clone's source), else the plan's, else the one recorded later ({@link #recordSourceFingerprint});
     * null when the run has none.
     */
    public String sourceFingerprint() {
        String created = journal.entries().get(0).get("source.fingerprint");
        if (created != null) {
            return created;
        }
        if (plan.sourceFingerprint() != null) {
            return plan.sourceFingerprint();
        }
        JournalEntry recorded = sourceFingerprintRecorded();
        return recorded == null ? null : recorded.get("fingerprint");
    }

    /** The entry that recorded the source's fingerprint after the run was created (who, when, from where), or null. */
    public JournalEntry sourceFingerprintRecorded() {
        return journal.entries().stream().filter(e -> e.event() == JournalEvent.SOURCE_FINGERPRINT_RECORDED)
                .findFirst().orElse(null);
    }

    /** The schema the source's fingerprint is read in (Oracle: the source's admin user), or null (SQL Server). */
    public String sourceAdminSchema() {
        return plan.sourceAdminSchema();
    }

    /**
     * Records the source's fingerprint, read from the source by the caller, into a run created without one; from
     * then on the guards refuse it as the target. The rules ({@link SourceFingerprintRule}): one source per run,
     * never this run's target, only before the cleanup begins.
     *
     * @param readFrom the source's JDBC URL without secrets, kept as evidence of where it was read
     * @return false when the run already has this fingerprint: nothing is written
     * @throws GuardException a rule refuses it; nothing is written
     */
    public boolean recordSourceFingerprint(String fingerprint, String readFrom, String operator)
            throws IOException, GuardException {
        require(fingerprint, "the source fingerprint is empty: read it from the source first");
        FreeText.requireOneLine("source fingerprint", fingerprint);
        FreeText.requireOneLine("source URL", readFrom);
        FreeText.requireOneLine("operator", operator);
        if (!SourceFingerprintRule.check(this, fingerprint)) {
            return false;
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("fingerprint", fingerprint);
        if (readFrom != null) {
            data.put("source", readFrom);
        }
        journal.append(JournalEvent.SOURCE_FINGERPRINT_RECORDED, null, operator, data);
        return true;
    }

    /** The operator skips a step; the reason is required and kept. */
    public void skip(String stepId, String reason, String operator) throws IOException {
        Step step = step(stepId, StepMark.SKIP);
        require(reason, "a skipped step needs a reason");
        FreeText.requireOneLine("reason", reason);
        journal.append(JournalEvent.STEP_SKIPPED, step.id(), operator, Map.of("reason", reason));
    }

    /** A DBA did the step by hand: their name is required, the note kept. */
    public void doneByDba(String stepId, String dba, String note, String operator) throws IOException {
        Step step = step(stepId, StepMark.DONE_BY_DBA);
        require(dba, "a step done by a DBA needs the DBA's name");
        FreeText.requireOneLine("DBA name", dba);
        FreeText.requireOneLine("note", note);
        journal.append(JournalEvent.DONE_BY_DBA, step.id(), operator, Map.of("dba", dba,
                "note", note == null ? "" : note));
    }

    /** The connections database-connections.md saved (their names, in its order); none before it was written. */
    public List<String> savedConnections() {
        JournalEntry saved = journal.entries().stream()
                .filter(e -> e.event() == JournalEvent.DATABASE_CONNECTIONS_SAVED).findFirst().orElse(null);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 1; saved != null && saved.get(String.format(Locale.ROOT, "connection.%02d.name", i)) != null;
             i++) {
            names.add(saved.get(String.format(Locale.ROOT, "connection.%02d.name", i)));
        }
        return names;
    }

    /** The tick of one box of a connection's re-create guide, or null while it is not ticked. */
    public JournalEntry connectionItem(String connection, String item) {
        JournalEntry found = null;
        for (JournalEntry entry : journal.entries()) {
            if (entry.event() == JournalEvent.CONNECTION_ITEM_TICKED && connection.equals(entry.get("connection"))
                    && item.equals(entry.get("item"))) {
                found = entry;
            }
        }
        return found;
    }

    /** Ticks one box of a saved connection's re-create guide ({@link ConnectionsFile#ITEMS}); once only. */
    public void tickConnectionItem(String connection, String item, String operator) throws IOException {
        if (!savedConnections().contains(connection)) {
            throw new IllegalArgumentException("'" + connection + "' is not a connection database-connections.md "
                    + "saved: " + String.join(", ", savedConnections()));
        }
        if (!ConnectionsFile.ITEMS.contains(item)) {
            throw new IllegalArgumentException("'" + item + "' is not one of " + ConnectionsFile.ITEMS);
        }
        if (connectionItem(connection, item) != null) {
            throw new IllegalStateException(connection + ": '" + item + "' is ticked already");
        }
        journal.append(JournalEvent.CONNECTION_ITEM_TICKED, ConnectionsFile.STEP, operator,
                Map.of("connection", connection, "item", item));
    }

    /** A manual step was done and ticked off. */
    public void tick(String stepId, String note, String operator) throws IOException {
        Step step = step(stepId, StepMark.TICK);
        FreeText.requireOneLine("note", note);
        journal.append(JournalEvent.CHECKLIST_TICKED, step.id(), operator, Map.of("note",
                note == null ? "" : note));
    }

    /**
     * Whether this run's target is the rehearsal sandbox: the target the run was created with is an H2 database.
     * The one rule for "rehearsal" after the fact (report, stand-ins): no OutSystems environment runs on H2, and
     * the target is recorded at creation, before any step, so it cannot change during the run.
     */
    public boolean rehearsal() {
        String target = journal.entries().get(0).get("target");
        return target != null && target.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    }

    /**
     * Records that envclone did to the sandbox what a Service Center or LifeTime action would do, which marks the
     * manual step that asks for the action done, as a rehearsal stand-in. Refused on a run whose target is not the
     * sandbox: there only the operator, in Service Center or LifeTime, does it. Recorded also when the step was
     * ticked or skipped before: the stand-in is what happened to the sandbox last.
     */
    public void standIn(String stepId, String action, String changed, String operator) throws IOException {
        if (!rehearsal()) {
            throw new IllegalStateException("this run's target is not the rehearsal sandbox: on a real environment "
                    + "the operator does '" + action + "' and ticks the step");
        }
        Step step = ProcedureCatalog.stepsFor(plan).stream().filter(s -> s.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("step '" + stepId + "' is not a step of this plan"));
        StepMark.TICK.require(step); // a manual step: the ones that stand for the operator's work elsewhere
        FreeText.requireOneLine("action", action);
        FreeText.requireOneLine("changed", changed);
        journal.append(JournalEvent.REHEARSAL_STAND_IN, step.id(), operator, Map.of("action", action,
                "changed", changed));
    }

    /** The plan's step {@code stepId}, still open, that {@code mark} fits. */
    private Step step(String stepId, StepMark mark) {
        Step step = ProcedureCatalog.stepsFor(plan).stream().filter(s -> s.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("step '" + stepId + "' is not a step of this plan: "
                        + "envclone status lists them"));
        if (state().of(stepId).finished()) {
            throw new IllegalArgumentException("step '" + stepId + "' is " + state().of(stepId).label()
                    + " already");
        }
        mark.require(step);
        return step;
    }

    private static void require(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }

    /** pre-images/04-cleanup-front-ends/attempt-2 */
    public Path preImageFolder(int stepNumber, String stepId, int attempt) {
        return folder.resolve("pre-images").resolve(String.format("%02d-%s", stepNumber, stepId))
                .resolve("attempt-" + attempt);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
