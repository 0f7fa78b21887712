package dev.envclone.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log as shipped (LogConfiguration): one owner-only file in the user folder's logs folder, rolled, nothing on the console. */
class LogFileTest {
    @TempDir
    Path folder;

    private Path home;

    @BeforeEach
    void posix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        home = folder.resolve("home");
    }

    @Test
    void theLogIsEnvcloneLogInTheUserFoldersLogsFolderOwnerOnlyFromItsCreation() throws Exception {
        try (ConfiguredLog log = new ConfiguredLog(home)) {
            log.logger(LogFileTest.class).info("Step 4 cleanup-front-ends: done, 3 rows changed");
        }

        Path file = home.resolve("logs").resolve("envclone.log");
        assertTrue(Files.readString(file).contains(" INFO  LogFileTest - Step 4 cleanup-front-ends: done, 3 rows "
                + "changed"), Files.readString(file));
        assertEquals("rw-------", permissions(file));
        assertEquals("rwx------", permissions(file.getParent()));
        assertEquals("rwx------", permissions(home), "the user folder, made by the log, is owner-only too");
    }

    @Test
    void anExistingLogThatOthersCouldReadIsMadeOwnerOnlyBeforeAnythingIsWritten() throws Exception {
        Path file = Files.createDirectories(home.resolve("logs")).resolve("envclone.log");
        Files.writeString(file, "an earlier line\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (ConfiguredLog log = new ConfiguredLog(home)) {
            log.logger(LogFileTest.class).info("the next line");
        }

        assertEquals("rw-------", permissions(file));
        assertTrue(Files.readString(file).startsWith("an earlier line\n"), "appended, not replaced");
    }

    @Test
    void theFileOpenedAfterARolloverIsOwnerOnlyAndTheRolledOneIsKept() throws Exception {
        try (ConfiguredLog log = new ConfiguredLog(home)) {
            Logger logger = (Logger) log.logger(LogFileTest.class);
            // The shipped 10 MB, made small enough to roll in a test.
            appender(log).setRollingPolicy(rolling(log, 2048));
            for (int i = 0; i < 100; i++) {
                logger.info("line {} of a long run, enough to pass the size the file is rolled at", i);
            }
        }

        List<Path> files;
        try (Stream<Path> listed = Files.list(home.resolve("logs"))) {
            files = listed.sorted().toList();
        }
        assertTrue(files.size() >= 2, "rolled: " + files);
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().matches("envclone\\.\\d{4}-\\d{2}-\\d{2}"
                + "\\.\\d+\\.log")), files.toString());
        for (Path file : files) {
            assertEquals("rw-------", permissions(file), file.toString());
        }
        assertTrue(Files.readString(home.resolve("logs/envclone.log")).contains("line 99 of a long run"));
    }

    @Test
    void aPasswordInAUrlThatAMessageOrAStackTraceEchoesIsMasked() throws Exception {
        String canary = "Canary-7f3a9e";
        try (ConfiguredLog log = new ConfiguredLog(home)) {
            log.logger(LogFileTest.class).error("cannot use jdbc:sqlserver://db01;databaseName=OS;password=" + canary,
                    new SQLException("The driver echoes jdbc:oracle:thin:scott/" + canary + "@//db01:1521/ORCL"));
        }

        String text = Files.readString(home.resolve("logs/envclone.log"));
        assertFalse(text.contains(canary), text);
        assertTrue(text.contains("password=***") && text.contains("java.sql.SQLException: The driver echoes "
                + "jdbc:oracle:thin:scott/***@//db01:1521/ORCL"), text);
        assertTrue(text.contains("\tat dev.envclone.log.LogFileTest."), "the stack trace is there: " + text);
    }

    @Test
    void nothingIsWrittenOnTheConsole() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<Appender<?>> appenders = new ArrayList<>();
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try (ConfiguredLog log = new ConfiguredLog(home)) {
            log.logger(LogFileTest.class).error("a failure", new IllegalStateException("with a cause"));
            for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = log.context()
                    .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders(); it.hasNext(); ) {
                appenders.add(it.next());
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertEquals("", console.toString(StandardCharsets.UTF_8));
        assertTrue(appenders.stream().noneMatch(a -> a instanceof ConsoleAppender), appenders.toString());
        assertEquals(List.of(OwnerOnlyFileAppender.class), appenders.stream().map(Object::getClass).toList());
    }

    @Test
    void aLogFolderThatCannotBeMadeLeavesTheConsoleQuiet() throws Exception {
        Files.writeString(folder.resolve("home"), "a file where the user folder should be");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream err = System.err;
        PrintStream out = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try (ConfiguredLog log = new ConfiguredLog(home)) {
            log.logger(LogFileTest.class).error("nowhere to go");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertEquals("", console.toString(StandardCharsets.UTF_8), "the command line's output stays its own");
    }

    private static OwnerOnlyFileAppender appender(ConfiguredLog log) {
        return (OwnerOnlyFileAppender) log.context().getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE");
    }

    /** The shipped roll with another size; it counts from the length of the file the appender has open. */
    private static DailyRolling rolling(ConfiguredLog log, long size) throws Exception {
        DailyRolling rolling = new DailyRolling(size, 14, 100L << 20, System::currentTimeMillis);
        rolling.setContext(log.context());
        rolling.setParent(appender(log));
        rolling.start();
        rolling.getLengthCounter().add(Files.size(Path.of(appender(log).getFile())));
        return rolling;
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
