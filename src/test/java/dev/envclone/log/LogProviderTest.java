package dev.envclone.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** envclone's process names its SLF4J provider: the shipped log, and not a word of SLF4J's on the console. */
class LogProviderTest {
    @TempDir
    Path folder;

    @Test
    void aCommandsProcessLogsIntoTheUserFolderAndSaysNothingAboutItsLogging() throws Exception {
        Path home = folder.resolve("home");
        Process process = CliProcess.start(folder.resolve("out"), Map.of("envclone.home", home.toString(),
                "envclone.log", "shipped"), Map.of(), "--version");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertEquals(0, process.exitValue());
        assertEquals("", CliProcess.read(folder.resolve("out/err.txt")), "standard error");
        String log = Files.readString(home.resolve("logs/envclone.log"));
        assertTrue(log.matches("(?s)\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) "
                + process.pid() + " \\[main] INFO  Cli - envclone  started: --version\n.*"), log);
    }

    @Test
    void aProviderOrVerbosityAlreadyChosenIsLeftAlone() {
        String provider = System.getProperty(LogProvider.PROVIDER);
        String verbosity = System.getProperty(LogProvider.VERBOSITY);
        System.setProperty(LogProvider.PROVIDER, "org.example.Other");
        System.setProperty(LogProvider.VERBOSITY, "DEBUG");
        try {
            LogProvider.choose();
            assertEquals("org.example.Other", System.getProperty(LogProvider.PROVIDER));
            assertEquals("DEBUG", System.getProperty(LogProvider.VERBOSITY));
        } finally {
            restore(LogProvider.PROVIDER, provider);
            restore(LogProvider.VERBOSITY, verbosity);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
