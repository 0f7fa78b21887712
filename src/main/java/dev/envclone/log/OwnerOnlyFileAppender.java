package dev.envclone.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import dev.envclone.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Logback's rolling file appender, with the log folder and every file it opens owner-only from their creation
 * (decision 0008): the folder is made (or tightened) and the file created empty and owner-only before Logback opens
 * it for appending. Logback calls {@link #openFile} at the start and again after each rollover, so the fresh file
 * of every day is owner-only too; a rolled file keeps its mode, since rolling renames it.
 */
public final class OwnerOnlyFileAppender extends RollingFileAppender<ILoggingEvent> {
    @Override
    public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName).toAbsolutePath();
        OwnerOnly.folder(file.getParent(), "log folder");
        OwnerOnly.open(file, "log file").close();
        super.openFile(fileName);
    }
}
