package dev.envclone.ui;

import dev.envclone.clone.CloneFailedException;
import dev.envclone.clone.CloneRoute;
import dev.envclone.clone.CloneRoutes;
import dev.envclone.clone.EnvironmentPasswords;
import dev.envclone.db.TargetLock;
import dev.envclone.db.TargetSession;
import dev.envclone.run.CloneSteps;
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
    private final CloneRoutes.Source source;
    private CloneRoute route;
    private TargetSession target;
    private TargetLock targetLock;
    private RunSession session;
    private List<String> recovered = List.of();

    public RunContext(RunFolder run, String url, String user, char[] password, String operator) {
        this(run, url, user, password, operator, null);
    }

    /** @param source the source connection the clone steps read, or null: they stay manual (done by DBA) */
    public RunContext(RunFolder run, String url, String user, char[] password, String operator,
                      CloneRoutes.Source source) {
        this.run = run;
        this.url = url;
        this.user = user;
        this.password = password == null ? new char[0] : password.clone();
        this.operator = operator;
        this.source = source;
    }

    /** True when the run has a source connection: the clone steps run here. */
    public boolean hasSource() {
        return source != null;
    }

    /**
     * The clone's route from the source onto the target, opened on first use (it reads the source, never changes
     * it): the same route the command line's {@code run --source} takes.
     *
     * @throws IllegalStateException without a source connection
     * @throws CloneFailedException the source cannot be read, or there is no route for it
     */
    public synchronized CloneRoute cloneRoute() throws CloneFailedException {
        if (source == null) {
            throw new IllegalStateException("no source connection: the clone steps are done by a DBA");
        }
        if (route == null) {
            CloneRoutes.refuseTargetIsSource(source.url(), url);
            // The target's login as the wizard holds it; the jobs and remote folders named after the run's creation.
            route = CloneRoutes.open(run.plan(), source, new CloneRoutes.Source(url, user, password), run.folder(),
                    run.plan().oracle() == null ? null : run.plan().oracle().ssh(),
                    new CloneRoutes.Extras(run.created(), new EnvironmentPasswords(), null));
        }
        return route;
    }

    /** Why the source could not be used for the clone, and what to do; the words the plan and clone pages show. */
    public static String sourceFailure(Throwable failed) {
        if (failed instanceof CloneFailedException e) {
            return "The clone cannot start: " + e.getMessage() + " (" + e.left() + ")";
        }
        return "The source could not be read: " + dev.envclone.db.UrlSecrets.mask(String.valueOf(failed.getMessage()))
                + ". Check the source's URL, user and password, or clear the source URL to have a DBA do the clone.";
    }

    /** The run's clone steps on the route, journaled as the command line journals them. */
    public synchronized CloneSteps cloneSteps() throws CloneFailedException {
        return new CloneSteps(run, cloneRoute(), operator);
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
        if (route != null) {
            try {
                route.close();
            } catch (RuntimeException e) {
                // The source was only read: closing its connection cannot lose anything.
                LOG.info("Closing the clone's source failed ({}); it was only read", e.getMessage());
            }
            route = null;
        }
        if (source != null && source.password() != null) {
            java.util.Arrays.fill(source.password(), '\0');
        }
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
