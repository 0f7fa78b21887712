package dev.envclone.db;

import java.util.List;

/**
 * A committed step: what was counted before, what each statement changed, where the rows were saved first, and for
 * each UPDATE the digest of the rows with its new values just before the commit ({@link
 * dev.envclone.sql.RowChange#postImageSql}; null for the other statements).
 */
public record StepResult(StepPreview preview, List<Integer> changed, List<PreImage> preImages,
                         List<String> postRowSets) {
    public StepResult {
        changed = List.copyOf(changed);
        preImages = List.copyOf(preImages);
        postRowSets = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(postRowSets));
    }
}
