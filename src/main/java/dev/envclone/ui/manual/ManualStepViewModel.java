package dev.envclone.ui.manual;

import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.Step;
import dev.envclone.sandbox.SandboxUnmap;
import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardViewModel;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A step the operator does outside envclone (in Service Center, LifeTime, the Services console ...): what the
 * document says to do, and the tick, with a note, that records who did it and when. A step the plan leaves out only
 * says why. On a rehearsal, the step that unmaps extensions' database connections can be done in the sandbox.
 */
public final class ManualStepViewModel {
    /** The step whose Service Center work the rehearsal can stand in for. */
    public static final String UNMAP_STEP = "remove-extension-db-connections";

    private final WizardViewModel wizard;
    private final StepItem item;
    private final StepMarks marks;
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper sandboxMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper unmapping = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canMark;

    public ManualStepViewModel(WizardViewModel wizard, StepItem item) {
        this.wizard = wizard;
        this.item = item;
        this.marks = new StepMarks(wizard, item);
        // No mark while the sandbox unmap is running: its result decides what the tick says.
        this.canMark = marks.canMarkProperty().and(unmapping.not());
    }

    public StepItem item() {
        return item;
    }

    public StepMarks marks() {
        return marks;
    }

    public boolean applicable() {
        return item.applicable();
    }

    /** "Not applicable: the plan leaves out: …", or null for a step of the plan. */
    public String notApplicableText() {
        return item.applicable() ? null : "Not applicable: " + item.notApplicableReason();
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** OutSystems' unattended command for this step (licence, Service Center, republish), if it has one. */
    public java.util.Optional<dev.envclone.procedure.UnattendedCommands.Command> unattendedCommand() {
        dev.envclone.procedure.MigrationPlan plan = wizard.planProperty().get();
        return plan == null || !item.applicable() ? java.util.Optional.empty()
                : dev.envclone.procedure.UnattendedCommands.forStep(plan, item.step().id());
    }

    /** Done and Skip are offered while the step is open and nothing is being written. */
    public BooleanBinding canMarkProperty() {
        return canMark;
    }

    /** Ticks the step done with the note typed. */
    public void tick() {
        marks.tick(note.get());
    }

    /** Skips the step with the reason given (required). */
    public void skip(String reason) {
        marks.skip(reason);
    }

    /** Re-reads the step's record (the page is shown again, or another page wrote to the journal). */
    public void reload() {
        marks.reload();
        boxes.forEach(ConnectionBox::reload);
    }

    /**
     * One box of a saved connection's re-create guide (step recreate-database-connections): ticked once, by whom
     * and when in the journal and the report.
     */
    public final class ConnectionBox {
        private final String connection;
        private final String item;
        private final ReadOnlyBooleanWrapper ticked = new ReadOnlyBooleanWrapper(false);
        private final ReadOnlyStringWrapper record = new ReadOnlyStringWrapper("");

        ConnectionBox(String connection, String item) {
            this.connection = connection;
            this.item = item;
            reload();
        }

        public String connection() {
            return connection;
        }

        public String item() {
            return item;
        }

        public javafx.beans.property.ReadOnlyBooleanProperty tickedProperty() {
            return ticked.getReadOnlyProperty();
        }

        public javafx.beans.property.ReadOnlyStringProperty recordProperty() {
            return record.getReadOnlyProperty();
        }

        void reload() {
            dev.envclone.run.RunFolder run = wizard.runProperty().get();
            dev.envclone.run.JournalEntry entry = run == null ? null : run.connectionItem(connection, item);
            ticked.set(entry != null);
            record.set(entry == null ? "" : "by " + entry.operator() + " at " + entry.time());
        }

        /** Ticks the box: journaled at once. */
        public void tick() {
            dev.envclone.run.RunFolder run = wizard.runProperty().get();
            try {
                run.tickConnectionItem(connection, item, wizard.operatorProperty().get());
                connectionsMessage.set("");
            } catch (java.io.IOException | RuntimeException e) {
                connectionsMessage.set("Not recorded: " + e.getMessage());
            }
            reload();
            wizard.refresh();
        }
    }

    private final java.util.List<ConnectionBox> boxes = new java.util.ArrayList<>();
    private final ReadOnlyStringWrapper connectionsMessage = new ReadOnlyStringWrapper("");

    /** Why the last box could not be ticked, or "". */
    public ReadOnlyStringProperty connectionsMessageProperty() {
        return connectionsMessage.getReadOnlyProperty();
    }

    /**
     * For the step that defines the database connections again: a box for each action of each connection
     * database-connections.md saved; none for another step, or before the file was written.
     */
    public java.util.List<ConnectionBox> connectionBoxes() {
        if (!dev.envclone.run.ConnectionsFile.STEP.equals(item.step().id())) {
            return java.util.List.of();
        }
        dev.envclone.run.RunFolder run = wizard.runProperty().get();
        if (boxes.isEmpty() && run != null) {
            for (String connection : run.savedConnections()) {
                for (String action : dev.envclone.run.ConnectionsFile.ITEMS) {
                    boxes.add(new ConnectionBox(connection, action));
                }
            }
        }
        return java.util.List.copyOf(boxes);
    }

    /** The sandbox can stand in for Service Center: the unmap step, on a rehearsal. */
    public boolean sandboxUnmapOffered() {
        return item.applicable() && UNMAP_STEP.equals(step().id()) && wizard.rehearsalProperty().get();
    }

    /** Removes the extensions' database-connection mappings in the sandbox, as Service Center would. */
    public void unmapInSandbox() {
        if (!sandboxUnmapOffered()) {
            sandboxMessage.set("Only a rehearsal against the sandbox unmaps here; on a real environment use "
                    + "Service Center.");
            return;
        }
        unmapping.set(true);
        sandboxMessage.set("");
        String url = wizard.targetUrlProperty().get();
        String user = wizard.targetUserProperty().get();
        String password = wizard.targetPasswordProperty().get();
        MigrationPlan plan = wizard.planProperty().get();
        wizard.background().run("Unmapping the extensions in the sandbox", (progress, cancel) -> SandboxUnmap.unmapAll(
                        url, user, password == null ? new char[0] : password.toCharArray(), plan),
                removed -> {
                    unmapping.set(false);
                    sandboxMessage.set("Removed " + removed + (removed == 1 ? " mapping" : " mappings")
                            + " from OSSYS_EXTENSION_DBCONNECTION in the sandbox. Press Done to tick the step.");
                }, failed -> {
                    unmapping.set(false);
                    sandboxMessage.set("Nothing was removed: " + failed.getMessage());
                });
    }

    public ReadOnlyStringProperty sandboxMessageProperty() {
        return sandboxMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unmappingProperty() {
        return unmapping.getReadOnlyProperty();
    }

    private Step step() {
        return item.step();
    }
}
