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

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("envclone.jar")));
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
        List<String> expected = new ArrayList<>(List.of("plan.json", "checklist.md", "cleanup.sql"));
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
    void printsItsVersion() throws Exception {
        Result result = run("--version");
        assertEquals(0, result.code(), result.stderr());
        assertTrue(result.stdout().startsWith("envclone 0."), result.stdout());
    }
}
