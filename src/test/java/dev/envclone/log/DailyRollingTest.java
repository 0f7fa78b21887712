package dev.envclone.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's roll: by local day and by size, its names, and what it keeps. */
class DailyRollingTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    @TempDir
    Path logs;

    private final AtomicLong now = new AtomicLong(local(DAY, 23, 59));

    @Test
    void theActiveFileIsRenamedForItsDayWhenTheLocalDayEnds() throws Exception {
        Files.writeString(logs.resolve("envclone.log"), "a line of the 2nd\n");
        DailyRolling rolling = started(1 << 20);
        assertFalse(rolling.isTriggeringEvent(null, null), "still the 2nd");

        now.set(local(DAY.plusDays(1), 0, 0));
        assertTrue(rolling.isTriggeringEvent(null, null));
        rolling.rollover();

        assertEquals("a line of the 2nd\n", Files.readString(logs.resolve("envclone.2026-12-02.0.log")));
        assertFalse(Files.exists(logs.resolve("envclone.log")));
    }

    @Test
    void aFileThatReachesTheSizeIsRolledWithTheNextNumberOfItsDay() throws Exception {
        Files.writeString(logs.resolve("envclone.2026-12-02.0.log"), "x");
        Files.writeString(logs.resolve("envclone.2026-12-02.3.log"), "x");
        Files.writeString(logs.resolve("envclone.2026-12-01.7.log"), "x");
        Files.writeString(logs.resolve("envclone.log"), "full");
        DailyRolling rolling = started(100);

        rolling.getLengthCounter().add(99);
        assertFalse(rolling.isTriggeringEvent(null, null));
        rolling.getLengthCounter().add(1);
        assertTrue(rolling.isTriggeringEvent(null, null));
        rolling.rollover();

        assertEquals("full", Files.readString(logs.resolve("envclone.2026-12-02.4.log")));
        assertFalse(rolling.isTriggeringEvent(null, null), "the counter starts again with the new file");
    }

    @Test
    void rolledFilesOlderThanFourteenDaysOrBeyondTheTotalSizeAreDeleted() throws Exception {
        Files.writeString(logs.resolve("envclone.2026-11-17.0.log"), "15 days old");
        Files.writeString(logs.resolve("envclone.2026-11-18.0.log"), "14 days");
        Files.writeString(logs.resolve("envclone.2026-11-30.0.log"), "0123456789");
        Files.writeString(logs.resolve("envclone.2026-12-01.0.log"), "0123456789");
        Files.writeString(logs.resolve("notes.log"), "not the log's");
        Files.writeString(logs.resolve("envclone.log"), "0123456789");
        DailyRolling rolling = started(5, 30);

        rolling.getLengthCounter().add(10);
        assertTrue(rolling.isTriggeringEvent(null, null));
        rolling.rollover();

        // Newest first: 2026-12-02.0 (10), 12-01 (20), 11-30 (30) fit in 30 bytes; 11-18 passes them.
        assertEquals(List.of("envclone.2026-11-30.0.log", "envclone.2026-12-01.0.log", "envclone.2026-12-02.0.log",
                "notes.log"), listed());
    }

    private DailyRolling started(long size) {
        return started(size, 100L << 20);
    }

    private DailyRolling started(long size, long total) {
        FileAppender<Object> appender = new FileAppender<>();
        appender.setFile(logs.resolve("envclone.log").toString());
        DailyRolling rolling = new DailyRolling(size, 14, total, now::get);
        rolling.setContext(new LoggerContext());
        rolling.setParent(appender);
        rolling.start();
        return rolling;
    }

    private List<String> listed() throws Exception {
        try (Stream<Path> files = Files.list(logs)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static long local(LocalDate day, int hour, int minute) {
        Calendar calendar = new GregorianCalendar(TimeZone.getDefault());
        calendar.clear();
        calendar.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), hour, minute);
        return calendar.getTimeInMillis();
    }
}
