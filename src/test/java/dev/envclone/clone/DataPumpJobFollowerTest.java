package dev.envclone.clone;

import static dev.envclone.clone.DataPumpStatusTest.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.CancelToken;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The status loop over a scripted sequence of GET_STATUS answers in the flattened form the status block returns
 * (no JDBC here: the block itself is pinned in DataPumpSqlTest's golden files, the reading in DataPumpStatusTest).
 * What the operator sees (log lines, progress) and the verdict: only ORA-31684 is accepted.
 */
class DataPumpJobFollowerTest {
    private static final String ENDED_WITH_4 = "Job \"SYSTEM\".\"ENVCLONE_IMP_20261202T013900\" completed with 4 "
            + "error(s) at Wed Dec 2 02:10:11 2026 elapsed 0 00:03:12";

    /** GET_STATUS answers in order; records a stop. */
    private static class Script implements DataPumpJobFollower.Job {
        final Deque<Object> answers = new ArrayDeque<>();
        int stops;

        Script then(String state, Integer percent, Integer errors, String entries) {
            answers.add(DataPumpStatus.read(state, percent == null ? null : BigDecimal.valueOf(percent),
                    errors == null ? null : BigDecimal.valueOf(errors), entries));
            return this;
        }

        Script failing(SQLException e) {
            answers.add(e);
            return this;
        }

        @Override
        public DataPumpStatus poll() throws SQLException {
            Object next = answers.remove();
            if (next instanceof SQLException e) {
                throw e;
            }
            return (DataPumpStatus) next;
        }

        @Override
        public void stop() {
            stops++;
        }
    }

    private static final class Seen implements CloneListener {
        final List<String> lines = new ArrayList<>();
        final List<Integer> percents = new ArrayList<>();

        @Override
        public void progress(String message, int done, int total) {
            percents.add(done);
        }

        @Override
        public void logLine(String line) {
            lines.add(line);
        }
    }

    private static String users(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            out.append(entry(31684, "ORA-31684: Object type USER:\"OSUSER" + i + "\" already exists"));
        }
        return out.toString();
    }

    @Test
    void anImportWhoseOnlyErrorsAreThePreCreatedUsersIsAccepted() throws SQLException {
        Script job = new Script()
                .then("EXECUTING", 0, 0, entry(null, "Processing object type SCHEMA_EXPORT/USER"))
                .then("EXECUTING", 40, 4, users(4))
                .then("COMPLETING", 100, 4, entry(null, ENDED_WITH_4))
                .then("COMPLETED", 100, 4, null);
        Seen seen = new Seen();
        DataPumpJobFollower.Outcome outcome = DataPumpJobFollower.follow(job, "Importing", seen, new CancelToken());
        assertNull(outcome.refusal());
        assertEquals(4, outcome.log().expectedErrors().size());
        assertEquals(List.of(0, 40, 100), seen.percents);
        assertEquals(6, seen.lines.size());
        assertEquals(ENDED_WITH_4, seen.lines.get(5));
    }

    @Test
    void anyOtherOraErrorIsRefusedWithItsLine() throws SQLException {
        Script job = new Script()
                .then("EXECUTING", 50, 2, users(1) + entry(39083, "ORA-39083: Object type OBJECT_GRANT failed to "
                        + "create with error:\nORA-01917: user or role 'OSREPORT' does not exist"))
                .then("COMPLETED", 100, 2, null);
        String refusal = DataPumpJobFollower.follow(job, "Importing", new Seen(), new CancelToken()).refusal();
        assertTrue(refusal.contains("ORA-39083: Object type OBJECT_GRANT failed to create with error:")
                && refusal.contains("1 more"), refusal);
    }

    @Test
    void aStoppedJobIsRefused() throws SQLException {
        Script job = new Script().then("STOPPING", 30, 0, null).then("STOPPED", 30, 0, null);
        String refusal = DataPumpJobFollower.follow(job, "Exporting", new Seen(), new CancelToken()).refusal();
        assertTrue(refusal.contains("ended in state STOPPED, not COMPLETED"), refusal);
    }

    @Test
    void moreErrorsCountedThanSeenIsRefused() throws SQLException {
        Script job = new Script().then("COMPLETED", 100, 3, users(2));
        String refusal = DataPumpJobFollower.follow(job, "Importing", new Seen(), new CancelToken()).refusal();
        assertTrue(refusal.contains("counted 3 error(s) but its log showed only 2"), refusal);
    }

    @Test
    void aCancelBetweenPollsStopsTheJob() throws SQLException {
        CancelToken cancel = new CancelToken();
        Script job = new Script() {
            @Override
            public DataPumpStatus poll() throws SQLException {
                DataPumpStatus status = super.poll();
                cancel.cancel();
                return status;
            }
        }.then("EXECUTING", 10, 0, null).then("EXECUTING", 20, 0, null);
        DataPumpJobFollower.Outcome outcome = DataPumpJobFollower.follow(job, "Exporting", new Seen(), cancel);
        assertTrue(outcome.cancelled());
        assertEquals(1, job.stops);
        assertEquals(1, job.answers.size(), "no poll after the cancel");
    }

    @Test
    void aCancelThatInterruptsThePollStopsTheJob() throws SQLException {
        CancelToken cancel = new CancelToken();
        Script job = new Script() {
            @Override
            public DataPumpStatus poll() throws SQLException {
                cancel.cancel();
                return super.poll();
            }
        }.failing(new SQLException("ORA-01013: user requested cancel of current operation", "72000", 1013));
        assertTrue(DataPumpJobFollower.follow(job, "Importing", new Seen(), cancel).cancelled());
        assertEquals(1, job.stops);
    }

    @Test
    void aFailedPollWithoutCancelIsReportedAndTheJobLeftRunning() {
        Script job = new Script().failing(new SQLException("ORA-03113: end-of-file on communication channel"));
        SQLException e = assertThrows(SQLException.class,
                () -> DataPumpJobFollower.follow(job, "Importing", new Seen(), new CancelToken()));
        assertTrue(e.getMessage().contains("ORA-03113"));
        assertEquals(0, job.stops);
    }
}
