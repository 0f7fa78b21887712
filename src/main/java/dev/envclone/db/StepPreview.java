package dev.envclone.db;

import dev.envclone.sql.RowChange;
import java.util.List;

/**
 * What a step would do now: its statements as they will run, and how many rows each touches.
 *
 * @param blockedBy when not null, why the step may not run now (what the operator must do first)
 */
public record StepPreview(List<RowChange> statements, List<Integer> counts, String blockedBy) {
    public StepPreview {
        statements = List.copyOf(statements);
        counts = List.copyOf(counts);
    }

    /** Rows the whole step touches. */
    public long total() {
        return counts.stream().mapToLong(Integer::longValue).sum();
    }
}
