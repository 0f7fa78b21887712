package dev.envclone.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.LengthCounter;
import ch.qos.logback.core.rolling.LengthCounterBase;
import ch.qos.logback.core.rolling.RollingPolicyBase;
import ch.qos.logback.core.rolling.RolloverFailure;
import ch.qos.logback.core.rolling.TriggeringPolicy;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.LongSupplier;

/**
 * When and how envclone.log rolls (decision 0012): at the end of the local day or once it holds {@code maxFileSize}
 * bytes it is renamed {@code envclone.YYYY-MM-DD.N.log} (its day, N from 0 within the day, going on from the highest
 * N a day's files already have), and rolled files older than {@code maxHistory} days, or beyond {@code totalSizeCap}
 * bytes counted from the newest, are deleted. The names and limits of Logback's {@code SizeAndTimeBasedRollingPolicy},
 * which envclone used before, without its set-up: it parses two file-name patterns into regular expressions, and its
 * date formats load java.time's zone rules, whose provider lookup opens every jar on the class path; that was a
 * fifth of a {@code plan}'s CPU (decision 0026). The local day comes from {@link TimeZone}, which reads the JDK's
 * time-zone data itself.
 */
final class DailyRolling extends RollingPolicyBase implements TriggeringPolicy<ILoggingEvent> {
    private static final String STEM = "envclone.";
    private static final String SUFFIX = ".log";

    private final long maxFileSize;
    private final int maxHistory;
    private final long totalSizeCap;
    private final LongSupplier clock;
    private final TimeZone zone = TimeZone.getDefault();
    // The appender adds the file's length when it opens it and each event's bytes as it writes them.
    private final LengthCounter length = new LengthCounterBase();
    private LocalDate day;
    private long nextDay;
    private int index;
    private String elapsed;

    DailyRolling(long maxFileSize, int maxHistory, long totalSizeCap, LongSupplier clock) {
        this.maxFileSize = maxFileSize;
        this.maxHistory = maxHistory;
        this.totalSizeCap = totalSizeCap;
        this.clock = clock;
    }

    @Override
    public void start() {
        enter(clock.getAsLong());
        // A process started again within the day goes on after the files the day already has.
        index = rolled().stream().filter(file -> file.day.equals(day)).mapToInt(file -> file.index + 1).max()
                .orElse(0);
        super.start();
    }

    @Override
    public boolean isTriggeringEvent(File activeFile, ILoggingEvent event) {
        long now = clock.getAsLong();
        if (now >= nextDay) {
            elapsed = name(day, index);
            index = 0;
            enter(now);
        } else if (length.getLength() >= maxFileSize) {
            elapsed = name(day, index);
            index++;
        } else {
            return false;
        }
        length.reset();
        return true;
    }

    @Override
    public void rollover() throws RolloverFailure {
        Path active = Path.of(getActiveFileName());
        try {
            Files.move(active, active.resolveSibling(elapsed));
        } catch (IOException e) {
            // The appender goes on appending to the active file and tries again at the next trigger.
            throw new RolloverFailure("could not rename " + active + " to " + elapsed + ": " + e);
        }
        deleteBeyondTheLimits();
    }

    @Override
    public String getActiveFileName() {
        return getParentsRawFileProperty();
    }

    @Override
    public LengthCounter getLengthCounter() {
        return length;
    }

    /** The oldest days first, then from the newest file on what passes the total size. */
    private void deleteBeyondTheLimits() {
        LocalDate oldestKept = day.minusDays(maxHistory);
        List<RolledFile> files = rolled();
        files.sort(Comparator.comparing((RolledFile file) -> file.day).thenComparingInt(file -> file.index)
                .reversed());
        long total = 0;
        for (RolledFile file : files) {
            try {
                total += Files.size(file.path);
                if (file.day.isBefore(oldestKept) || total > totalSizeCap) {
                    Files.delete(file.path);
                }
            } catch (IOException e) {
                addWarn("could not delete the old log file " + file.path, e);
            }
        }
    }

    private List<RolledFile> rolled() {
        List<RolledFile> files = new ArrayList<>();
        Path folder = Path.of(getActiveFileName()).toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> listed = Files.newDirectoryStream(folder, STEM + "*" + SUFFIX)) {
            for (Path path : listed) {
                RolledFile file = RolledFile.of(path);
                if (file != null) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            addWarn("could not list the log folder " + folder, e);
        }
        return files;
    }

    /** The day {@code now} is in, and when the next one starts (a day is 23 or 25 hours when the clocks change). */
    private void enter(long now) {
        Calendar calendar = new GregorianCalendar(zone, Locale.ROOT);
        calendar.setTimeInMillis(now);
        day = LocalDate.of(calendar.get(Calendar.YEAR), calendar.get(Calendar.MONTH) + 1,
                calendar.get(Calendar.DAY_OF_MONTH));
        calendar.set(Calendar.HOUR_OF_DAY, 0);
        calendar.set(Calendar.MINUTE, 0);
        calendar.set(Calendar.SECOND, 0);
        calendar.set(Calendar.MILLISECOND, 0);
        calendar.add(Calendar.DAY_OF_MONTH, 1);
        nextDay = calendar.getTimeInMillis();
    }

    static String name(LocalDate day, int index) {
        return STEM + day + "." + index + SUFFIX;
    }

    /** A rolled file, {@code envclone.YYYY-MM-DD.N.log}. */
    private record RolledFile(Path path, LocalDate day, int index) {
        static RolledFile of(Path path) {
            String name = path.getFileName().toString();
            String middle = name.substring(STEM.length(), name.length() - SUFFIX.length());
            int dot = middle.lastIndexOf('.');
            if (dot != "YYYY-MM-DD".length() || !digits(middle, 0, 4) || middle.charAt(4) != '-'
                    || !digits(middle, 5, 7) || middle.charAt(7) != '-' || !digits(middle, 8, 10)
                    || !digits(middle, dot + 1, middle.length()) || middle.length() - dot > 10) {
                return null;
            }
            try {
                return new RolledFile(path, LocalDate.parse(middle.substring(0, dot)),
                        Integer.parseInt(middle.substring(dot + 1)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }

        private static boolean digits(String text, int from, int to) {
            if (from >= to) {
                return false;
            }
            for (int i = from; i < to; i++) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }
    }
}
