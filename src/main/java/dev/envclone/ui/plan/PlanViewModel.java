package dev.envclone.ui.plan;

import dev.envclone.ui.WizardViewModel;

/** Placeholder until the page is built. */
public final class PlanViewModel {
    private final WizardViewModel wizard;

    public PlanViewModel(WizardViewModel wizard) {
        this.wizard = wizard;
    }

    public WizardViewModel wizard() {
        return wizard;
    }
}
