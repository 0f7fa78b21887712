package dev.envclone.ui.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;

/**
 * What every window the wizard opens gets as it opens (its icon, a dialog's text size), wherever it was made: a
 * dialog is a window of its own, out of reach of the main window's stylesheet and root font, and not every one
 * has an owner to copy from. One listener on the application's window list, one action per purpose. FX thread.
 */
final class NewWindows {
    private static final List<Consumer<Window>> ACTIONS = new CopyOnWriteArrayList<>();
    private static boolean listening;

    private NewWindows() {
    }

    /** Runs {@code action} on each window shown from now on. */
    static void each(Consumer<Window> action) {
        ACTIONS.add(action);
        if (listening) {
            return;
        }
        listening = true;
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window window : change.getAddedSubList()) {
                    ACTIONS.forEach(each -> each.accept(window));
                }
            }
        });
    }
}
