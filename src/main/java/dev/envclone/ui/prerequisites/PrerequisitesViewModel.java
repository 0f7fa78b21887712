package dev.envclone.ui.prerequisites;

import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.manual.StepMarks;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The prerequisites: the document's conditions, each confirmed by the operator, and a live check of the target
 * (connection, platform database, not the source, what the clone carries, the source fingerprint). The step is
 * ticked once every condition is confirmed.
 */
public final class PrerequisitesViewModel {
    /** One condition of the document and whether the operator confirmed it. */
    public record Prerequisite(String text, BooleanProperty confirmed) {
    }

    private final WizardViewModel wizard;
    private final StepMarks marks;
    private final List<Prerequisite> prerequisites;
    private final ObservableList<Finding> results = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding allConfirmed;
    private final BooleanBinding canTick;
    private final SourceFingerprintViewModel source;

    public PrerequisitesViewModel(WizardViewModel wizard, StepItem item) {
        this.wizard = wizard;
        this.marks = new StepMarks(wizard, item);
        boolean done = marks.finishedProperty().get();
        // A finished step's conditions were confirmed when it was ticked: show them so.
        this.prerequisites = item.step().details().stream()
                .map(text -> new Prerequisite(text, new SimpleBooleanProperty(done))).toList();
        BooleanProperty[] boxes = prerequisites.stream().map(Prerequisite::confirmed).toArray(BooleanProperty[]::new);
        this.allConfirmed = Bindings.createBooleanBinding(
                () -> prerequisites.stream().allMatch(p -> p.confirmed().get()), boxes);
        // No tick while the live check runs: the tick's note says what the check found.
        this.canTick = allConfirmed.and(marks.canMarkProperty()).and(checking.not());
        this.source = new SourceFingerprintViewModel(wizard, this::sourceRecorded);
    }

    /** The Source database panel: Test reads the source's fingerprint, Record journals it into the run. */
    public SourceFingerprintViewModel source() {
        return source;
    }

    /** The live check's finding about the fingerprint follows the journal: it is recorded now. */
    private void sourceRecorded(String fingerprint) {
        results.replaceAll(f -> f.text().equals(TargetCheck.NO_FINGERPRINT)
                ? Finding.ok(TargetCheck.RECORDED + fingerprint + ": the run refuses it as its target from now on.")
                : f);
    }

    public StepMarks marks() {
        return marks;
    }

    /** The document's prerequisites, one checkbox each. */
    public List<Prerequisite> prerequisites() {
        return prerequisites;
    }

    public BooleanBinding allConfirmedProperty() {
        return allConfirmed;
    }

    /** Mark done is offered when every condition is confirmed and the step is still open. */
    public BooleanBinding canTickProperty() {
        return canTick;
    }

    /** What the last live check found, in order. */
    public ObservableList<Finding> results() {
        return results;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** Checks the target live, in a background job; counting the cleanup rows records each step's preview. */
    public void check() {
        if (wizard.runProperty().get() == null) {
            results.setAll(Finding.problem("No run yet: accept the plan first."));
            return;
        }
        checking.set(true);
        results.setAll(Finding.info("Checking the target …"));
        TargetCheck check = new TargetCheck(wizard.context(), wizard.targetUrlProperty().get(),
                wizard.targetUserProperty().get());
        wizard.background().run("Checking the target", check::run, found -> {
            checking.set(false);
            results.setAll(found);
            wizard.refresh();
        }, failed -> {
            checking.set(false);
            results.setAll(Finding.problem("The check stopped: " + failed.getMessage()));
            wizard.refresh();
        });
    }

    /** Ticks the step: every condition confirmed; the note says so and what the live check last found. */
    public void tick() {
        String note = "All " + prerequisites.size() + " prerequisites confirmed by the operator.";
        boolean platform = results.stream().anyMatch(f -> f.level() == Finding.Level.OK
                && f.text().startsWith("It is an OutSystems platform database"));
        boolean notSource = results.stream().anyMatch(f -> f.text().startsWith(TargetCheck.NOT_THE_SOURCE));
        if (platform) {
            note += " Live check: the target is a platform database" + (notSource ? ", not the source." : ".");
        }
        marks.tick(note);
    }

    public void reload() {
        marks.reload();
        source.reload();
    }
}
