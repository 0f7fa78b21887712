package dev.envclone.run;

import dev.envclone.db.PreImage;
import dev.envclone.db.PreImages;
import dev.envclone.db.RowRestore;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts back the rows executed steps changed, from their pre-images (envclone restore): on the run's own target
 * only (its fingerprint), only when the rows are still as the steps left them, the later step first, every statement
 * in reverse order, all in one transaction; each step's own postcondition is that its pre-image queries select
 * exactly the saved rows again. After the commit each step is journaled as restored, and is pending: a later run
 * executes it again. A crash between the commit and the journal leaves a step the journal calls done whose effect
 * is gone: the next open's postcondition check finds it and the run executes it again.
 */
public final class StepRestore {
    private static final Logger LOG = LoggerFactory.getLogger(StepRestore.class);

    /**
     * What a step's restore put back: the attempt its pre-images are from, the rows of each statement, and the SQL
     * each sent (its values bound as parameters).
     */
    public record Restored(String step, int attempt, List<Integer> rows, List<List<String>> sql) {
        public Restored {
            rows = List.copyOf(rows);
            sql = List.copyOf(sql);
        }

        public int total() {
            return rows.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One step as the journal has it: which attempt committed, its statements, and where it was executed. */
    private record Executed(Step step, int position, int attempt, List<RowRestore.Executed> statements) {
    }

    private final RunFolder run;
    private final TargetSession target;
    private final String operator;

    public StepRestore(RunFolder run, TargetSession target, String operator) {
        this.run = run;
        this.target = target;
        this.operator = operator;
    }

    /**
     * Restores the steps named; nothing is changed unless every one of them can be restored.
     *
     * @throws GuardException a step that cannot be restored (not executed, another target, rows changed since, a
     *     pre-image file changed): the sentence names it and what to do
     */
    public List<Restored> restore(List<String> stepIds) throws SQLException, IOException, GuardException {
        List<Executed> steps = new ArrayList<>();
        for (String id : stepIds) {
            steps.add(executed(id));
        }
        // The later step first: an earlier one's rows may be what a later one's statements found.
        steps.sort(Comparator.comparingInt(Executed::position).reversed());
        new RunSession(run, target, operator).checkTarget(null);
        Connection connection = target.connection();
        List<Restored> restored = new ArrayList<>();
        boolean committed = false;
        try {
            for (Executed step : steps) {
                restored.add(putBack(connection, step));
            }
            connection.commit();
            committed = true;
        } finally {
            if (!committed) {
                connection.rollback();
            }
        }
        for (Restored step : restored) {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("attempt", String.valueOf(step.attempt()));
            for (int i = 0; i < step.rows().size(); i++) {
                data.put(RunSession.key(i + 1) + ".restored", String.valueOf(step.rows().get(i)));
                if (!step.sql().get(i).isEmpty()) {
                    data.put(RunSession.key(i + 1) + ".restore.sql", String.join(";\n", step.sql().get(i)));
                }
            }
            data.put("total", String.valueOf(step.total()));
            data.put("postcondition", "the pre-image queries select the saved rows again");
            run.journal().append(JournalEvent.STEP_RESTORED, step.step(), operator, data);
            LOG.info("Step {} restored from attempt {}: {} rows put back {}", step.step(), step.attempt(),
                    step.total(), step.rows());
        }
        return restored;
    }

    private Restored putBack(Connection connection, Executed step) throws SQLException, IOException,
            GuardException {
        List<Integer> rows = new ArrayList<>(java.util.Collections.nCopies(step.statements().size(), 0));
        List<List<String>> sql = new ArrayList<>(java.util.Collections.nCopies(step.statements().size(),
                List.<String>of()));
        // Statements in reverse: a step deletes children before parents, so parents go back first.
        for (int i = step.statements().size() - 1; i >= 0; i--) {
            RowRestore.Executed statement = step.statements().get(i);
            try {
                RowRestore.requireUnchangedSince(connection, statement);
                RowRestore.PutBack putBack = RowRestore.putBack(connection, target.dialect(), statement);
                rows.set(i, putBack.rows());
                sql.set(i, putBack.sql());
            } catch (RowRestore.RefusedException e) {
                throw new GuardException("Step " + step.step().id() + " cannot be restored: statement " + (i + 1)
                        + " (" + statement.table() + "): " + e.getMessage());
            } catch (SQLException e) {
                if (!TargetSession.fromDatabase(e)) {
                    throw e;
                }
                throw new GuardException("Step " + step.step().id() + " cannot be restored: putting back the rows "
                        + "of " + statement.table() + " failed: " + e.getMessage() + ". Nothing was restored.");
            }
        }
        for (int i = 0; i < step.statements().size(); i++) {
            RowRestore.Executed statement = step.statements().get(i);
            if (!PreImages.unchanged(connection, statement.preImageSql(), statement.preImage())) {
                throw new GuardException("Step " + step.step().id() + " cannot be restored: after the rows were put "
                        + "back, statement " + (i + 1) + " (" + statement.table() + ") does not select exactly its "
                        + "saved rows. Nothing was restored.");
            }
        }
        return new Restored(step.step().id(), step.attempt(), rows, sql);
    }

    /** The step's committed attempt, from the journal; refuses a step that has none. */
    private Executed executed(String id) throws IOException, GuardException {
        Step step = ProcedureCatalog.cleanupSteps(run.plan()).stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new GuardException("'" + id + "' is not a cleanup step of this run's plan: give "
                        + "a step id from its checklist (envclone status --run-dir " + run.folder() + ")."));
        ExecutedStep executed = ExecutedStep.of(run, id).orElse(null);
        if (executed == null) {
            StepState state = run.state().of(id);
            throw new GuardException("Step " + id + " is " + state.label() + (state == StepState.DONE
                    ? " without envclone executing it (no pre-images)" : "") + ": only a step envclone executed "
                    + "can be restored.");
        }
        JournalEntry done = executed.done();
        JournalEntry started = executed.started();
        int position = executed.position();
        int count = Integer.parseInt(started.get("statements"));
        List<RowRestore.Executed> statements = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String key = RunSession.key(i);
            if (started.get(key + ".kind") == null) {
                throw new GuardException("Step " + id + " was executed by an envclone that did not record what a "
                        + "restore needs (the statement's table and kind): it cannot be restored.");
            }
            Path file = run.folder().resolve(started.get(key + ".preimage.file")).normalize();
            if (!file.startsWith(run.folder().normalize()) || !Files.isRegularFile(file)) {
                throw new GuardException("Step " + id + ": its pre-image " + started.get(key + ".preimage.file")
                        + " is not in the run folder: it cannot be restored.");
            }
            if (!JournalLine.sha256(Files.readAllBytes(file)).equals(started.get(key + ".preimage.sha256"))) {
                throw new GuardException("Step " + id + ": its pre-image " + file + " changed since it was written "
                        + "(its SHA-256 is not the one journaled): it cannot be restored. Keep the folder as "
                        + "evidence.");
            }
            PreImage preImage = new PreImage(file, Long.parseLong(started.get(key + ".preimage.rows")),
                    started.get(key + ".preimage.sha256"), started.get(key + ".preimage.rowset"));
            RowRestore.Kind kind = RowRestore.Kind.valueOf(started.get(key + ".kind")
                    .toUpperCase(java.util.Locale.ROOT));
            String postRowSet = done.event() == JournalEvent.STEP_EXECUTED ? done.get(key + ".postimage.rowset")
                    : null;
            statements.add(new RowRestore.Executed(started.get(key + ".table"), kind, started.get(key + ".where"),
                    started.get(key + ".donewhen"), started.get(key + ".preimage.sql"), preImage, postRowSet));
        }
        return new Executed(step, position, Integer.parseInt(started.get("attempt")), statements);
    }
}
