package dev.envclone.db;

import java.util.List;

/**
 * A committed step: what was counted before, what each statement changed, and where the rows were saved first.
 */
public record StepResult(StepPreview preview, List<Integer> changed, List<PreImage> preImages) {
    public StepResult {
        changed = List.copyOf(changed);
        preImages = List.copyOf(preImages);
    }
}
