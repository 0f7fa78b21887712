package dev.envclone.report;

import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunState;
import dev.envclone.run.StepState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a report states about a run, read from its folder: the plan, every step with its state and the journal
 * entries about it, the statements each attempt ran with their pre-image files, and the journal's final hash.
 */
public final class RunRecord {
    private final RunFolder run;
    private final List<JournalEntry> entries;
    private final List<StepRecord> steps = new ArrayList<>();

    /** One statement of an attempt: its SQL, what the preview counted, what it changed, and its pre-image. */
    public record Statement(int number, String sql, Long previewed, Long changed, PreImageFile preImage) {
    }

    /** A pre-image file as the journal recorded it, path relative to the run folder. */
    public record PreImageFile(String file, long rows, String sha256) {
    }

    /**
     * One start of a cleanup step (its statements) or of a clone step (no statements: its start's facts), and how
     * it ended (executed, failed, recovered, or unknown).
     */
    public record Attempt(int number, JournalEntry started, List<Statement> statements, JournalEntry outcome) {
    }

    /**
     * A step of the plan in the run.
     *
     * @param decided the journal entry that put the step in its state, or null while it is pending
     */
    public record StepRecord(int number, Step step, StepState state, JournalEntry decided, List<JournalEntry> entries,
                             List<Attempt> attempts) {
        /** One line on how the step ended and who did it when: what the checklist and the overview print. */
        public String outcome() {
            if (decided == null) {
                return "not done";
            }
            String when = " by " + decided.operator() + " at " + time(decided.time());
            return switch (decided.event()) {
                case STEP_EXECUTED -> "executed" + when + (decided.get("total") != null ? ": " + decided.get("total")
                        + " rows changed" : cloned(decided));
                case CHECKLIST_TICKED -> "ticked" + when + note(decided.get("note"));
                case REHEARSAL_STAND_IN -> "done by a rehearsal stand-in" + when + " (the sandbox has no Service "
                        + "Center or LifeTime): " + decided.get("action") + "; " + decided.get("changed");
                case DONE_BY_DBA -> "done by DBA " + decided.get("dba") + ", recorded" + when
                        + note(decided.get("note"));
                case STEP_SKIPPED -> "skipped" + when + ": " + decided.get("reason");
                case STEP_FAILED -> "failed" + when + ": " + decided.get("message")
                        + (decided.get("left") != null ? " Left: " + decided.get("left") : "");
                case STEP_BLOCKED -> "blocked" + when + ": " + decided.get("message");
                case STEP_RESTORED -> "restored from its pre-images" + when + ": " + decided.get("total")
                        + " rows put back; to run again";
                case PREVIEWED -> "prepared" + when + ": " + decided.get("total") + " rows to change; not executed";
                case STEP_STARTED -> "started" + when + " and not finished: open the run to settle it";
                case STEP_RECOVERED -> decided.get("state") != null ? "settled after an interruption" + when + ": "
                        + decided.get("state") : "true".equals(decided.get("committed"))
                        ? "committed before an interruption; settled" + when
                        : "not committed before an interruption" + when + "; to run again";
                default -> state.label() + when;
            };
        }

        /** A clone step's result as its action recorded it: what it made, how big, how long. */
        private static String cloned(JournalEntry executed) {
            return executed.data().isEmpty() ? "" : ": " + executed.data().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        }


        /** The last entry of an event about this step, or null. */
        public JournalEntry last(JournalEvent event) {
            JournalEntry found = null;
            for (JournalEntry entry : entries) {
                if (entry.event() == event) {
                    found = entry;
                }
            }
            return found;
        }
    }

    public RunRecord(RunFolder run) {
        this.run = run;
        this.entries = run.journal().entries();
        RunState state = run.state();
        List<Step> all = ProcedureCatalog.stepsFor(run.plan());
        for (int i = 0; i < all.size(); i++) {
            Step step = all.get(i);
            List<JournalEntry> about = entries.stream().filter(e -> step.id().equals(e.step())).toList();
            steps.add(new StepRecord(i + 1, step, state.of(step.id()), state.lastEntry(step.id()), about,
                    attempts(about)));
        }
    }

