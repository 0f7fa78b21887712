package dev.envclone.log;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/** The file this process logs into, as Logback was configured: to name it in a message the operator reads. */
public final class LogFile {
    private LogFile() {
    }

    /** The file the root logger writes, or null when it writes none (logging is off, or the file could not open). */
    public static Path current() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders();
             it.hasNext(); ) {
            if (it.next() instanceof FileAppender<?> file && file.isStarted() && file.getFile() != null) {
                return Path.of(file.getFile()).toAbsolutePath();
            }
        }
        return null;
    }

    /** "details are in FILE", or why there are none, to end a sentence with. */
    public static String details() {
        Path file = current();
        return file == null ? "no log file could be written (see the user folder's logs folder)"
                : "details are in " + file;
    }
}
