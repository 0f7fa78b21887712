package dev.envclone.ui.prerequisites;

import dev.envclone.clone.CloneFailedException;
import dev.envclone.clone.CloneRoutes;
import dev.envclone.db.CancelToken;
import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.db.ProgressListener;
import dev.envclone.db.TargetInspection;
import dev.envclone.db.TargetProbe;
import dev.envclone.db.TargetSession;
import dev.envclone.db.UrlSecrets;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunFolder;
import java.util.Arrays;

/**
 * The Source database panel's Test, on the worker thread: reads the source's fingerprint as {@code envclone
 * fingerprint} does ({@link TargetProbe}: a read-only session set up as a run's), and says whether it can be the
 * run's source: a platform database, not the run's target (by URL and by fingerprint), and not another source than
 * the one the run knows. Changes nothing anywhere.
 */
final class SourceProbe {
    /**
     * @param fingerprint what Record would journal; null when the source may not be recorded
     * @param ok whether the text is good news
     */
    record Outcome(boolean ok, String fingerprint, String text) {
    }

    private final RunFolder run;
    private final String url;
    private final String user;
    private final char[] password;
    private final String targetUrl;

    /** @param password copied, and the copy cleared once read */
    SourceProbe(RunFolder run, String url, String user, char[] password, String targetUrl) {
        this.run = run;
        this.url = url.strip();
        this.user = user == null || user.isBlank() ? null : user.strip();
        this.password = password.clone();
        this.targetUrl = targetUrl;
    }

    Outcome run(ProgressListener progress, CancelToken cancel) throws Exception {
        String shown = JdbcUrlTarget.withoutSecrets(url);
        try {
            if (namesTheTarget()) {
                return refused("The source URL names the target's database (" + JdbcUrlTarget.withoutSecrets(
                        targetUrl) + "): give the URL of the source, the environment the clone was taken from.");
            }
            progress.progress("Reading the source's fingerprint", 0, 1);
            TargetInspection.Facts facts;
            try {
                facts = TargetProbe.inspect(url, user, password, run.plan().dbms(), run.sourceAdminSchema())
                        .facts();
            } catch (Exception e) {
                if (!TargetSession.fromDatabase(e)) {
                    throw e;
                }
                return refused("Could not read the source " + shown + ": " + UrlSecrets.mask(String.valueOf(
                        e.getMessage())));
            }
            cancel.check();
            return judge(facts);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private Outcome judge(TargetInspection.Facts facts) {
        String read = facts.fingerprint();
        if (!facts.platformDatabase()) {
            return refused("Read " + read + ": not an OutSystems platform database (its ossys_ tables are missing"
                    + switch (run.plan().dbms()) {
                        case SQLSERVER -> "): check the catalog the URL names.";
                        case ORACLE -> " in schema " + run.sourceAdminSchema() + "): check the database the URL "
                                + "names and the source's admin user.";
                    });
        }
        String target = run.journal().entries().stream().filter(e -> e.event() == JournalEvent.TARGET_CHECKED)
                .reduce((first, second) -> second).map(e -> e.get("fingerprint")).orElse(null);
        if (read.equals(target)) {
            return refused("Refused: " + read + " is this run's target, not its source: the URL reaches the "
                    + "target. Give the URL of the source, the environment the clone was taken from.");
        }
        String known = run.sourceFingerprint();
        if (known != null) {
            return known.equals(read) ? new Outcome(true, null, "Read " + read + ": it is this run's source, "
                    + "recorded already.")
                    : refused("Read " + read + ": it is not this run's source (" + known + "). A run has one "
                            + "source: connect to that one.");
        }
        return new Outcome(true, read, "Read " + read + ": an OutSystems platform database, "
                + (target == null ? "not checked against the target yet (Check the target compares them)"
                : "not the target (" + target + ")") + ". Record makes the run refuse it as its target.");
    }

    /** Whether the two URLs name one database (the clone's rule: the same H2 file, or server, port and database). */
    private boolean namesTheTarget() {
        if (targetUrl == null || targetUrl.isBlank()) {
            return false;
        }
        try {
            CloneRoutes.refuseTargetIsSource(url, targetUrl);
            return false;
        } catch (CloneFailedException e) {
            return true;
        } catch (IllegalArgumentException e) {
            // The target's URL was checked when the run was made; one that cannot be compared is left to the
            // fingerprint, read next.
            return false;
        }
    }

    private static Outcome refused(String text) {
        return new Outcome(false, null, text);
    }
}
