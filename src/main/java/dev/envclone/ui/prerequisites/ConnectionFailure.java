package dev.envclone.ui.prerequisites;

import dev.envclone.db.UrlSecrets;

/** A job's failure as the panel shows it: the message (or the exception's kind), without any secret a URL holds. */
final class ConnectionFailure {
    private ConnectionFailure() {
    }

    static String text(Throwable failed) {
        String message = failed.getMessage();
        if (message == null || message.isBlank()) {
            message = failed.getClass().getSimpleName();
        }
        return UrlSecrets.mask(message);
    }
}
