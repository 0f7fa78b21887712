package dev.envclone.ui.prerequisites;

import dev.envclone.ui.common.WizardPage;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Placeholder until the page is built. */
public final class PrerequisitesPage implements WizardPage {
    private final Label view = new Label("Prerequisites page: not built yet");

    public PrerequisitesPage(PrerequisitesViewModel model) {
        view.setId("prerequisites-placeholder");
    }

    @Override
    public Node view() {
        return view;
    }
}
