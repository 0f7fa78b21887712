package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envclone.procedure.CleanupContext;
import dev.envclone.procedure.CleanupDefinition;
import dev.envclone.sql.RowChange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one cleanup definition the way the product will: a new session, prepared for the dialect, autocommit off,
 * every statement resolved first, then for each one its preview count and pre-image and the statement itself, and
 * one commit at the end (rollback on any failure). Asserts on the way that each statement changed exactly the rows
 * its preview counted.
 */
final class CleanupRun {

    /** What happened to one statement. */
    record Executed(RowChange change, long previewCount, List<String> preImage, int updateCount) {
    }

    private CleanupRun() {
    }

    static List<Executed> run(PlatformDatabase db, CleanupDefinition definition) throws SQLException {
        try (Connection session = db.openSession()) {
            session.setAutoCommit(false);
            try {
                TargetSession.prepare(session, db.dialect(), PlatformDatabase.ADMIN_USER);
                List<RowChange> changes = CleanupStatements.resolve(session, db.dialect(),
                        definition.statementsFor(new CleanupContext(db.dialect(), PlatformDatabase.ADMIN_USER)));
                List<Executed> executed = new ArrayList<>();
                for (RowChange change : changes) {
                    executed.add(execute(session, change));
                }
                session.commit();
                return executed;
            } catch (SQLException | RuntimeException e) {
                session.rollback();
                throw e;
            }
        }
    }

    private static Executed execute(Connection session, RowChange change) throws SQLException {
        long preview;
        try (Statement statement = session.createStatement();
             ResultSet rs = statement.executeQuery(change.previewSql())) {
            rs.next();
            preview = rs.getLong(1);
        }
        List<String> preImage = PlatformDatabase.query(session, change.preImageSql());
        assertEquals(preview, preImage.size(), "pre-image rows of: " + change.preImageSql());
        int updated;
        try (Statement statement = session.createStatement()) {
            updated = statement.executeUpdate(change.sql());
        }
        assertEquals(preview, updated, "rows changed by: " + change.sql());
        return new Executed(change, preview, preImage, updated);
    }

    /** The statements' texts, in the order they ran. */
    static List<String> sqlOf(List<Executed> executed) {
        return executed.stream().map(e -> e.change().sql()).toList();
    }

    /** Update counts, in the order the statements ran. */
    static List<Integer> countsOf(List<Executed> executed) {
        return executed.stream().map(Executed::updateCount).toList();
    }
}
