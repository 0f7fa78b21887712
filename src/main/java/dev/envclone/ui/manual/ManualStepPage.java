package dev.envclone.ui.manual;

import dev.envclone.ui.common.WizardPage;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Placeholder until the page is built. */
public final class ManualStepPage implements WizardPage {
    private final Label view = new Label("ManualStep page: not built yet");

    public ManualStepPage(ManualStepViewModel model) {
        view.setId("manual-placeholder");
    }

    @Override
    public Node view() {
        return view;
    }
}
