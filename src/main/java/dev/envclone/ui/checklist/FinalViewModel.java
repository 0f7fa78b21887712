package dev.envclone.ui.checklist;

import dev.envclone.ui.WizardViewModel;

/** Placeholder until the page is built. */
public final class FinalViewModel {
    private final WizardViewModel wizard;

    public FinalViewModel(WizardViewModel wizard) {
        this.wizard = wizard;
    }

    public WizardViewModel wizard() {
        return wizard;
    }
}
