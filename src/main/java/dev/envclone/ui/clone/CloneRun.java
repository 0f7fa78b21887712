package dev.envclone.ui.clone;

import dev.envclone.clone.CloneAction;
import dev.envclone.clone.CloneListener;
import dev.envclone.db.CancelToken;
import dev.envclone.db.ProgressListener;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.run.CloneSteps;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunState;
import dev.envclone.ui.RunContext;
import dev.envclone.run.StepState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The clone's work for the worker thread: what the route will do (read once from the source), and the run of
 * every pending clone step through the engine's {@link CloneSteps}, the same as {@code envclone run --source}.
 * It reports to the page through {@link Events}, which the view model hands to the UI thread.
 */
final class CloneRun {
    private CloneRun() {
    }

    /** What one action is, for its row. */
    record Planned(String stepId, String title, String description, boolean finished) {
    }

    /** What the run reports while it works; called on the worker thread. */
    interface Events {
        void progress(String message, int done, int total);

        void logLine(String line);

        /** A line for the operator (a step done, a recovery), with the steps finished by now. */
        void reported(String line, Set<String> finished);

        /** Every step's state as the journal has it now, and the clone step under way (or null). */
        void states(Map<String, StepState> states, String running);
    }

    /** The route's actions for the run's plan, in order, each with its step's number and title. */
    static List<Planned> planned(RunContext context) throws Exception {
        RunFolder run = context.run();
        List<Step> steps = ProcedureCatalog.stepsFor(run.plan());
        RunState state = run.state();
        return context.cloneRoute().actions().stream().map(action -> planned(action, steps, state)).toList();
    }

    private static Planned planned(CloneAction action, List<Step> steps, RunState state) {
        Step step = steps.stream().filter(s -> s.id().equals(action.stepId())).findFirst().orElseThrow();
        return new Planned(step.id(), (steps.indexOf(step) + 1) + ". " + step.title(), action.describe(),
                state.of(step.id()).finished());
    }

    /** Runs every pending clone step; the status bar gets the progress too. */
    static CloneSteps.Result run(RunContext context, Events events, ProgressListener status, CancelToken cancel)
            throws Exception {
        CloneSteps steps = context.cloneSteps();
        RunFolder run = context.run();
        List<Step> all = ProcedureCatalog.stepsFor(run.plan());
        CloneListener listener = new CloneListener() {
            private String shown;

            @Override
            public void progress(String message, int done, int total) {
                status.progress(message, done, total);
                events.progress(message, done, total);
                // The step list follows the journal, read here on the thread that writes it: once per step.
                String now = underWay(run, steps);
                if (now != null && !now.equals(shown)) {
                    shown = now;
                    events.states(states(run, all), now);
                }
            }

            @Override
            public void logLine(String line) {
                events.logLine(line);
            }
        };
        return steps.run(cancel, listener, line -> {
            events.reported(line, finished(run, steps));
            events.states(states(run, all), underWay(run, steps));
        });
    }

    /** The first clone step that is not finished: the one the engine carries out now. */
    private static String underWay(RunFolder run, CloneSteps steps) {
        RunState state = run.state();
        return steps.steps().stream().map(Step::id).filter(id -> !state.of(id).finished()).findFirst()
                .orElse(null);
    }

    private static Map<String, StepState> states(RunFolder run, List<Step> all) {
        RunState state = run.state();
        return all.stream().collect(Collectors.toMap(Step::id, s -> state.of(s.id()), (a, b) -> a));
    }

    private static Set<String> finished(RunFolder run, CloneSteps steps) {
        RunState state = run.state();
        return steps.steps().stream().map(Step::id).filter(id -> state.of(id).finished())
                .collect(Collectors.toSet());
    }

}
