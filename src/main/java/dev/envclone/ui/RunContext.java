package dev.envclone.ui;

import dev.envclone.db.TargetLock;
import dev.envclone.db.TargetSession;
import dev.envclone.run.GuardException;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunLoop;
import dev.envclone.run.RunSession;
import dev.envclone.db.CancelToken;
import dev.envclone.run.TargetHold;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run folder joined to its target database: the connection is opened, the target checked by the run's guards and
 * any step left in doubt settled, once, on the first database job; after that every job reuses the session. Only the
 * wizard's worker thread calls it. The password lives here, in memory, and nowhere else.
 */
public final class RunContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunContext.class);

    private final RunFolder run;
    private final String url;
    private final String user;
    private final char[] password;
    private final String operator;
    private TargetSession target;
    private TargetLock targetLock;
    private RunSession session;
    private List<String> recovered = List.of();

    public RunContext(RunFolder run, String url, String user, char[] password, String operator) {
        this.run = run;
        this.url = url;
        this.user = user;
        this.password = password == null ? new char[0] : password.clone();
        this.operator = operator;
    }

    public RunFolder run() {
        return run;
    }

    public String operator() {
        return operator;
    }

    /**
     * The session, connected and checked: a refused target throws {@link GuardException} and opens nothing; a
     * database failure is one that {@link TargetSession#fromDatabase} recognises.
     */
    public synchronized RunSession session() throws Exception {
        if (session == null) {
            TargetSession opened = RunSession.openTarget(run.plan(), url, user, password);
            try {
                // Held for as long as this session is open; it ends with the connection in any case.
                targetLock = TargetHold.hold(run, opened, operator, WizardViewModel.WIZARD);
                RunSession candidate = new RunSession(run, opened, operator);
                List<String> found = new java.util.ArrayList<>();
                new RunLoop(candidate, run).open(null, new CancelToken(), found::add);
                recovered = List.copyOf(found);
                target = opened;
                session = candidate;
            } catch (CancelToken.CancelledException e) {
                targetLock = null;
                opened.close();
                throw new IllegalStateException("a fresh token cannot be cancelled", e);
            } catch (Exception e) {
                targetLock = null;
                try {
                    opened.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }
        return session;
    }

    /** Null when the target is locked for this session; otherwise why not (also in the journal). */
    public synchronized String targetWarning() {
        return targetLock == null ? null : targetLock.warning();
    }

    /** What the first connection found of steps left in doubt by an earlier interruption, one line each. */
    public synchronized List<String> recovered() {
        return recovered;
    }

    @Override
    public synchronized void close() {
        if (target != null) {
            try {
                target.rollback(); // before the release, which commits
                targetLock.close();
            } catch (Exception e) {
                // Closing after the work is done: the session's end below releases the lock all the same.
                LOG.info("Rollback or target lock release failed on close ({}); closing the connection ends "
                        + "both", e.getMessage());
            } finally {
                try {
                    target.close(); // gives autocommit back and closes
                } catch (Exception e) {
                    // Nothing left to keep or lose.
                    LOG.debug("Closing the target connection failed ({}); nothing was left to keep",
                            e.getMessage());
                }
            }
        }
        target = null;
        targetLock = null;
        session = null;
        java.util.Arrays.fill(password, '\0');
    }
}
