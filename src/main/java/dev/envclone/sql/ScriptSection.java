package dev.envclone.sql;

import java.util.List;

/**
 * One step's part of a script run by hand.
 *
 * @param title e.g. "Step 5: Clean up the configuration of mobile apps"
 * @param reference where the step stands in the procedure document
 * @param block a condition that stops the step, or null
 * @param items its statements, in order
 */
public record ScriptSection(String title, String reference, RowsBlock block, List<CleanupItem> items) {
    public ScriptSection {
        items = List.copyOf(items);
    }
}
