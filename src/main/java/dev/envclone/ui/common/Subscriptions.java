package dev.envclone.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The listeners a window adds to state that outlives it (the wizard's view model, the scene), removed together
 * when the window closes: a closed window must not go on building pages each time the wizard's state changes.
 * Removed rather than weak, so that closing ends them at once, not whenever the collector runs.
 */
public final class Subscriptions {
    private final List<Runnable> removals = new ArrayList<>();

    /** Adds the listener to the source until {@link #close()}. */
    public <T> void listen(ObservableValue<T> source, ChangeListener<? super T> listener) {
        source.addListener(listener);
        removals.add(() -> source.removeListener(listener));
    }

    /** Runs the undoing of something done to a longer-lived object (an unbind) on {@link #close()}. */
    public void onClose(Runnable undo) {
        removals.add(undo);
    }

    /** How many listeners and undoings are still held: zero after close (tests ask). */
    public int size() {
        return removals.size();
    }

    public void close() {
        for (Runnable removal : removals) {
            removal.run();
        }
        removals.clear();
    }
}
