package dev.envclone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** target/envclone.jar starts with plain `java -jar`, its libraries beside it in lib/, without Maven. */
class PackagedJarIT {
    @TempDir
    Path out;

    private record Result(int code, String stdout, String stderr) {
    }

    /** The user folder the jar is started with: its log goes there, never into the user's own. */
    private static final Path HOME = home();

    private static Path home() {
        try {
            return Files.createTempDirectory("envclone-home");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Denvclone.home=" + HOME, "-jar", System.getProperty("envclone.jar")));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("envclone-out", ".txt");
        Path stderr = Files.createTempFile("envclone-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "envclone did not finish in 60 s");
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"oracle, expdp.par;impdp.par;create-users.sql", "sqlserver, backup-on-source.sql;restore-on-target.sql"})
    void writesThePlanFiles(String dbms, String dbmsFiles) throws Exception {
        Path folder = out.resolve(dbms);
        Result result = run("plan", "--dbms", dbms, "--out", folder.toString());
        assertEquals(0, result.code(), result.stderr());
        List<String> expected = new ArrayList<>(List.of("plan.json", "checklist.md",
                "cleanup-before-install.sql", "cleanup-after-install.sql"));
        expected.addAll(List.of(dbmsFiles.split(";")));
        for (String name : expected) {
            assertTrue(Files.size(folder.resolve(name)) > 0, name);
        }
    }

    @Test
    void reportsBadInputWithExitTwo() throws Exception {
        Result result = run("plan", "--dbms", "oracle", "--admin-user", "A'B", "--out", out.resolve("x").toString());
        assertEquals(2, result.code());
        assertTrue(result.stderr().startsWith("envclone plan: admin user 'A'B' contains a quote"), result.stderr());
    }

    @Test
    void logsIntoTheUserFoldersLogFileAndNotOnTheConsole() throws Exception {
        Result result = run("plan", "--dbms", "oracle", "--admin-user", "A'B", "--out", out.resolve("y").toString());
        assertEquals(2, result.code());
        assertEquals(1, result.stderr().lines().filter(l -> !l.startsWith("Try '")).count(), result.stderr());
        String log = Files.readString(HOME.resolve("logs/envclone.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("INFO  Cli - envclone plan ended with exit code 2"), log);
        assertTrue(log.contains("told the operator: envclone plan: admin user 'A'B' contains a quote"), log);
    }

    @Test
    void printsItsVersion() throws Exception {
        Result result = run("--version");
        assertEquals(0, result.code(), result.stderr());
        assertTrue(result.stdout().startsWith("envclone 0."), result.stdout());
    }
}
