package dev.envclone.ui.prerequisites;

import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.StepItem;

/** Placeholder until the page is built. */
public final class PrerequisitesViewModel {
    private final WizardViewModel wizard;
    private final StepItem item;

    public PrerequisitesViewModel(WizardViewModel wizard, StepItem item) {
        this.wizard = wizard;
        this.item = item;
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    public StepItem item() {
        return item;
    }
}
