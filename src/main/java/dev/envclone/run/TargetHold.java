package dev.envclone.run;

import dev.envclone.db.TargetInUseException;
import dev.envclone.db.TargetLock;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.MigrationPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * A run holds its target for as long as it is connected, so that a second run folder on the same database is
 * refused, naming the first. Taken right after connecting, before the guards and the recovery read anything; a
 * target whose DBMS does not let this login lock it is journaled as a warning and the run goes on.
 */
public final class TargetHold {
    private TargetHold() {
    }

    /**
     * Holds the target of a run folder that exists, journaling a warning when the login may not lock it.
     *
     * @param command who asks, as the other run's operator should read it: "envclone run", "the envclone wizard"
     * @throws GuardException when another session holds the target
     */
    public static TargetLock hold(RunFolder run, TargetSession session, String operator, String command)
            throws SQLException, IOException, GuardException {
        TargetLock lock = acquire(run.plan(), run.folder(), session, command);
        recordWarning(run, lock, operator);
        return lock;
    }

    /**
     * Holds the target of a run whose folder is not made yet (the guards come first, so that a refused start leaves
     * nothing); {@link #recordWarning} journals the warning once the folder exists.
     */
    public static TargetLock acquire(MigrationPlan plan, Path runFolder, TargetSession session, String command)
            throws SQLException, GuardException {
        String holder = LockHolder.current(command, Clock.systemUTC()).describe() + ", run folder " + runFolder;
        try {
            return TargetLock.acquire(session.connection(), session.dialect(), plan.users().admin(), holder);
        } catch (TargetInUseException e) {
            throw new GuardException(e.getMessage());
        }
    }

    /** Journals that the login could not lock the target, when it could not. */
    public static void recordWarning(RunFolder run, TargetLock lock, String operator) throws IOException {
        if (lock.warning() != null) {
            run.journal().append(JournalEvent.TARGET_NOT_LOCKED, null, operator, Map.of("warning", lock.warning()));
        }
    }
}
