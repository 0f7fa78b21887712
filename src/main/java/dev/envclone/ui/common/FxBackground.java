package dev.envclone.ui.common;

import dev.envclone.db.CancelToken;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wizard's one worker thread: every job is a {@link Task} on it, so database work never runs on the UI thread
 * and never two jobs at once on one connection. Exposes what the status bar shows: busy, the message, the progress.
 */
public final class FxBackground implements Background {
    /** Taken when first used, not as the class loads: the wizard's first frame is drawn before the log is set up. */
    private static Logger log() {
        return LoggerFactory.getLogger(FxBackground.class);
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "envclone-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    // The job the worker runs now, not the newest queued: Escape cancels what the operator sees under way.
    private final AtomicReference<CancelToken> running = new AtomicReference<>();
    private int pending;

    @Override
    public <T> Job run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        CancelToken token = new CancelToken();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                running.set(token);
                try {
                    log().info("Job started: {}", title);
                    updateMessage(title);
                    return work.call((text, done, total) -> {
                        updateMessage(text);
                        updateProgress(done, Math.max(total, 1));
                    }, token);
                } finally {
                    running.compareAndSet(token, null);
                }
            }
        };
        pending++;
        busy.set(true);
        // The status bar follows the job under way; one queued behind it takes the bar when it starts.
        task.setOnRunning(e -> {
            message.unbind();
            progress.unbind();
            message.bind(task.messageProperty());
            progress.bind(task.progressProperty());
        });
        task.setOnSucceeded(e -> {
            log().info("Job done: {}", title);
            finished();
            onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            // The page shows the message; the log keeps the whole chain.
            log().warn("Job failed: {}", title, task.getException());
            finished();
            onFailed.accept(task.getException());
        });
        executor.execute(task);
        return token::cancel;
    }

    @Override
    public void onUi(Runnable update) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            update.run();
        } else {
            javafx.application.Platform.runLater(update);
        }
    }

    /**
     * Cancels the job under way, if any (Escape, or the status bar's Cancel); jobs queued behind it still run (a
     * page cancels its own with the handle {@link #run} gave it).
     */
    public void cancelCurrent() {
        CancelToken token = running.get();
        if (token != null) {
            token.cancel();
        }
    }

    private void finished() {
        // Jobs queue behind one another: the bar stays busy until the last of them has ended.
        if (--pending > 0) {
            return;
        }
        message.unbind();
        progress.unbind();
        message.set("");
        progress.set(0);
        busy.set(false);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
