package dev.envclone.run;

import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a source fingerprint may be recorded into a run that was created without one. The fingerprint is the guard
 * that keeps the cleanup off the source, so it is taken as a DBA would take it:
 * <ul>
 * <li>one source per run: a run that knows its source (at creation, from the plan or recorded) keeps it; another
 * fingerprint is refused, the same one again changes nothing;</li>
 * <li>never a target of this run: a fingerprint this run already accepted as its target is refused (the "source"
 * connection names the target, or the target is the source: either way it must be looked at, not recorded);</li>
 * <li>before the cleanup only: once a cleanup step has started (or a DBA did one by hand), the steps already run
 * were not guarded by it, and the run is held to its checked target anyway; recording it then would protect
 * nothing, and the report would read as if it had guarded every step.</li>
 * </ul>
 */
final class SourceFingerprintRule {
    private SourceFingerprintRule() {
    }

    /**
     * @return false when the run already has exactly this fingerprint (nothing to record)
     * @throws GuardException naming the rule and what to do
     */
    static boolean check(RunFolder run, String fingerprint) throws GuardException {
        String known = run.sourceFingerprint();
        if (known != null) {
            if (known.equals(fingerprint)) {
                return false;
            }
            throw new GuardException("This run's source is " + known + "; the database read is " + fingerprint
                    + ". A run has one source: connect to the source this run was made from, or start a new run.");
        }
        List<JournalEntry> entries = run.journal().entries();
        boolean target = entries.stream().anyMatch(e -> e.event() == JournalEvent.TARGET_CHECKED
                && fingerprint.equals(e.get("fingerprint")));
        if (target) {
            throw new GuardException("The database read, " + fingerprint + ", is this run's target: the source "
                    + "connection names the target (or the target is the source). Check the source's URL; if the "
                    + "target really is the source, stop and ask the DBA.");
        }
        Set<String> cleanup = ProcedureCatalog.cleanupSteps(run.plan()).stream().map(Step::id)
                .collect(Collectors.toSet());
        JournalEntry begun = entries.stream().filter(e -> e.step() != null && cleanup.contains(e.step())
                && touchesTarget(e.event())).findFirst().orElse(null);
        if (begun != null) {
            throw new GuardException("The cleanup has begun (step " + begun.step() + ", " + begun.time() + "): a "
                    + "source fingerprint recorded now would not have guarded the steps already run, and the run "
                    + "is held to the target it checked. It is not recorded; the report shows the run had none.");
        }
        return true;
    }

    /** The entries that say a cleanup step's statements ran (or may have) on some database. */
    private static boolean touchesTarget(JournalEvent event) {
        return switch (event) {
            case STEP_STARTED, STEP_EXECUTED, STEP_FAILED, STEP_RECOVERED, DONE_BY_DBA -> true;
            default -> false;
        };
    }
}
