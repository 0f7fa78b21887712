package dev.envclone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.envclone.report.Pdfsig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux app-image (target/installer/envclone, built by the installer step of {@code ./mvnw verify} or by
 * {@code ./mvnw -Pinstaller -DskipTests package}) starts from its launcher as an operator starts it: the wizard's
 * window appears on a real X display, JavaFX's native libraries come from the image and not from a cache in the
 * user's home, the launcher makes its class-data-sharing archive on a first start and uses it after, and the image,
 * whose BouncyCastle jars are cut down to what envclone reaches, still signs a report that pdfsig accepts. Each test
 * runs a copy of the image in its own folder, so that the built image stays as it was shipped (without an archive).
 * Skipped, saying why, when the image was not built.
 */
class AppImageIT {
    @TempDir
    Path home;

    /** One copy for the tests that only start it: it makes its archive once, on the first of them. */
    @TempDir
    static Path shared;

    private record Result(int code, String stdout, String stderr) {
    }

    private static Path image() {
        return Path.of(System.getProperty("envclone.jar", "target/envclone.jar")).resolveSibling("installer")
                .resolve("envclone");
    }

    /** A copy of the built image in the test's folder (cp -a: its links and modes as built). */
    private Path copyOfImage() throws IOException, InterruptedException {
        return copyOfImage(home.resolve("image"));
    }

    private static synchronized Path sharedImage() throws IOException, InterruptedException {
        Path copy = shared.resolve("image");
        return Files.exists(copy) ? copy : copyOfImage(copy);
    }

