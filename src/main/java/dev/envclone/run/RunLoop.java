package dev.envclone.run;

import dev.envclone.db.CancelToken;
import dev.envclone.db.ProgressListener;
import dev.envclone.db.StepBlockedException;
import dev.envclone.db.StepFailedException;
import dev.envclone.db.StepPreview;
import dev.envclone.db.StepResult;
import dev.envclone.procedure.Step;
import dev.envclone.sql.RefusedTableException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run as a whole, the same for the command line and any other face: open (guards, recovery of a step left in
 * doubt, the postconditions of the steps already done), then prepare every chosen step or execute them, then check
 * every postcondition again. What happens is told line by line through {@link Report}; how it ended is the
 * returned {@link Result}.
 */
public final class RunLoop {
    private static final Logger LOG = LoggerFactory.getLogger(RunLoop.class);

    /** Receives one line for the operator per thing that happened (a step done, a recovery, a finding). */
    public interface Report {
        void line(String text);
    }

    /** How a run ended. */
    public enum Outcome {
        DONE, PREPARED, STEP_FAILED, BLOCKED,
        /** A name read from the database failed its checks: nothing of the step ran. */
        REFUSED,
        EFFECT_MISSING
    }

    /**
     * @param step the step it ended at, or null
     * @param message what went wrong, or null when it did not
     * @param statement the failing statement ({@link Outcome#STEP_FAILED}), or null
     */
    public record Result(Outcome outcome, Step step, String message, String statement) {
    }

    private final RunSession session;
    private final RunFolder run;

    public RunLoop(RunSession session, RunFolder run) {
        this.session = session;
        this.run = run;
    }

    /**
     * Checks the target (refusing the wrong one), settles a step left in doubt, and checks that every step the
     * journal calls done still has its effect in the database; a step whose effect is missing is reopened. Reports
     * each recovery and each missing effect.
     *
     * @return the target's fingerprint
     */
    public String open(String sourceFingerprint, CancelToken cancel, Report report)
            throws SQLException, IOException, GuardException, CancelToken.CancelledException {
        String fingerprint = session.checkTarget(sourceFingerprint);
        session.recover().forEach(line -> report.line("Recovered " + line));
        for (PostconditionCheck check : session.checkPostconditions("opened", cancel)) {
            if (check.outcome() == PostconditionCheck.Outcome.EFFECT_MISSING) {
                report.line(line(check.step(), "recorded as done, but its " + check.detail()
                        + "; the database lost or undid it, so it runs again"));
            }
        }
        String saved = session.saveDatabaseConnections(fingerprint);
        if (saved != null) {
            report.line(saved);
        }
        return fingerprint;
    }

    /** First stage: counts what each chosen step that is not finished would change, and records it. */
    public Result prepare(List<Step> chosen, CancelToken cancel, Report report)
            throws SQLException, IOException, CancelToken.CancelledException {
        RunState state = run.state();
        for (Step step : chosen) {
            if (!state.of(step.id()).finished()) {
                StepPreview preview = session.preview(step, cancel);
                String rows = preview.total() == 0 ? "nothing to do (the clone carries no rows for it)"
                        : preview.total() + " rows to change";
                report.line(line(step, rows + (preview.blockedBy() != null ? " (blocked: " + preview.blockedBy()
                        + ")" : "")));
            }
        }
        session.prepared();
        LOG.info("Run {} prepared: {} steps chosen", run.folder(), chosen.size());
        return new Result(Outcome.PREPARED, null, null, null);
    }

    /**
     * Second stage: executes every chosen step that is not finished, each in its own transaction, stopping at the
     * first that fails or is blocked; then (also after such a stop) measures every finished step's effect. A step
     * whose effect is missing then runs once more; if it is still missing, the run ends
     * {@link Outcome#EFFECT_MISSING}, never done.
     */
    public Result execute(List<Step> chosen, CancelToken cancel, ProgressListener progress, Report report)
            throws SQLException, IOException, CancelToken.CancelledException {
        LOG.info("Run {}: executing {} chosen steps", run.folder(), chosen.size());
        Result result = executeUntilSettled(chosen, cancel, progress, report);
        if (result.outcome() == Outcome.DONE) {
            LOG.info("Run {} done: every chosen step's effect is in the database", run.folder());
        } else {
            LOG.warn("Run {} ended {}: {}", run.folder(), result.outcome(), result.message());
        }
        return result;
    }

    private Result executeUntilSettled(List<Step> chosen, CancelToken cancel, ProgressListener progress,
                                       Report report)
            throws SQLException, IOException, CancelToken.CancelledException {
        for (int pass = 1; ; pass++) {
            Result stopped = executePending(chosen, cancel, progress, report);
            // Measured at the end of every run, also one that stopped at a failed or blocked step.
            List<PostconditionCheck> missing = missingEffects(cancel, report);
            if (stopped != null) {
                return stopped;
            }
            if (missing.isEmpty()) {
                return new Result(Outcome.DONE, null, null, null);
            }
            List<PostconditionCheck> ranAgain = missing.stream().filter(m -> chosen.contains(m.step())).toList();
            if (pass == 1 && !ranAgain.isEmpty()) {
                continue; // each chosen step whose effect is missing runs once more
            }
            PostconditionCheck first = ranAgain.isEmpty() ? missing.get(0) : ranAgain.get(0);
            return new Result(Outcome.EFFECT_MISSING, first.step(), line(first.step(), first.detail()
                    + (ranAgain.isEmpty() ? ": run it again with --steps " + first.step().id()
                    : " after it ran again: something else writes to that table (is the platform running?)")),
                    null);
        }
    }

    private List<PostconditionCheck> missingEffects(CancelToken cancel, Report report)
            throws SQLException, IOException, CancelToken.CancelledException {
        List<PostconditionCheck> missing = new ArrayList<>();
        for (PostconditionCheck check : session.checkPostconditions("end", cancel)) {
            if (check.outcome() == PostconditionCheck.Outcome.EFFECT_MISSING) {
                missing.add(check);
                report.line(line(check.step(), check.detail()));
            }
        }
        return missing;
    }

    private Result executePending(List<Step> chosen, CancelToken cancel, ProgressListener progress, Report report)
            throws SQLException, IOException, CancelToken.CancelledException {
        for (Step step : chosen) {
            StepState state = run.state().of(step.id());
            if (state.finished()) {
                report.line(line(step, state.label() + " already"));
                continue;
            }
            try {
                StepResult result = session.execute(step, cancel, progress);
                long changed = result.changed().stream().mapToLong(Integer::longValue).sum();
                report.line(line(step, "done, " + changed + " rows changed"));
            } catch (StepFailedException e) {
                return new Result(Outcome.STEP_FAILED, step, line(step, e.getMessage()), e.statement());
            } catch (StepBlockedException e) {
                return new Result(Outcome.BLOCKED, step, line(step, "blocked: " + e.getMessage()), null);
            } catch (RefusedTableException e) {
                return new Result(Outcome.REFUSED, step, line(step, e.getMessage()), null);
            } catch (IOException e) {
                // The file is in the message; the step is what the operator looks for in the checklist.
                throw new IOException(line(step, e.getMessage()), e);
            }
        }
        return null;
    }

    private String line(Step step, String what) {
        return "Step " + session.number(step) + " " + step.id() + ": " + what;
    }
}
