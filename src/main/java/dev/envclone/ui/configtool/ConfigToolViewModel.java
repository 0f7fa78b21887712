package dev.envclone.ui.configtool;

import dev.envclone.files.OwnerOnly;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.StepKind;
import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.manual.StepMarks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A Configuration Tool step: the three tabs the document fills in (Platform, Log, Session) with the plan's values,
 * the sheet to print or save for the person at the Configuration Tool, and the tick for this step. No password is
 * asked for or kept anywhere: the sheet says to type each one in the tool.
 */
public final class ConfigToolViewModel {
    private final WizardViewModel wizard;
    private final StepItem item;
    private final StepMarks marks;
    private final List<ConfigTab> tabs;
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding canMark;

    public ConfigToolViewModel(WizardViewModel wizard, StepItem item) {
        this.wizard = wizard;
        this.item = item;
        this.marks = new StepMarks(wizard, item);
        MigrationPlan plan = wizard.planProperty().get();
        this.tabs = ProcedureCatalog.stepsFor(plan).stream()
                .filter(s -> s.kind() == StepKind.CONFIGURATION_TOOL)
                .map(s -> ConfigTab.of(s, plan.dbms())).toList();
        this.canMark = marks.canMarkProperty();
    }

    public StepMarks marks() {
        return marks;
    }

    /**
     * OutSystems' unattended command that applies what the tabs hold (with the session rebuild and, on a fresh
     * installation, Service Center), the same for the three tabs' steps.
     */
    public java.util.Optional<dev.envclone.procedure.UnattendedCommands.Command> unattendedCommand() {
        return dev.envclone.procedure.UnattendedCommands.forStep(wizard.planProperty().get(), item.step().id());
    }

    /** Platform, Log and Session, in the document's order. */
    public List<ConfigTab> tabs() {
        return tabs;
    }

    /** The tab of this page's step. */
    public int selectedTab() {
        for (int i = 0; i < tabs.size(); i++) {
            if (tabs.get(i).step().id().equals(item.step().id())) {
                return i;
            }
        }
        return 0;
    }

    /** The whole sheet, all three tabs, as Markdown. */
    public String sheetText() {
        return SheetText.render(wizard.planProperty().get(), tabs);
    }

    /** A file name for Save: configuration-tool-sheet.md. */
    public String sheetFileName() {
        return "configuration-tool-sheet.md";
    }

    /** Writes the sheet to {@code file}, off the UI thread. */
    public void save(Path file) {
        String text = sheetText();
        wizard.background().run("Saving the Configuration Tool sheet", (progress, cancel) -> {
            OwnerOnly.write(file, text.getBytes(StandardCharsets.UTF_8), "sheet");
            return file;
        }, saved -> message.set("Sheet saved to " + saved.toAbsolutePath()),
                failed -> message.set("Not saved: " + failed.getMessage()));
    }

    /** Prints a sheet's text (the page's printer job); runs off the UI thread. */
    @FunctionalInterface
    public interface SheetPrinter {
        void print(String sheet) throws Exception;
    }

    /** Sends the sheet to the printer the operator chose, off the UI thread. */
    public void print(SheetPrinter printer) {
        String text = sheetText();
        wizard.background().run("Printing the Configuration Tool sheet", (progress, cancel) -> {
            printer.print(text);
            return Boolean.TRUE;
        }, printed -> message.set("Sheet sent to the printer."),
                failed -> message.set("Not printed: " + failed.getMessage()));
    }

    /** There is no printer to print on. */
    public void noPrinter() {
        message.set("No printer is set up on this machine; use Save sheet.");
    }

    /** What the last print or save did, for the page to show; the page also sets it after printing. */
    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public BooleanBinding canMarkProperty() {
        return canMark;
    }

    /** Ticks this step done, with the note typed. */
    public void tick() {
        marks.tick(note.get());
    }

    public void reload() {
        marks.reload();
    }
}