    public MigrationPlan plan() {
        return run.plan();
    }

    public RunFolder folder() {
        return run;
    }

    public List<StepRecord> steps() {
        return List.copyOf(steps);
    }

    public List<JournalEntry> journal() {
        return entries;
    }

    public String journalHash() {
        return run.journal().lastHash();
    }

    public JournalEntry created() {
        return entries.get(0);
    }

    public String sourceFingerprint() {
        return run.sourceFingerprint();
    }

    /**
     * The source's fingerprint as the report states it: with who recorded it and when, when it was recorded into a
     * run that started without one (the steps before that were not guarded against the source by it).
     */
    public String sourceFingerprintStated() {
        String fingerprint = run.sourceFingerprint();
        JournalEntry recorded = run.sourceFingerprintRecorded();
        if (fingerprint == null || recorded == null || !fingerprint.equals(recorded.get("fingerprint"))) {
            return fingerprint;
        }
        return fingerprint + " (recorded after the run began, by " + recorded.operator() + " at "
                + time(recorded.time()) + ")";
    }

    /** Every fingerprint the target was accepted with (one, unless the run was resumed against a moved database). */
    public List<String> targetFingerprints() {
        return entries.stream().filter(e -> e.event() == JournalEvent.TARGET_CHECKED).map(e -> e.get("fingerprint"))
                .distinct().toList();
    }

    /** Everyone who appears in the journal, in order of first appearance. */
    public List<String> operators() {
        Set<String> names = new LinkedHashSet<>();
        entries.forEach(e -> names.add(e.operator()));
        return List.copyOf(names);
    }

    /** Every pre-image file of every attempt, in journal order. */
    public List<PreImageFile> preImages() {
        List<PreImageFile> files = new ArrayList<>();
        steps.forEach(s -> s.attempts().forEach(a -> a.statements().forEach(st -> files.add(st.preImage()))));
        return files;
    }

    private static List<Attempt> attempts(List<JournalEntry> about) {
        List<Attempt> attempts = new ArrayList<>();
        JournalEntry preview = null;
        for (int i = 0; i < about.size(); i++) {
            JournalEntry entry = about.get(i);
            if (entry.event() == JournalEvent.PREVIEWED) {
                preview = entry;
            }
            if (entry.event() != JournalEvent.STEP_STARTED) {
                continue;
            }
            // A clone step journals its progress between its start and its end.
            int next = i + 1;
            while (next < about.size() && about.get(next).event() == JournalEvent.CLONE_PROGRESS) {
                next++;
            }
            JournalEntry outcome = next < about.size() ? about.get(next) : null;
            // A clone step's start records the action's facts, not statements.
            int count = entry.get("statements") == null ? 0 : Integer.parseInt(entry.get("statements"));
            List<Statement> statements = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                String key = String.format("statement.%02d", n);
                statements.add(new Statement(n, entry.get(key + ".sql"), number(preview, key + ".rows"),
                        outcome != null && outcome.event() == JournalEvent.STEP_EXECUTED
                                ? number(outcome, key + ".changed") : null,
                        new PreImageFile(entry.get(key + ".preimage.file"),
                                Long.parseLong(entry.get(key + ".preimage.rows")), entry.get(key + ".preimage.sha256"))));
            }
            attempts.add(new Attempt(Integer.parseInt(entry.get("attempt")), entry, statements, outcome));
        }
        return attempts;
    }

    /** A journal time (ISO-8601 UTC) as a report prints it: 2026-11-24 17:32:01 UTC. */
    public static String time(String iso) {
        return java.time.Instant.parse(iso).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                .replace('T', ' ').replace("Z", " UTC");
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : "; note: " + note;
    }

    private static Long number(JournalEntry entry, String key) {
        String value = entry == null ? null : entry.get(key);
        return value == null ? null : Long.valueOf(value);
    }
}
