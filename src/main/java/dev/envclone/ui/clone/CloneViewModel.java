package dev.envclone.ui.clone;

import dev.envclone.files.OwnerOnly;
import dev.envclone.procedure.CloneFiles;
import dev.envclone.run.PlanArtifacts;
import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.manual.StepMarks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A clone step (backup and restore on SQL Server; export, create users, import on Oracle): the file envclone
 * generated for it, to copy or save for the DBA, and the record that the DBA did it, or that it was skipped.
 * envclone does not run the clone itself yet.
 */
public final class CloneViewModel {
    private final WizardViewModel wizard;
    private final StepMarks marks;
    private final String fileName;
    private final String text;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding canMark;

    public CloneViewModel(WizardViewModel wizard, StepItem item) {
        this.wizard = wizard;
        this.marks = new StepMarks(wizard, item);
        this.fileName = CloneFiles.forStep(item.step().id());
        String generated = fileName == null || wizard.planProperty().get() == null ? null
                : PlanArtifacts.of(wizard.planProperty().get()).get(fileName);
        this.text = generated == null ? "" : generated;
        this.canMark = marks.canMarkProperty();
    }

    public StepMarks marks() {
        return marks;
    }

    /** The generated file's name ({@link CloneFiles}), or null. */
    public String fileName() {
        return fileName;
    }

    /** The generated file's text, exactly as the run folder has it. */
    public String text() {
        return text;
    }

    /** Writes the file's text to {@code file}, off the UI thread. */
    public void save(Path file) {
        wizard.background().run("Saving " + fileName, (progress, cancel) -> {
            OwnerOnly.write(file, text.getBytes(StandardCharsets.UTF_8), fileName);
            return file;
        }, this::saved, this::saveFailed);
    }

    /** Says where the file went. */
    public void saved(Path file) {
        message.set(file == null ? "" : fileName + " saved to " + file.toAbsolutePath());
    }

    /** Says the file is on the clipboard. */
    public void copied() {
        message.set(fileName + " copied to the clipboard.");
    }

    /** Says why the file could not be saved. */
    public void saveFailed(Throwable e) {
        message.set("Not saved: " + e.getMessage());
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Done by DBA and Skip are offered while the step is open and nothing is being written. */
    public BooleanBinding canMarkProperty() {
        return canMark;
    }

    public void doneByDba(String dba, String note) {
        marks.doneByDba(dba, note);
    }

    public void skip(String reason) {
        marks.skip(reason);
    }

    public void reload() {
        marks.reload();
    }
}
