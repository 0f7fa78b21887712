package dev.envclone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux app-image (target/installer/envclone, built by {@code ./mvnw -Pinstaller -DskipTests package}) starts
 * from its launcher as an operator starts it: the wizard's window appears on a real X display, JavaFX's native
 * libraries come from the image and not from a cache in the user's home, and the command line uses the image's
 * class-data-sharing archive. Skipped, saying why, when the image was not built (plain {@code ./mvnw verify}).
 */
class AppImageIT {
    @TempDir
    Path home;

    private static Path image() {
        return Path.of(System.getProperty("envclone.jar", "target/envclone.jar")).resolveSibling("installer")
                .resolve("envclone");
    }

    private static Path launcher() {
        Path launcher = image().resolve("bin/envclone");
        assumeTrue(Files.isExecutable(launcher), "no app-image at " + image()
                + ": build it with ./mvnw -Pinstaller -DskipTests package (it is not part of verify)");
        return launcher;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The launcher with its user folder and HOME in the test's folder; extra JVM options through JAVA_TOOL_OPTIONS. */
    private ProcessBuilder start(Path launcher, Map<String, String> env, String jvmOptions, String... args) {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(launcher.toString());
        builder.command().addAll(List.of(args));
        builder.environment().putAll(env);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Denvclone.home=" + home.resolve("envclone") + " " + jvmOptions);
        return builder;
    }

    @Test
    void showsTheWizardWindowFromTheLauncher() throws Exception {
        Path launcher = launcher();
        assumeTrue(onPath("Xvfb") && onPath("xwininfo"), "Xvfb or xwininfo is missing: apt-get install -y xvfb x11-utils");
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process wizard = null;
        try {
            // -displayfd 1: Xvfb picks a free display and writes its number on a line once it accepts clients
            String number = new java.io.BufferedReader(new java.io.InputStreamReader(xvfb.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertTrue(number != null && number.matches("\\d+"), "Xvfb did not start: " + number);
            String display = ":" + number;
            Path out = home.resolve("wizard-out.txt");
            wizard = start(launcher, Map.of("DISPLAY", display), "-Djavafx.verbose=true").redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            // GTK's own leader window is called "envclone" too (10x10, never shown): the wizard's title has a dash
            String wizardWindow = "\"envclone \u2014 ";
            String windows = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && !windows.contains(wizardWindow)) {
                Thread.sleep(250);
                windows = xwininfo(display);
                assertTrue(wizard.isAlive() || windows.contains(wizardWindow),
                        "the launcher ended before a window showed:\n" + Files.readString(out));
            }
            assertTrue(windows.contains(wizardWindow), "no wizard window within 60 s:\n" + windows + "\n"
                    + Files.readString(out));
            String output = Files.readString(out, StandardCharsets.UTF_8);
            // JavaFX found its libraries beside its jars in the image: nothing extracted into the user's home.
            assertTrue(output.contains("Loaded " + image().toRealPath().resolve("lib/app/lib")
                    + "/./libglass.so from relative path"), output);
            assertFalse(Files.exists(home.resolve(".openjfx")), "JavaFX extracted its libraries into ~/.openjfx");
            // The wizard sets its log up once its window is shown, off the FX thread: the line follows the window.
            Path logFile = home.resolve("envclone/logs/envclone.log");
            String log = "";
            for (int i = 0; i < 40 && !log.contains("envclone wizard started"); i++) {
                Thread.sleep(250);
                log = Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
            }
            assertTrue(log.contains("envclone wizard started"), log);
        } finally {
            if (wizard != null) {
                wizard.destroy();
                wizard.waitFor(10, TimeUnit.SECONDS);
            }
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String xwininfo(String display) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("xwininfo", "-root", "-tree").redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return text;
    }

    @Test
    void printsItsVersionThroughTheClassDataSharingArchive() throws Exception {
        Path launcher = launcher();
        Path out = home.resolve("version-out.txt");
        // -Xshare:on: the JVM refuses to start unless it maps the image's archive (the launcher's -Xshare:auto would
        // silently start without it).
        Process process = start(launcher, Map.of(), "-Xshare:on", "--version").redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "envclone --version did not finish in 60 s");
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("envclone 0.")), output);
    }
}
