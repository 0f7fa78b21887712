package dev.envclone.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whole-process start times, envclone against a floor started the same way on the same class path, in pairs of
 * alternating order (the machine's speed drifts; a pair's ratio holds), after one warm-up pair:
 * <ul>
 *   <li>{@code window}: the wizard's window shown (its CSS and layout done) against a bare JavaFX window's
 *       ({@link FirstFrame}, {@link HelloWorldApp}); needs a display ({@code Xvfb :97 -screen 0 1280x800x24 &},
 *       {@code DISPLAY=:97}).</li>
 *   <li>{@code paint}: the same to the first frame rendered in each window.</li>
 *   <li>{@code plan}: {@code envclone plan --dbms sqlserver} against {@code java -version}.</li>
 *   <li>{@code version}: {@code envclone --version} against {@code java -version}: envclone's start alone (the
 *       log's set-up, picocli's model), without a command's work.</li>
 *   <li>{@code report}: a cold {@code envclone report} of a finished run folder (the last argument) against
 *       {@code java -version}.</li>
 * </ul>
 * With {@code bench.launcher} (the app-image's {@code bin/envclone}) the plan, version and report figures start
 * envclone through that launcher and compare it with {@code java -version} of the image's own runtime.
 * Extra JVM options for envclone's side (the launcher's, a class-data-sharing archive) go in the system property
 * {@code bench.jvm}, separated by spaces; envclone's class path (its runtime jars) in {@code bench.cp}. For
 * {@code window} from the app-image, {@code bench.java} names the image's java (both sides run on it) and
 * {@code bench.floor.jvm} the bare window's options (the same, with an archive of its own classes made the same way:
 * {@code -XX:ArchiveClassesAtExit}); the README has the commands. Peak memory
 * of a large run: {@link RunMemoryBenchmark}.
 *
 * <pre>./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -DincludeScope=test
 * ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp-main.txt -DincludeScope=runtime
 * java -Dbench.cp="target/classes:$(cat /tmp/cp-main.txt)" -cp "target/classes:target/test-classes:$(cat /tmp/cp.txt)" \
 *     dev.envclone.bench.StartBenchmark plan 7</pre>
 */
public final class StartBenchmark {
    /** Set for both sides of every pair (the launcher's case). */
    private static final java.util.Map<String, String> ENVIRONMENT = new java.util.HashMap<>();

    private StartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String figure = args.length > 0 ? args[0] : "plan";
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path folder = Files.createTempDirectory("envclone-start");
        // The shipped log configuration, not the tests' logback-test.xml that the test class path carries.
        List<String> jvm = new ArrayList<>(List.of(java(), "-Denvclone.home=" + folder.resolve("home"),
                "-Denvclone.log=shipped"));
        String options = System.getProperty("bench.jvm", "").trim();
        if (!options.isEmpty()) {
            jvm.addAll(Arrays.asList(options.split(" +")));
        }
        // envclone's own class path as it ships (bench.cp): the test class path's fifty jars make every resource
        // and service lookup slower and would be counted against envclone. FirstFrame needs the test classes too.
        String testPath = System.getProperty("java.class.path");
        String classPath = System.getProperty("bench.cp", testPath);
        List<String> envclone;
        List<String> floor;
        switch (figure) {
            case "window", "paint" -> {
                String withProbe = classPath + java.io.File.pathSeparator + Path.of("target", "test-classes")
                        .toAbsolutePath();
                // Both sides on one java (bench.java: the app-image's runtime), the floor with its own options
                // (bench.floor.jvm: the same JVM options and a class-data-sharing archive of its own classes).
                String java = System.getProperty("bench.java", java());
                jvm.set(0, java);
                List<String> bare = new ArrayList<>(List.of(java, "-Dprism.order=sw"));
                String floorOptions = System.getProperty("bench.floor.jvm", "").trim();
                if (!floorOptions.isEmpty()) {
                    bare.addAll(Arrays.asList(floorOptions.split(" +")));
                }
                String until = figure.equals("paint") ? "painted" : "shown";
                envclone = with(jvm, "-Dprism.order=sw", "-cp", withProbe, FirstFrame.class.getName(),
                        "dev.envclone.ui.WizardApp", until);
                floor = with(bare, "-cp", withProbe, FirstFrame.class.getName(), HelloWorldApp.class.getName(),
                        until);
            }
            case "plan" -> {
                envclone = with(jvm, "-cp", classPath, "dev.envclone.Main", "plan", "--dbms", "sqlserver", "--out",
                        folder.resolve("plan").toString());
                floor = List.of(java(), "-version");
            }
            case "version" -> {
                envclone = with(jvm, "-cp", classPath, "dev.envclone.Main", "--version");
                floor = List.of(java(), "-version");
            }
            case "report" -> {
                envclone = with(jvm, "-cp", classPath, "dev.envclone.Main", "report", "--run-dir", args[2],
                        "--out", folder.resolve("report.pdf").toString());
                floor = List.of(java(), "-version");
            }
            default -> throw new IllegalArgumentException("window, paint, plan, version or report, not " + figure);
        }
        // bench.launcher: the app-image's bin/envclone itself, as the operator starts it, against its own runtime's
        // java -version (the window keeps FirstFrame, which a launcher cannot start).
        String launcher = System.getProperty("bench.launcher", "").trim();
        if (!launcher.isEmpty() && !figure.equals("window") && !figure.equals("paint")) {
            Path image = Path.of(launcher).toAbsolutePath().getParent().getParent();
            List<String> arguments = envclone.subList(envclone.indexOf("dev.envclone.Main") + 1, envclone.size());
            envclone = with(List.of(Path.of(launcher).toAbsolutePath().toString()), arguments.toArray(String[]::new));
            floor = List.of(image.resolve("lib/runtime/bin/java").toString(), "-version");
            // The launcher passes its arguments to envclone, not to the JVM: the JVM reads this variable.
            ENVIRONMENT.put("JAVA_TOOL_OPTIONS", "-Denvclone.home=" + folder.resolve("home"));
        }
        List<Double> ratios = new ArrayList<>();
        for (int pair = 0; pair <= pairs; pair++) {
            Files.deleteIfExists(folder.resolve("report.pdf"));
            // Alternating order: neither side always runs on a machine the other has just warmed or loaded.
            boolean envcloneFirst = pair % 2 == 0;
            double a = envcloneFirst ? seconds(envclone, folder) : 0;
            double b = seconds(floor, folder);
            a = envcloneFirst ? a : seconds(envclone, folder);
            if (pair == 0) {
                continue;
            }
            ratios.add(a / b);
            System.out.printf(Locale.ROOT, "pair %d: envclone %.3f s, floor %.3f s, ratio %.2f%n", pair, a, b, a / b);
        }
        ratios.sort(null);
        System.out.printf(Locale.ROOT, "%s: median ratio %.2f over %d pairs%n", figure, ratios.get(ratios.size() / 2),
                ratios.size());
    }

    private static double seconds(List<String> command, Path folder) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("output.txt").toFile());
        builder.environment().putAll(ENVIRONMENT);
        Process process = builder.start();
        int code = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(command + " ended with " + code + ": "
                    + Files.readString(folder.resolve("output.txt")));
        }
        return seconds;
    }

    private static List<String> with(List<String> start, String... more) {
        List<String> command = new ArrayList<>(start);
        command.addAll(List.of(more));
        return command;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
