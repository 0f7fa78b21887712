package dev.envclone.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** %timestamp writes what Logback's %d{yyyy-MM-dd HH:mm:ss.SSSXXX} wrote, in any zone, in summer and winter. */
class LocalTimestampTest {
    @ParameterizedTest
    @CsvSource({"Europe/Berlin, 2026-07-01T10:15:30.045Z, 2026-07-01 12:15:30.045+02:00",
        "Europe/Berlin, 2026-12-02T23:30:00.001Z, 2026-12-03 00:30:00.001+01:00",
        "America/St_Johns, 2026-01-15T03:00:00Z, 2026-01-14 23:30:00.000-03:30",
        "UTC, 2026-03-29T01:00:00Z, 2026-03-29 01:00:00.000Z"})
    void writesTheLocalTimeAndOffsetAsLogbacksDateDid(String zone, String instant, String expected) {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try {
            LoggerContext context = new LoggerContext();
            LoggingEvent event = new LoggingEvent("x", context.getLogger("x"), Level.INFO, "m", null, null);
            event.setInstant(Instant.parse(instant));
            PatternLayout logbacks = new PatternLayout();
            logbacks.setContext(context);
            logbacks.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSSXXX}");
            logbacks.start();

            assertEquals(expected, new LocalTimestamp().convert(event));
            assertEquals(logbacks.doLayout(event), new LocalTimestamp().convert(event));
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
