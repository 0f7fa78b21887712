package dev.envclone.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import dev.envclone.db.UrlSecrets;

/**
 * {@code %masked(...)} in the log's pattern (LogConfiguration): the line and its stack trace with every secret a JDBC URL can carry replaced
 * ({@link UrlSecrets#mask}). envclone logs no password and refuses a URL that holds one; a driver's exception may
 * still echo a URL in its message, and a stack trace prints that message as it is.
 */
public final class SecretMasking extends CompositeConverter<ILoggingEvent> {
    @Override
    protected String transform(ILoggingEvent event, String in) {
        return UrlSecrets.mask(in);
    }
}
