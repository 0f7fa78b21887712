package dev.envclone.ui.main;

import dev.envclone.procedure.StepKind;
import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.checklist.FinalPage;
import dev.envclone.ui.checklist.FinalViewModel;
import dev.envclone.ui.cleanup.CleanupPage;
import dev.envclone.ui.cleanup.CleanupViewModel;
import dev.envclone.ui.clone.ClonePage;
import dev.envclone.ui.clone.CloneViewModel;
import dev.envclone.ui.common.WizardPage;
import dev.envclone.ui.configtool.ConfigToolPage;
import dev.envclone.ui.configtool.ConfigToolViewModel;
import dev.envclone.ui.manual.ManualStepPage;
import dev.envclone.ui.manual.ManualStepViewModel;
import dev.envclone.ui.plan.PlanPage;
import dev.envclone.ui.plan.PlanViewModel;
import dev.envclone.ui.prerequisites.PrerequisitesPage;
import dev.envclone.ui.prerequisites.PrerequisitesViewModel;

/** Which page shows a row of the step list: by the step's kind, the prerequisites and the final page apart. */
final class Pages {
    private Pages() {
    }

    static WizardPage of(StepItem item, WizardViewModel wizard) {
        switch (item.kind()) {
            case PLAN:
                return new PlanPage(new PlanViewModel(wizard));
            case FINAL:
                return new FinalPage(new FinalViewModel(wizard));
            default:
                break;
        }
        if (!item.applicable()) {
            return new ManualStepPage(new ManualStepViewModel(wizard, item));
        }
        StepKind kind = item.step().kind();
        if (kind == StepKind.CLEANUP) {
            return new CleanupPage(new CleanupViewModel(wizard, item));
        }
        if (kind == StepKind.CLONE) {
            return new ClonePage(new CloneViewModel(wizard, item));
        }
        if (kind == StepKind.CONFIGURATION_TOOL) {
            return new ConfigToolPage(new ConfigToolViewModel(wizard, item));
        }
        if ("prerequisites".equals(item.step().id())) {
            return new PrerequisitesPage(new PrerequisitesViewModel(wizard, item));
        }
        return new ManualStepPage(new ManualStepViewModel(wizard, item));
    }
}
