package dev.envclone.sql;

import java.util.List;

/**
 * One step's part of a script run by hand.
 *
 * @param title e.g. "Step 5: Clean up the configuration of mobile apps"
 * @param reference where the step stands in the procedure document
 * @param block a condition that stops the step, or null
 * @param items its statements, in order
 * @param target what this section runs against when it is not the script's own target (a step on the SQL Server
 *               log catalog, say), or null; its setup and guards then name that target
 */
public record ScriptSection(String title, String reference, RowsBlock block, List<CleanupItem> items,
                            Dialect.ScriptTarget target) {
    public ScriptSection {
        items = List.copyOf(items);
    }

    /** A section that runs against the script's own target. */
    public ScriptSection(String title, String reference, RowsBlock block, List<CleanupItem> items) {
        this(title, reference, block, items, null);
    }
}