    private static Path copyOfImage(Path copy) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(image().resolve("bin/envclone")), "no app-image at " + image()
                + ": build it with ./mvnw -Pinstaller -DskipTests package");
        Process cp = new ProcessBuilder("cp", "-a", image().toString(), copy.toString()).inheritIO().start();
        assertTrue(cp.waitFor(60, TimeUnit.SECONDS) && cp.exitValue() == 0, "cp -a of the image failed");
        return copy;
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
    private ProcessBuilder start(List<String> prefix, Path image, Map<String, String> env, String jvmOptions,
            String... args) {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().addAll(prefix);
        builder.command().add(image.resolve("bin/envclone").toString());
        builder.command().addAll(List.of(args));
        builder.environment().putAll(env);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Denvclone.home=" + home.resolve("envclone") + " " + jvmOptions);
        return builder;
    }

    private Result run(List<String> prefix, Path image, String jvmOptions, String... args) throws Exception {
        Path stdout = Files.createTempFile(home, "out", ".txt");
        Path stderr = Files.createTempFile(home, "err", ".txt");
        Process process = start(prefix, image, Map.of(), jvmOptions, args).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "envclone " + String.join(" ", args) + " did not finish");
        // The JVM's "Picked up JAVA_TOOL_OPTIONS" line is the test's doing, not the launcher's.
        String errors = String.join("\n", Files.readString(stderr, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).toList());
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), errors);
    }

    private Result run(Path image, String jvmOptions, String... args) throws Exception {
        return run(List.of(), image, jvmOptions, args);
    }

    @Test
    void showsTheWizardWindowFromTheLauncher() throws Exception {
        Path image = sharedImage();
        assumeTrue(onPath("Xvfb") && onPath("xwininfo"), "Xvfb or xwininfo is missing: apt-get install -y xvfb x11-utils");
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process wizard = null;
        try {
            // -displayfd 1: Xvfb picks a free display and writes its number on a line once it accepts clients
            String number = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertTrue(number != null && number.matches("\\d+"), "Xvfb did not start: " + number);
            String display = ":" + number;
            Path out = home.resolve("wizard-out.txt");
            wizard = start(List.of(), image, Map.of("DISPLAY", display), "-Djavafx.verbose=true")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
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
            assertTrue(output.contains("Loaded " + image.toRealPath().resolve("lib/app/lib")
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
    void makesItsArchiveOnTheFirstStartAndMapsItAfter() throws Exception {
        Path image = copyOfImage();
        Path archive = image.resolve("lib/app/envclone.jsa");
        assertFalse(Files.exists(archive), "the image is shipped without an archive");

        Result first = run(image, "", "--version");
        assertEquals(0, first.code(), first.stderr());
        assertTrue(first.stdout().startsWith("envclone 0."), first.stdout());
        assertEquals("envclone: making " + archive.toRealPath().getParent().resolve("envclone.jsa")
                + " once, for faster starts (a few seconds)", first.stderr());
        assertTrue(Files.size(archive) > 10_000_000, "archive of " + Files.size(archive) + " bytes");

        // -Xshare:on: the JVM refuses to start unless it maps the archive (the launcher's -Xshare:auto would
        // silently start without it).
        Result second = run(image, "-Xshare:on", "--version");
        assertEquals(0, second.code(), second.stderr());
        assertTrue(second.stdout().startsWith("envclone 0."), second.stdout());
        assertEquals("", second.stderr());
    }

    @Test
    void startsWithoutAWordWhereTheArchiveCannotBeMade() throws Exception {
        Path image = copyOfImage();
        // Root may write anywhere: the reader of a root-owned install is somebody else.
        assumeTrue("root".equals(System.getProperty("user.name")) && onPath("setpriv"),
                "needs root and setpriv to start the image as a user who cannot write it");
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> asNobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

        Result result = run(asNobody, image, "", "--version");
        assertEquals(0, result.code(), result.stderr());
        assertTrue(result.stdout().startsWith("envclone 0."), result.stdout());
        assertEquals("", result.stderr());
        assertFalse(Files.exists(image.resolve("lib/app/envclone.jsa")));
    }

    @Test
    void signsAReportThatPdfsigAcceptsFromTheImage() throws Exception {
        Path image = sharedImage();
        Path db = home.resolve("sandbox");
        Result sandbox = run(image, "", "sandbox", "create", "--dbms", "sqlserver", "--db", db.toString());
        assertEquals(0, sandbox.code(), sandbox.stderr());
        String url = sandbox.stdout().strip().lines().reduce((a, b) -> b).orElseThrow();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            // The operator has unmapped the extensions, so that every cleanup step runs.
            statement.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        }
        Result plan = run(image, "-Xshare:on", "plan", "--dbms", "sqlserver", "--out", home.resolve("plan").toString());
        assertEquals(0, plan.code(), plan.stderr());
        Result run = run(image, "-Xshare:on", "run", "--run-dir", home.resolve("run").toString(), "--plan",
                home.resolve("plan/plan.json").toString(), "--target", url, "--user", "sa", "--yes");
        assertEquals(0, run.code(), run.stdout() + run.stderr());

        Path pdf = home.resolve("report.pdf");
        Result report = run(image, "-Xshare:on", "report", "--run-dir", home.resolve("run").toString(), "--out",
                pdf.toString());
        assertEquals(0, report.code(), report.stderr());
        String pdfsig = Pdfsig.run(pdf);
        assertTrue(pdfsig.contains("Signature is Valid."), pdfsig);
        assertTrue(pdfsig.contains("Total document signed"), pdfsig);

        // The wizard's PDF view draws pages through AWT, which the image has without its X11 toolkit: with the
        // launcher's options (AWT headless) a page renders even where a display is set, as on a desktop.
        String page = renderedPage(image, pdf);
        assertTrue(page.matches("\\d{3}x\\d{3} ink \\d{4,}"), page);
    }

    /** PageImageProbe on the image's java with the JVM options of the launcher's exec line, DISPLAY set. */
    private String renderedPage(Path image, Path pdf) throws Exception {
        String exec = Files.readAllLines(image.resolve("bin/envclone")).stream()
                .filter(l -> l.startsWith("exec \"$java\"")).findFirst().orElseThrow();
        List<String> command = new java.util.ArrayList<>(List.of(image.resolve("lib/runtime/bin/java").toString(),
                "-Xmx256m"));
        for (String option : exec.substring(exec.indexOf("$heap") + 5).strip().split(" +")) {
            if (option.equals("\\")) {
                break;
            }
            if (!option.contains("$archive") && !option.startsWith("-Xshare")) {
                command.add(option);
            }
        }
        assertTrue(command.contains("-Djava.awt.headless=true"), command.toString());
        String classPath = image.resolve("lib/app/lib") + "/*:" + image.resolve("lib/app/envclone.jar") + ":"
                + Path.of("target/test-classes").toAbsolutePath();
        command.addAll(List.of("-cp", classPath, "dev.envclone.report.PageImageProbe", pdf.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", ":0");
        Process probe = builder.start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the page did not render");
        assertEquals(0, probe.exitValue(), output);
        return output;
    }
}
