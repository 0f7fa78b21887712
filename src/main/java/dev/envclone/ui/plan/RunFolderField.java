package dev.envclone.ui.plan;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;

/**
 * The run folder as typed, in step with the wizard's run folder: a usable path goes to the wizard as it is typed,
 * and a folder set elsewhere (the start page) shows here. What is wrong with the text is in {@link #message()}.
 */
final class RunFolderField {
    private final ObjectProperty<Path> folder;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    // The wizard outlives the page: it holds this listener weakly, this field strongly.
    private final ChangeListener<Path> folderChanged = (o, before, now) -> show();

    RunFolderField(ObjectProperty<Path> folder) {
        this.folder = folder;
        show();
        check();
        text.addListener((o, before, now) -> typed());
        folder.addListener(new WeakChangeListener<>(folderChanged));
    }

    StringProperty text() {
        return text;
    }

    ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** The message for a text, or null when it names a usable folder. */
    static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "run folder is empty: give the folder where envclone writes the plan, the scripts and the "
                    + "journal.";
        }
        try {
            Path.of(text);
            return null;
        } catch (InvalidPathException e) {
            return "run folder '" + text + "' is not a usable path: " + e.getReason() + ".";
        }
    }

    private void typed() {
        check();
        if (message.get().isEmpty()) {
            Path typed = Path.of(text.get());
            if (!typed.equals(folder.get())) {
                folder.set(typed);
            }
        }
    }

    private void check() {
        String problem = problem(text.get());
        message.set(problem == null ? "" : problem);
    }

    /** Shows the wizard's folder, unless the text already names it (as typed, e.g. with a trailing separator). */
    private void show() {
        Path current = folder.get();
        String typed = text.get();
        if (problem(typed) != null || !Path.of(typed).equals(current)) {
            text.set(current == null ? "" : current.toString());
        }
    }
}
