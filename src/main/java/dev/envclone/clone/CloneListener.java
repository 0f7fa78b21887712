package dev.envclone.clone;

import dev.envclone.db.ProgressListener;

/**
 * What a clone action tells while it works: how far it is ({@link ProgressListener}, percent as done of 100 where
 * the server or tool says it) and each line of the server's or tool's own log as it arrives (a {@code STATS}
 * message, a Data Pump log line), which the wizard shows live and the journal keeps. A progress call with
 * {@code total} 0 says what is under way when no fraction is known (the sandbox's BACKUP: bytes written so far).
 */
public interface CloneListener extends ProgressListener {
    CloneListener NONE = new CloneListener() {
        @Override
        public void progress(String message, int done, int total) {
        }

        @Override
        public void logLine(String line) {
        }
    };

    /** One line of the server's or tool's log, as it arrived, without its line break. */
    void logLine(String line);
}
