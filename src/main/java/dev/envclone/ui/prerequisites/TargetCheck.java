package dev.envclone.ui.prerequisites;

import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.db.UrlSecrets;
import dev.envclone.db.CancelToken;
import dev.envclone.db.ProgressListener;
import dev.envclone.db.StepPreview;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.run.GuardException;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunSession;
import dev.envclone.sql.RefusedTableException;
import dev.envclone.ui.RunContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The live check of the target, on the worker thread: connect (the run's guards refuse a database that is not a
 * platform database, or is the source), say which database it is, count what the cleanup steps will change (the
 * first stage, prepare: each count is recorded as a preview), and whether the source's fingerprint is known.
 */
final class TargetCheck {
    static final String NO_FINGERPRINT = "Source fingerprint: not recorded: the run cannot refuse the source by "
            + "fingerprint; test the source under Source database below and record it (or: envclone fingerprint "
            + "--target SOURCE --run-dir RUN).";

    static final String RECORDED = "Source fingerprint recorded: ";

    static final String NOT_THE_SOURCE = "It is not the source: the run refuses the source's recorded fingerprint ";

    private final RunContext context;
    private final String url;
    private final String user;

    TargetCheck(RunContext context, String url, String user) {
        this.context = context;
        this.url = JdbcUrlTarget.withoutSecrets(url);
        this.user = user;
    }

    List<Finding> run(ProgressListener progress, CancelToken cancel) throws Exception {
        RunFolder run = context.run();
        List<Finding> findings = new ArrayList<>();
        if (context.hasSource() && cloneOpen(context)) {
            return beforeTheClone(run);
        }
        RunSession session;
        try {
            session = context.session();
        } catch (GuardException e) {
            findings.add(Finding.problem("The target was refused: " + e.getMessage()));
            findings.add(fingerprint(run, false));
            return findings;
        } catch (Exception e) {
            if (!TargetSession.fromDatabase(e)) {
                throw e;
            }
            findings.add(Finding.problem("Could not connect to " + url + ": " + UrlSecrets.mask(e.getMessage())));
            findings.add(fingerprint(run, false));
            return findings;
        }
        findings.add(Finding.ok("Connected to " + url + (user == null || user.isBlank() ? "" : " as " + user)
                + "."));
        String target = run.journal().entries().stream().filter(e -> e.event() == JournalEvent.TARGET_CHECKED)
                .reduce((first, second) -> second).map(e -> e.get("fingerprint")).orElse("?");
        findings.add(Finding.ok("It is an OutSystems platform database: " + target + "."));
        findings.add(fingerprint(run, true));
        if (context.targetWarning() != null) {
            findings.add(Finding.info(context.targetWarning()));
        }
        for (String line : context.recovered()) {
            findings.add(Finding.info("Found after an interruption: " + line));
        }
        findings.addAll(carried(session, progress, cancel));
        return findings;
    }

    /** Counts each cleanup step's rows: what the clone carries from the source that the steps will change. */
    private List<Finding> carried(RunSession session, ProgressListener progress, CancelToken cancel)
            throws Exception {
        List<Finding> findings = new ArrayList<>();
        List<Step> steps = ProcedureCatalog.cleanupSteps(context.run().plan());
        long total = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            progress.progress("Counting: " + step.title(), i, steps.size());
            StepPreview preview;
            try {
                preview = session.preview(step, cancel);
            } catch (RefusedTableException e) {
                // A table name read from the target failed its checks: this step would be refused; say so and
                // count the others.
                findings.add(Finding.problem(session.number(step) + ". " + step.title() + ": refused: "
                        + e.getMessage()));
                continue;
            }
            total += preview.total();
            findings.add(Finding.info(session.number(step) + ". " + step.title() + ": " + rows(preview.total())
                    + (preview.blockedBy() == null ? "" : " (blocked now: " + preview.blockedBy() + ")")));
        }
        findings.add(0, Finding.info("The clone carries " + rows(total) + " that the " + steps.size()
                + " cleanup steps will change:"));
        return findings;
    }

    /** With a source, the target is made by the clone steps: until they are done there is no target to check. */
    private static boolean cloneOpen(RunContext context) throws Exception {
        RunFolder run = context.run();
        return context.cloneSteps().steps().stream().anyMatch(step -> !run.state().of(step.id()).finished());
    }

    /** The source, read through the clone's route (never changed); the target is checked once it is made. */
    private List<Finding> beforeTheClone(RunFolder run) throws Exception {
        List<Finding> findings = new ArrayList<>();
        String read = context.cloneRoute().sourceFingerprint();
        findings.add(Finding.ok("Source read (never changed) through " + context.cloneRoute().name() + ": " + read
                + "."));
        findings.add(read.equals(run.sourceFingerprint()) ? Finding.ok("It is the source the run was started from.")
                : Finding.problem("It is not the source the run was started from (" + run.sourceFingerprint()
                        + "): give that source's URL on the plan page."));
        findings.add(Finding.info("The target " + url + " is made by the clone steps from the source; it is "
                + "checked (a platform database, not the source) once they are done."));
        return findings;
    }

    private static String rows(long count) {
        return count + (count == 1 ? " row" : " rows");
    }

    /** Whether the run can tell the source apart; once connected, the guards have already done so. */
    private static Finding fingerprint(RunFolder run, boolean connected) {
        String source = run.sourceFingerprint();
        if (source == null) {
            return Finding.problem(NO_FINGERPRINT);
        }
        return connected ? Finding.ok(NOT_THE_SOURCE + "(" + source + ").")
                : Finding.info(RECORDED + source + ".");
    }
}
