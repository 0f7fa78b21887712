package dev.envclone.ui.cleanup;

import dev.envclone.ui.common.WizardPage;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Placeholder until the page is built. */
public final class CleanupPage implements WizardPage {
    private final Label view = new Label("Cleanup page: not built yet");

    public CleanupPage(CleanupViewModel model) {
        view.setId("cleanup-placeholder");
    }

    @Override
    public Node view() {
        return view;
    }
}
