package dev.envclone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.log.LogFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An error no command caught: one plain line on standard error naming the log file, the whole chain in the log. */
class UncaughtErrorTest {
    @Test
    void anUncaughtErrorIsOneLineNamingTheLogFileAndItsChainIsInTheLog() throws Exception {
        Path log = LogFile.current();
        assertNotNull(log, "the build's log file (logback-test.xml)");
        StringWriter err = new StringWriter();
        Error error = new OutOfMemoryError("Java heap space");
        error.initCause(new IllegalStateException("the cause " + System.nanoTime()));

        Cli.uncaught(new PrintWriter(err)).uncaughtException(Thread.currentThread(), error);

        List<String> lines = err.toString().lines().toList();
        assertEquals(List.of("envclone: envclone stopped what it was doing on an unexpected error (OutOfMemoryError: "
                + "Java heap space); details are in " + log + "."), lines);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("java.lang.OutOfMemoryError: Java heap space\n\tat dev.envclone.cli."
                + "UncaughtErrorTest."), text.substring(Math.max(0, text.length() - 2000)));
        assertTrue(text.contains("Caused by: " + error.getCause()), "the cause chain");
    }
}
