package dev.envclone.run;

import dev.envclone.clone.CloneAction;
import dev.envclone.clone.CloneFailedException;
import dev.envclone.clone.CloneListener;
import dev.envclone.clone.CloneRoute;
import dev.envclone.db.CancelToken;
import dev.envclone.files.FileWriteException;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan's clone steps that a {@link CloneRoute} carries out, each a journaled step like a cleanup step:
 * {@code STEP_STARTED} with the facts a recovery needs (before the first change), {@code CLONE_PROGRESS} at every
 * tenth of the way (at most one a second: {@link #PROGRESS_EVERY}), {@code STEP_EXECUTED} with the result's facts, {@code STEP_FAILED} with the message and the
 * state the target is left in, {@code STEP_RECOVERED} when a step was under way as the process ended. A finished
 * step is not run again; a step left in doubt is settled by its action's {@link CloneAction#recover} first. Before
 * the first action runs, every pending action's {@link CloneAction#check} has passed.
 *
 * <p>The same for the command line and the wizard; it prints nothing: lines for the operator go to the
 * {@link RunLoop.Report}, progress and the server's or tool's log lines to the {@link CloneListener}, and the log
 * lines also to the run's log file.
 */
public final class CloneSteps {
    private static final Logger LOG = LoggerFactory.getLogger(CloneSteps.class);

    /** How the clone steps ended. */
    public enum Outcome {
        /** Every clone step the route has an action for is finished. */
        DONE,
        /** A check refused before any action of this call ran: nothing was changed. */
        REFUSED,
        /** An action failed; {@link Result#left()} says what it left. */
        FAILED,
        /** The operator cancelled; {@link Result#left()} says what it left. */
        CANCELLED
    }

    /**
     * @param step the step it ended at, or null when done
     * @param message what went wrong and what to do, or null
     * @param left the state the target is left in, or null
     */
    public record Result(Outcome outcome, Step step, String message, String left) {
    }

    private final RunFolder run;
    private final CloneRoute route;
    private final String operator;
    private final List<Step> procedure;
    private final long progressEvery;

    /**
     * A progress entry costs three forced writes (the journal, its head, the folder): a step that is over in a
     * second journals none, a restore of an hour one at each tenth.
     */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    public CloneSteps(RunFolder run, CloneRoute route, String operator) {
        this(run, route, operator, PROGRESS_EVERY);
    }

    /** @param progressEvery the least time between two progress entries of a step (tests: zero) */
    CloneSteps(RunFolder run, CloneRoute route, String operator, Duration progressEvery) {
        this.progressEvery = progressEvery.toNanos();
        this.run = run;
        this.route = route;
        this.operator = FreeText.requireOneLine("operator", operator);
        this.procedure = ProcedureCatalog.stepsFor(run.plan());
        for (CloneAction action : route.actions()) {
            step(action);
        }
    }

    /** The clone steps the route carries out, in the plan's order; the others stay manual (done by DBA). */
    public List<Step> steps() {
        return route.actions().stream().map(this::step).toList();
    }

    /**
     * Every action's check, for a run whose folder is not made yet: a refused start leaves nothing behind.
     *
     * @throws CloneFailedException the first check that refused, naming what to do
     */
    public static void checkAll(CloneRoute route, CancelToken cancel)
            throws CloneFailedException, CancelToken.CancelledException {
        for (CloneAction action : route.actions()) {
            action.check(cancel);
        }
    }

    /**
     * The source's fingerprint, as read from the source ({@link CloneRoute#sourceFingerprint}), must be the one the
     * operator gave, the plan records and (resuming) the run recorded; otherwise the run would clone or clean
     * against another database than the one checked before the window.
     *
     * @param given {@code --source-fingerprint} or the wizard's field, or null
     * @param resumed the run being resumed, or null for a new one
     * @throws GuardException naming which fingerprint disagrees and what the source reads
     */
    public static void checkSourceFingerprint(CloneRoute route, String given, MigrationPlan plan, RunFolder resumed)
            throws GuardException {
        String read = route.sourceFingerprint();
        agree("--source-fingerprint", given, read);
        agree("the plan's source fingerprint", plan.sourceFingerprint(), read);
        if (resumed != null) {
            agree("the run's source fingerprint", resumed.sourceFingerprint(), read);
        }
    }

    private static void agree(String what, String given, String read) throws GuardException {
        if (given != null && !given.equals(read)) {
            throw new GuardException(what + " " + given + " is not the source's: --source reads " + read + ". Give "
                    + "the source the fingerprint was taken from, or leave out the fingerprint given.");
        }
    }

    /**
     * Settles each clone step left in doubt by a crash, as its action finds the files or the target: done (not
     * run again) or not (its partial files removed; it runs again). Journals each finding.
     *
     * @return one line per step settled, for the operator
     */
    public List<String> recover() throws IOException {
        List<String> found = new ArrayList<>();
        for (CloneAction action : route.actions()) {
            Step step = step(action);
            RunState state = run.state();
            boolean settle = state.of(step.id()) == StepState.IN_DOUBT
                    || (state.of(step.id()) == StepState.FAILED && "true".equals(state.lastEntry(step.id())
                    .get("settle")));
            if (!settle) {
                continue;
            }
            Map<String, String> started = lastStarted(step.id());
            CloneAction.Recovery recovery;
            try {
                recovery = action.recover(started);
            } catch (CloneFailedException e) {
                throw new IOException(line(step, "cannot settle it: " + e.getMessage() + " (" + e.left() + ")"), e);
            }
            Map<String, String> data = new LinkedHashMap<>();
            data.put("committed", String.valueOf(recovery.done()));
            data.put("state", recovery.state());
            run.journal().append(JournalEvent.STEP_RECOVERED, step.id(), operator, data);
            LOG.info("Clone step {} {} was under way when the process ended: {}", number(step), step.id(),
                    recovery.state());
            found.add(step.id() + ": " + recovery.state());
        }
        return found;
    }

    /**
     * Recovers what a crash left, checks every pending action, then runs them in order, stopping at the first that
     * fails or is cancelled.
     *
     * @param listener progress (0 to 100, or total 0 where no fraction is known) and log lines, as they come; called
     *     from the thread that runs this, and while a backup runs also from a timer thread
     */
    public Result run(CancelToken cancel, CloneListener listener, RunLoop.Report report) throws IOException {
        recover().forEach(text -> report.line("Recovered " + text));
        List<CloneAction> pending = new ArrayList<>();
        for (CloneAction action : route.actions()) {
            StepState state = run.state().of(action.stepId());
            if (state.finished()) {
                report.line(line(step(action), state.label() + " already"));
            } else {
                pending.add(action);
            }
        }
        for (CloneAction action : pending) {
            try {
                action.check(cancel);
            } catch (CloneFailedException e) {
                run.journal().append(JournalEvent.STEP_BLOCKED, action.stepId(), operator,
                        Map.of("message", e.getMessage()));
                LOG.warn("Clone step {} refused by its check: {}", action.stepId(), e.getMessage());
                return new Result(e.cancelled() ? Outcome.CANCELLED : Outcome.REFUSED, step(action),
                        line(step(action), e.getMessage()), e.left());
            } catch (CancelToken.CancelledException e) {
                return new Result(Outcome.CANCELLED, step(action), line(step(action), e.getMessage()),
                        "nothing was changed");
            }
        }
        for (CloneAction action : pending) {
            Result stopped = runOne(action, cancel, listener, report);
            if (stopped != null) {
                return stopped;
            }
        }
        return new Result(Outcome.DONE, null, null, null);
    }

    private Result runOne(CloneAction action, CancelToken cancel, CloneListener listener, RunLoop.Report report)
            throws IOException {
        Step step = step(action);
        int attempt = RunState.attempts(run.journal().entries(), step.id()) + 1;
        FaultPoints.reached(step.id(), "before", run.folder());
        LOG.info("Clone step {} {} (attempt {}): {}", number(step), step.id(), attempt, action.describe());
        Map<String, String> facts;
        boolean[] started = {false};
        try {
            facts = action.run(given -> {
                Map<String, String> data = new LinkedHashMap<>(given);
                data.put("attempt", String.valueOf(attempt));
                data.put("route", route.name());
                data.put("action", action.describe());
                data.put("source.fingerprint", route.sourceFingerprint());
                run.journal().append(JournalEvent.STEP_STARTED, step.id(), operator, data);
                started[0] = true;
                FaultPoints.reached(step.id(), "started", run.folder());
            }, new Journaled(step, listener), cancel);
        } catch (CloneFailedException e) {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("message", e.getMessage());
            data.put("left", e.left());
            data.put("cancelled", String.valueOf(e.cancelled()));
            run.journal().append(JournalEvent.STEP_FAILED, step.id(), operator, data);
            LOG.warn("Clone step {} {} {}: {} Left: {}", number(step), step.id(), e.cancelled() ? "cancelled"
                    : "failed", e.getMessage(), e.left(), e);
            return new Result(e.cancelled() ? Outcome.CANCELLED : Outcome.FAILED, step, line(step, e.getMessage()),
                    e.left());
        } catch (IOException | RuntimeException e) {
            if (started[0]) {
                // What the files are in is not known here: the next run settles it by the action's recovery.
                String message = e instanceof IOException io ? FileWriteException.describe(io) : String.valueOf(e);
                run.journal().append(JournalEvent.STEP_FAILED, step.id(), operator, Map.of("message", message,
                        "left", "not known: the next run settles it before it goes on", "settle", "true"));
            }
            LOG.error("Clone step {} {} stopped on an error", number(step), step.id(), e);
            throw e;
        }
        FaultPoints.reached(step.id(), "finished", run.folder());
        run.journal().append(JournalEvent.STEP_EXECUTED, step.id(), operator, facts);
        LOG.info("Clone step {} {} done: {}", number(step), step.id(), facts);
        report.line(line(step, "done (" + action.describe() + ")"));
        return null;
    }

    /** Passes progress on, journals it at each tenth, keeps the log lines in the run's log file. */
    private final class Journaled implements CloneListener {
        private final Step step;
        private final CloneListener listener;
        private int tenths;
        private long journaled = System.nanoTime();

        Journaled(Step step, CloneListener listener) {
            this.step = step;
            this.listener = listener;
        }

        @Override
        public void progress(String message, int done, int total) {
            listener.progress(message, done, total);
            if (total <= 0) {
                return;
            }
            int now = (int) Math.min(10, (long) done * 10 / total);
            if (now <= tenths) {
                return;
            }
            tenths = now;
            LOG.info("Clone step {} {}: {} % ({})", number(step), step.id(), now * 10, message);
            if (System.nanoTime() - journaled >= progressEvery) {
                journaled = System.nanoTime();
                try {
                    run.journal().append(JournalEvent.CLONE_PROGRESS, step.id(), operator, Map.of("percent",
                            String.valueOf(now * 10), "message", message));
                } catch (IOException e) {
                    // The journal's own failure shows at the step's end entry; progress is not worth stopping for.
                    LOG.warn("Clone step {}: progress not journaled: {}", step.id(), e.getMessage());
                }
            }
            FaultPoints.reached(step.id(), "progress-" + now * 10, run.folder());
        }

        @Override
        public void logLine(String line) {
            LOG.info("Clone step {} {}: {}", number(step), step.id(), line);
            listener.logLine(line);
        }
    }

    private Map<String, String> lastStarted(String stepId) {
        Map<String, String> started = null;
        for (JournalEntry entry : run.journal().entries()) {
            if (stepId.equals(entry.step()) && entry.event() == JournalEvent.STEP_STARTED) {
                started = entry.data();
            }
        }
        return started == null ? Map.of() : started;
    }

    private Step step(CloneAction action) {
        return procedure.stream().filter(s -> s.id().equals(action.stepId())).findFirst().orElseThrow(() ->
                new IllegalArgumentException("the route's action " + action.stepId() + " is not a step of this "
                        + "plan"));
    }

    private int number(Step step) {
        return procedure.indexOf(step) + 1;
    }

    private String line(Step step, String what) {
        return "Step " + number(step) + " " + step.id() + ": " + what;
    }
}
