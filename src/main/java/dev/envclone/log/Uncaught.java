package dev.envclone.log;

import dev.envclone.db.UrlSecrets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an error nobody caught, in the command line and in the wizard: its whole cause chain goes into the
 * log, and the operator gets one plain sentence naming the log file ({@link #message}), shown the way the face
 * shows things (a line on standard error, an alert).
 */
public final class Uncaught implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Uncaught.class);

    private final Consumer<String> show;

    /** @param show shows the sentence; it must not throw (a failure there is logged, nothing more) */
    public Uncaught(Consumer<String> show) {
        this.show = show;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Unexpected error in thread {}", thread.getName(), error);
        try {
            show.accept(message(error));
        } catch (RuntimeException | Error e) {
            LOG.error("Could not show the unexpected error to the operator", e);
        }
    }

    /** "envclone stopped what it was doing on an unexpected error (OutOfMemoryError: ...); details are in FILE." */
    public static String message(Throwable error) {
        String text = error.getMessage() == null || error.getMessage().isBlank() ? ""
                : ": " + error.getMessage().replace("\r", " ").replace("\n", " ");
        return "envclone stopped what it was doing on an unexpected error (" + error.getClass().getSimpleName()
                + UrlSecrets.mask(text) + "); " + LogFile.details() + ".";
    }
}
