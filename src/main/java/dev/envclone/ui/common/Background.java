package dev.envclone.ui.common;

import dev.envclone.db.CancelToken;
import dev.envclone.db.ProgressListener;
import java.util.function.Consumer;

/**
 * Where view models send work that touches the database or the disk: off the UI thread, one job at a time, with
 * progress and cancel; the outcome comes back on the UI thread. The wizard uses {@link FxBackground}; view-model
 * tests use {@link #direct()}, which runs the work at once on the caller's thread.
 */
public interface Background {
    /** The work itself: engine calls, given the progress listener and the cancel token of this job. */
    @FunctionalInterface
    interface Work<T> {
        T call(ProgressListener progress, CancelToken cancel) throws Exception;
    }

    /** A job under way; cancel reaches the engine's cancel token. */
    interface Job {
        void cancel();
    }

    <T> Job run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed);

    /**
     * Hands what a job reports while it runs (a clone's progress, its log lines) to the UI thread; the direct
     * background, whose jobs run on the caller's thread, runs it at once.
     */
    default void onUi(Runnable update) {
        update.run();
    }

    /** Runs each job at once on the calling thread: for view-model tests without a window. */
    static Background direct() {
        return new Background() {
            @Override
            public <T> Job run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
                CancelToken token = new CancelToken();
                T result;
                try {
                    result = work.call(ProgressListener.NONE, token);
                } catch (Exception e) {
                    onFailed.accept(e);
                    return token::cancel;
                }
                onDone.accept(result);
                return token::cancel;
            }
        };
    }
}
