package dev.envclone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs envclone's command line for tests: in this JVM, or as a process of its own that a test can kill. */
public final class CliProcess {
    private CliProcess() {
    }

    public record Result(int code, String out, String err) {
    }

    public static Result inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Starts {@code envclone ARGS} in a new JVM on this test's class path, with extra system properties and
     * environment variables; its output goes to {@code out.txt} and {@code err.txt} in {@code logs}.
     */
    public static Process start(Path logs, Map<String, String> properties, Map<String, String> environment,
                                String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(),
                // C1 only: a test's short-lived envclone process spends half its CPU in the C2 compiler otherwise
                // (1.8x the CPU of a small sandbox run, measured side by side), and the suite shares two cores.
                "-XX:TieredStopAtLevel=1",
                // A heap cap given, so a run is not started again in a second JVM (HeapCap): a test that kills
                // the process kills the run itself.
                "-Xmx256m",
                "-cp", System.getProperty("java.class.path")));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("dev.envclone.Main");
        command.addAll(List.of(args));
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(logs.resolve("out.txt").toFile())
                .redirectError(logs.resolve("err.txt").toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    public static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
