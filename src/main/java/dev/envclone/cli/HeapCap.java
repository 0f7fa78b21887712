package dev.envclone.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The heap cap for a {@code run} started with plain {@code java -jar} (decision 0023). Without a cap the JVM's
 * largest heap is a quarter of the machine's memory, and a run on a large database grows into it before it collects:
 * 0.8 to 1.3 GB resident for a live set of about 100 MB. A jar's manifest cannot carry JVM options, so a
 * {@code run} whose JVM was given no cap starts itself again with {@link #OPTIONS} and hands on its exit code; the
 * installed launcher (and a {@code java} given its own {@code -Xmx}) starts with a cap and runs in place. The short
 * commands never relaunch: they end long before the heap matters, and a second JVM would double their start.
 */
final class HeapCap {
    /** The JVM options envclone is started with: the installer's launcher has the same ones. */
    static final List<String> OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=32m");
    /** A larger largest heap than this was not chosen by anyone: it is the JVM's default share of the memory. */
    static final long UNCAPPED = 512L * 1024 * 1024;
    static final String RELAUNCHED = "envclone.relaunched";
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private HeapCap() {
    }

    /**
     * The command that starts this {@code run} again with the cap, or empty when it runs in place: another command,
     * a cap already given (on the command line, in JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS), or already relaunched.
     */
    static Optional<List<String>> relaunch(String[] args) {
        if (!Subcommands.named(args).equals(Optional.of("run")) || Boolean.getBoolean(RELAUNCHED)
                || Runtime.getRuntime().maxMemory() <= UNCAPPED) {
            return Optional.empty();
        }
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (jvm.stream().anyMatch(HeapCap::capsTheHeap) || capsTheHeap(String.valueOf(System.getenv(
                "JAVA_TOOL_OPTIONS"))) || capsTheHeap(String.valueOf(System.getenv("JDK_JAVA_OPTIONS")))) {
            return Optional.empty();
        }
        Optional<String> java = ProcessHandle.current().info().command();
        if (java.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(jvm);
        command.addAll(OPTIONS);
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.envclone.Main");
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /** Runs {@code command} on this process's console and returns its exit code. */
    static int run(List<String> command) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command).inheritIO().directory(Path.of("").toAbsolutePath().toFile())
                .start();
        // Ended with this process (Ctrl+C, a SIGTERM): the run is asked to stop as when it runs in place (it rolls
        // back the step in hand), and this process waits for it, so the prompt comes back after its last line.
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "envclone-relaunched-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        return code;
    }

    /**
     * In the JVM started again: ends it (its shutdown hooks run, as on Ctrl+C) when the process that started it is
     * gone, killed where it could not pass the stop on (SIGKILL), so no run goes on behind a process that has ended.
     */
    static void endWithTheFirstProcess() {
        if (Boolean.getBoolean(RELAUNCHED)) {
            ProcessHandle.current().parent().ifPresent(first -> first.onExit().thenRun(() -> System.exit(130)));
        }
    }

    private static boolean capsTheHeap(String option) {
        String o = option.toLowerCase(Locale.ROOT);
        return o.contains("-xmx") || o.contains("maxheapsize") || o.contains("maxrampercentage")
                || o.contains("maxram=");
    }
}
