package dev.envclone.ui.configtool;

import dev.envclone.ui.common.WizardPage;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Placeholder until the page is built. */
public final class ConfigToolPage implements WizardPage {
    private final Label view = new Label("ConfigTool page: not built yet");

    public ConfigToolPage(ConfigToolViewModel model) {
        view.setId("configtool-placeholder");
    }

    @Override
    public Node view() {
        return view;
    }
}
