package dev.envclone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run started with plain java (no heap cap) starts itself again with envclone's cap; the rest run in place. */
class HeapCapTest {
    @TempDir
    Path folder;

    @Test
    void onlyARunIsStartedAgain() {
        assertEquals(Optional.empty(), HeapCap.relaunch(new String[] {"plan", "--dbms", "sqlserver", "--out", "x"}));
        assertEquals(Optional.empty(), HeapCap.relaunch(new String[] {"--help"}));
    }

    @Test
    void aRunWithoutACapIsStartedAgainWithTheCapAndKeepsItsOutputAndExitCode() throws Exception {
        String log = runHelp(Map.of());
        assertTrue(log.contains("envclone run started again with [-Xmx128m, -XX:+UseSerialGC"), log);
    }

    @Test
    void aRunGivenItsOwnCapRunsInPlace() throws Exception {
        String log = runHelp(Map.of("JDK_JAVA_OPTIONS", "-Xmx96m"));
        assertFalse(log.contains("started again"), log);
    }

    private String runHelp(Map<String, String> environment) throws Exception {
        Path home = folder.resolve("home");
        Process process = CliProcess.start(folder.resolve("console"), Map.of("envclone.home", home.toString(),
                "envclone.log", "shipped"), environment, "run", "--help");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "envclone run --help did not end in 60 s");
        assertEquals(0, process.exitValue(), CliProcess.read(folder.resolve("console/err.txt")));
        assertTrue(CliProcess.read(folder.resolve("console/out.txt")).startsWith("Usage: envclone run "),
                "the help, printed by the JVM started again, on this process's output");
        return Files.readString(home.resolve("logs/envclone.log"));
    }
}
