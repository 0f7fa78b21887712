package dev.envclone.ui.plan;

import dev.envclone.ui.common.WizardPage;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Placeholder until the page is built. */
public final class PlanPage implements WizardPage {
    private final Label view = new Label("Plan page: not built yet");

    public PlanPage(PlanViewModel model) {
        view.setId("plan-placeholder");
    }

    @Override
    public Node view() {
        return view;
    }
}
