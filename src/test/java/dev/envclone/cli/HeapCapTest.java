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

    /** {@code envclone run --help} as plain {@code java} starts it: no JVM options (CliProcess gives a cap). */
    private String runHelp(Map<String, String> environment) throws Exception {
        Path home = folder.resolve("home");
        Path console = Files.createDirectories(folder.resolve("console"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Denvclone.home=" + home, "-Denvclone.log=shipped", "-cp",
                System.getProperty("java.class.path"), "dev.envclone.Main", "run", "--help")
                .redirectOutput(console.resolve("out.txt").toFile()).redirectError(console.resolve("err.txt").toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "envclone run --help did not end in 60 s");
        assertEquals(0, process.exitValue(), CliProcess.read(console.resolve("err.txt")));
        assertTrue(CliProcess.read(console.resolve("out.txt")).startsWith("Usage: envclone run "),
                "the help, printed by the JVM started again, on this process's output");
        return Files.readString(home.resolve("logs/envclone.log"));
    }
}
