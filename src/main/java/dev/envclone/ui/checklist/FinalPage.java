package dev.envclone.ui.checklist;

import dev.envclone.ui.common.WizardPage;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Placeholder until the page is built. */
public final class FinalPage implements WizardPage {
    private final Label view = new Label("Final page: not built yet");

    public FinalPage(FinalViewModel model) {
        view.setId("checklist-placeholder");
    }

    @Override
    public Node view() {
        return view;
    }
}
