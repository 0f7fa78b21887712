package dev.envclone.bench;

import dev.envclone.cli.CliProcess;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Peak resident memory of a full {@code envclone run} (prepare and every cleanup step) of a large sandbox, as the
 * kernel counts it ({@code /usr/bin/time -v}, Debian's {@code time}), the JVM started as {@code java -jar} starts it:
 * no JVM options unless the system property {@code bench.jvm} gives some, on envclone's runtime class path
 * ({@code bench.cp}; see {@link StartBenchmark}). With the system property {@code bench.launcher} (the app-image's
 * {@code bin/envclone}) the run is started by that launcher instead, with the JVM options it gives. Goal: at most
 * 250 MB.
 *
 * <pre>java -Dbench.cp="target/classes:$(cat /tmp/cp-main.txt)" \
 *     -cp "target/classes:target/test-classes:$(cat /tmp/cp.txt)" dev.envclone.bench.RunMemoryBenchmark sqlserver 3
 * java -Dbench.launcher=target/installer/envclone/bin/envclone -cp ... dev.envclone.bench.RunMemoryBenchmark oracle 3</pre>
 */
public final class RunMemoryBenchmark {
    private RunMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Dbms dbms = args.length > 0 ? Dbms.valueOf(args[0].toUpperCase(Locale.ROOT)) : Dbms.SQLSERVER;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path folder = Files.createTempDirectory("envclone-memory");
        CliProcess.inProcess("plan", "--dbms", dbms.cliName(), "--out", folder.resolve("plan").toString());
        for (int round = 1; round <= rounds; round++) {
            String url = Sandbox.create(dbms, folder.resolve("db" + round), SandboxSize.LARGE);
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                 Statement statement = connection.createStatement()) {
                // The operator has unmapped the extensions, so that every cleanup step runs.
                statement.execute((dbms == Dbms.ORACLE ? "delete from OSADMIN." : "delete from ")
                        + "OSSYS_EXTENSION_DBCONNECTION");
            }
            List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v"));
            String launcher = System.getProperty("bench.launcher", "").trim();
            if (launcher.isEmpty()) {
                command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Denvclone.home=" + folder.resolve("home")));
                String options = System.getProperty("bench.jvm", "").trim();
                if (!options.isEmpty()) {
                    command.addAll(Arrays.asList(options.split(" +")));
                }
                command.addAll(List.of("-cp", System.getProperty("bench.cp", System.getProperty("java.class.path")),
                        "dev.envclone.Main"));
            } else {
                command.add(Path.of(launcher).toAbsolutePath().toString());
            }
            command.addAll(List.of("run",
                    "--run-dir", folder.resolve("run" + round).toString(), "--plan",
                    folder.resolve("plan/plan.json").toString(), "--target", url, "--user", "sa", "--yes"));
            Path output = folder.resolve("output" + round + ".txt");
            ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            if (!launcher.isEmpty()) {
                // The launcher takes no JVM options on its command line; the JVM reads this variable.
                process.environment().put("JAVA_TOOL_OPTIONS", "-Denvclone.home=" + folder.resolve("home"));
            }
            int code = process.start().waitFor();
            String text = Files.readString(output);
            if (code != 0) {
                throw new IllegalStateException("the run ended with " + code + ": " + text);
            }
            long kilobytes = text.lines().filter(l -> l.contains("Maximum resident set size"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
            System.out.printf(Locale.ROOT, "round %d (%s, large, %s): peak resident %d MiB%n", round,
                    dbms.cliName(), launcher.isEmpty() ? "java" : launcher, kilobytes / 1024);
        }
    }
}
