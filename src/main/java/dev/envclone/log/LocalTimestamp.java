package dev.envclone.log;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;

/**
 * {@code %timestamp} in the log's pattern: the event's local time with its offset, as Logback's
 * {@code %d{yyyy-MM-dd HH:mm:ss.SSSXXX}} wrote it ({@code 2026-12-02 14:05:09.123+01:00}), with the offset taken from
 * {@link TimeZone} rather than from java.time's zone rules, whose provider lookup opens every jar on the class path
 * (decision 0026).
 */
final class LocalTimestamp extends ClassicConverter {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSXXX");

    private final TimeZone zone = TimeZone.getDefault();

    @Override
    public String convert(ILoggingEvent event) {
        long millis = event.getTimeStamp();
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(zone.getOffset(millis) / 1000);
        return FORMAT.format(OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), offset));
    }
}
