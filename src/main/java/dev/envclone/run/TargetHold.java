package dev.envclone.run;

import dev.envclone.db.TargetInUseException;
import dev.envclone.db.TargetLock;
import dev.envclone.sql.Dialect;
import java.io.IOException;
import java.sql.Connection;
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
     * @param command who asks, as the other run's operator should read it: "envclone run", "the envclone wizard"
     * @throws GuardException when another session holds the target
     */
    public static TargetLock hold(RunFolder run, Connection connection, String operator, String command)
            throws SQLException, IOException, GuardException {
        String holder = LockHolder.current(command, Clock.systemUTC()).describe() + ", run folder " + run.folder();
        TargetLock lock;
        try {
            lock = TargetLock.acquire(connection, Dialect.of(run.plan().dbms()), run.plan().users().admin(), holder);
        } catch (TargetInUseException e) {
            throw new GuardException(e.getMessage());
        }
        if (lock.warning() != null) {
            run.journal().append(JournalEvent.TARGET_NOT_LOCKED, null, operator, Map.of("warning", lock.warning()));
        }
        return lock;
    }
}
