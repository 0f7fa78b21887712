package dev.envclone.ui.manual;

import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.StepItem;

/** Placeholder until the page is built. */
public final class ManualStepViewModel {
    private final WizardViewModel wizard;
    private final StepItem item;

    public ManualStepViewModel(WizardViewModel wizard, StepItem item) {
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
