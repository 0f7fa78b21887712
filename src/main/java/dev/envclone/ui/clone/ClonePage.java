package dev.envclone.ui.clone;

import dev.envclone.ui.common.WizardPage;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Placeholder until the page is built. */
public final class ClonePage implements WizardPage {
    private final Label view = new Label("Clone page: not built yet");

    public ClonePage(CloneViewModel model) {
        view.setId("clone-placeholder");
    }

    @Override
    public Node view() {
        return view;
    }
}
