package dev.envclone.db;

import dev.envclone.files.OwnerOnly;
import dev.envclone.sql.CleanupItem;
import dev.envclone.sql.Dialect;
import dev.envclone.sql.RowChange;
import dev.envclone.sql.RowsBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one cleanup step on one connection: preview, then pre-image, then every statement in one transaction,
 * then commit. Any error or cancel rolls the whole step back, so a step is either done or not done, never half.
 * Synchronous: callers run it off the UI thread and watch it through {@link ProgressListener}.
 *
 * <p>DDL statements ({@link RowChange#ddl()}, the security context) are transactional on SQL Server, so the same
 * holds for them there; H2 commits each one at once, so on the sandbox such a step can stop half-done, and its
 * statements are written to be found again and finished when it runs again (decision 13).
 */
public final class StepExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(StepExecutor.class);

    private final Connection connection;
    private final Dialect dialect;

    /** Hooks the run journal uses to record progress at the points that matter for resuming. */
    public interface Checkpoints {
        Checkpoints NONE = new Checkpoints() { };

        /** The pre-images of these statements are on disk; the statements run next. */
        default void preImagesSaved(List<RowChange> statements, List<PreImage> preImages) throws IOException {
        }

        /** Statement {@code number} ran, not yet committed. */
        default void statementRan(int number) {
        }
    }

    /**
     * Works on a session {@link TargetSession} prepared: its autocommit is off for as long as it is open, so every
     * step is one transaction, and the session gives autocommit back when it closes.
     */
    public StepExecutor(TargetSession session) {
        this.connection = session.connection();
        this.dialect = session.dialect();
    }

    /** Resolves and counts a step's statements; changes nothing. */
    public StepPreview preview(List<CleanupItem> items, RowsBlock block) throws SQLException {
        try {
            return preview(items, block, new CancelToken());
        } catch (CancelToken.CancelledException e) {
            throw new IllegalStateException("a fresh token cannot be cancelled", e);
        }
    }

    /** Resolves and counts a step's statements, stopping between counts when the operator cancels. */
    public StepPreview preview(List<CleanupItem> items, RowsBlock block, CancelToken cancel)
            throws SQLException, CancelToken.CancelledException {
        try {
            return previewInTransaction(items, block, cancel);
        } finally {
            connection.rollback();
        }
    }

    private StepPreview previewInTransaction(List<CleanupItem> items, RowsBlock block, CancelToken cancel)
            throws SQLException, CancelToken.CancelledException {
        List<RowChange> statements = CleanupStatements.resolve(connection, dialect, items);
        String blockedBy = blockedBy(block, items);
        return new StepPreview(statements, counts(statements, RowChange::previewSql, cancel), blockedBy);
    }

    /** One count per statement, with the query {@code sql} makes of it; cancellable between and during counts. */
    private List<Integer> counts(List<RowChange> statements, Function<RowChange, String> sql, CancelToken cancel)
            throws SQLException, CancelToken.CancelledException {
        List<Integer> counts = new ArrayList<>();
        for (RowChange statement : statements) {
            cancel.check();
            counts.add(count(sql.apply(statement), cancel));
        }
        return counts;
    }

    /**
     * The step's postcondition, measured: for each statement, the rows it would still change
     * ({@link RowChange#remainingSql()}). All zero means the step's effect is in the database. Changes nothing.
     */
    public StepPreview remaining(List<CleanupItem> items, CancelToken cancel)
            throws SQLException, CancelToken.CancelledException {
        try {
            List<RowChange> statements = CleanupStatements.resolve(connection, dialect, items);
            return new StepPreview(statements, counts(statements, RowChange::remainingSql, cancel), null);
        } finally {
            connection.rollback();
        }
    }

    /**
     * Executes a step: preview, pre-images into {@code preImageFolder} (which must not exist yet), the statements in
     * one transaction, commit.
     */
    public StepResult execute(List<CleanupItem> items, RowsBlock block, Path preImageFolder, Checkpoints checkpoints,
                              CancelToken cancel, ProgressListener progress)
            throws SQLException, IOException, StepFailedException, StepBlockedException,
            CancelToken.CancelledException {
        boolean committed = false;
        boolean folderMade = false;
        boolean preImagesSaved = false;
        try {
            List<RowChange> statements = CleanupStatements.resolve(connection, dialect, items);
            String blockedBy = blockedBy(block, items);
            if (blockedBy != null) {
                throw new StepBlockedException(blockedBy);
            }
            int total = statements.size();
            OwnerOnly.folder(preImageFolder.getParent(), "pre-image folder");
            OwnerOnly.newFolder(preImageFolder, "pre-image folder");
            folderMade = true;
            List<PreImage> preImages = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                cancel.check();
                progress.progress("Saving the rows statement " + (i + 1) + " of " + total + " will change", i,
                        2 * total);
                preImages.add(PreImageWriter.write(connection, statements.get(i).preImageSql(),
                        preImageFolder.resolve(fileName(i, statements.get(i))), cancel));
            }
            // From here on the journal may name these files: they are kept whatever happens next.
            preImagesSaved = true;
            checkpoints.preImagesSaved(statements, preImages);
            // In the same transaction, the pre-image holds exactly the rows each statement is about to touch.
            StepPreview preview = new StepPreview(statements,
                    preImages.stream().map(p -> (int) p.rows()).toList(), null);
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                cancel.check();
                RowChange statement = statements.get(i);
                progress.progress("Statement " + (i + 1) + " of " + total + ": " + firstLine(statement.sql()),
                        total + i, 2 * total);
                changed.add(statement.ddl() ? runDdl(statement, preImages.get(i), i + 1, total, cancel)
                        : run(statement, i + 1, total, cancel));
                checkpoints.statementRan(i + 1);
            }
            // What a restore will find unchanged before it puts the old values back: the updated rows as the
            // step leaves them, in its own transaction.
            List<String> postRowSets = new ArrayList<>();
            for (RowChange statement : statements) {
                cancel.check();
                postRowSets.add(statement.postImageSql() == null ? null
                        : PreImages.rowSet(connection, statement.postImageSql(), preImageFolder));
            }
            cancel.check();
            connection.commit();
            committed = true;
            progress.progress("Committed", 2 * total, 2 * total);
            return new StepResult(preview, changed, preImages, postRowSets);
        } catch (Exception e) {
            if (folderMade && !preImagesSaved) {
                discard(preImageFolder, e);
            }
            throw e;
        } finally {
            if (!committed) {
                connection.rollback();
            }
        }
    }

    /**
     * Removes an attempt's folder whose pre-images could not all be written (disk full, a query that failed):
     * nothing ran and the journal names none of them, so the step is simply not started.
     */
    private static void discard(Path preImageFolder, Exception failure) {
        try (var files = Files.list(preImageFolder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(preImageFolder);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not remove the unfinished pre-image folder {}", preImageFolder, e);
            failure.addSuppressed(e);
        }
    }

    private int run(RowChange statement, int number, int total, CancelToken cancel)
            throws StepFailedException, CancelToken.CancelledException {
        // The statement's text only: envclone binds no parameter, and no row value is ever part of it.
        LOG.debug("Statement {} of {} on {}: {}", number, total, statement.table(), statement.sql());
        try (Statement jdbc = connection.createStatement()) {
            cancel.running(jdbc);
            try {
                int changed = jdbc.executeUpdate(statement.sql());
                LOG.debug("Statement {} of {}: {} rows changed", number, total, changed);
                return changed;
            } finally {
                cancel.running(null);
            }
        } catch (SQLException e) {
            cancel.check();
            throw new StepFailedException(number, total, statement.sql(), UrlSecrets.mask(e.getMessage()), e);
        }
    }

    /**
     * A DDL statement's update count says nothing (0 on SQL Server, H2 and Oracle): what it changed is measured in
     * the catalog view it changes, as the rows it selected before (the pre-image) less those it selects now.
     */
    private int runDdl(RowChange statement, PreImage before, int number, int total, CancelToken cancel)
            throws StepFailedException, CancelToken.CancelledException, SQLException {
        run(statement, number, total, cancel);
        return (int) before.rows() - count(statement.previewSql(), cancel);
    }

    private String blockedBy(RowsBlock block, List<CleanupItem> items) throws SQLException {
        if (block != null && count(block.countSql()) > 0) {
            return block.message();
        }
        return CleanupStatements.blockedBy(connection, items);
    }

    private int count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    /** A count the operator can cancel while it runs (a large table's count can take a while). */
    private int count(String sql, CancelToken cancel) throws SQLException, CancelToken.CancelledException {
        try (Statement statement = connection.createStatement()) {
            cancel.running(statement);
            try (ResultSet result = statement.executeQuery(sql)) {
                result.next();
                return result.getInt(1);
            } catch (SQLException e) {
                cancel.check();
                throw e;
            } finally {
                cancel.running(null);
            }
        }
    }

    /** 01-ossys_parameter.csv: the position keeps files in statement order, the table says what is inside. */
    private static String fileName(int index, RowChange statement) {
        String table = statement.table().replaceAll("[^A-Za-z0-9_]", "").toLowerCase(Locale.ROOT);
        return String.format(Locale.ROOT, "%02d-%s.csv", index + 1, table);
    }

    private static String firstLine(String sql) {
        int newline = sql.indexOf('\n');
        return newline < 0 ? sql : sql.substring(0, newline) + " ...";
    }
}
