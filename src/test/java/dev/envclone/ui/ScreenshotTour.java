package dev.envclone.ui;

import dev.envclone.procedure.StepKind;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Takes a screenshot of every page of the wizard in a real window under X (Xvfb): the start page, the plan, the
 * prerequisites, the clone, a cleanup step after its preview, its confirmation and its result, the Configuration
 * Tool, a manual step and the final page. Each picture is the whole screen as an operator's remote desktop shows
 * it: every window of the wizard drawn at its place.
 *
 * <pre>Xvfb :97 -screen 0 1280x800x24 &amp;     (1024x768x24 for the narrow screen)
 * DISPLAY=:97 ./mvnw -q -Dprism.order=sw test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.envclone.ui.ScreenshotTour -Dexec.args="docs/screenshots sqlserver 100"</pre>
 * Offline, without the exec plugin: {@code DISPLAY=:97 java -Dprism.order=sw -cp CLASSPATH
 * dev.envclone.ui.ScreenshotTour OUT oracle 150 dark}, CLASSPATH being the test class path (surefire's report lists
 * it); the fourth argument, the theme (light or dark), is optional and then part of each picture's name.
 */
public final class ScreenshotTour {
    private static WizardApp app;

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        try {
            tour(args);
        } catch (Exception | Error e) {
            // The JavaFX thread keeps the process alive: end it, with the cause shown.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void tour(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        Dbms dbms = Dbms.valueOf(args[1].toUpperCase(Locale.ROOT));
        int scale = Integer.parseInt(args[2]);
        // A fourth argument names the theme (light, the default, or dark): the pictures' names then carry it.
        dev.envclone.ui.common.Theme theme = dev.envclone.ui.common.Theme.of(args.length > 3 ? args[3] : "light");
        Path home = Files.createTempDirectory("envclone-tour");
        Files.writeString(home.resolve("wizard.properties"), "text.scale=" + scale + "\ntheme=" + theme.key()
                + "\noperator.name=Ana Operator\n");
        System.setProperty("envclone.home", home.toString());
        Files.createDirectories(out);
        String suffix = "-" + dbms.cliName() + "-" + scale + (args.length > 3 ? "-" + theme.key() : "");

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(() -> {
            app = new WizardApp();
            app.start(new Stage());
            started.countDown();
        });
        started.await();
        settle();
        shot(out, "01-start" + suffix);
        onFx(() -> {
            ((javafx.scene.control.RadioButton) Window.getWindows().get(0).getScene()
                    .lookup("#start-dbms-" + dbms.cliName())).setSelected(true);
            return true;
        });
        fire("start-rehearse");
        waitUntil(() -> app.mainWindow() != null);
        idle();
        shot(out, "02-plan" + suffix);
        scrollTo("plan-" + switch (dbms) {
            case SQLSERVER -> "backup-folder";
            case ORACLE -> "exported-admin-user";
        });
        shot(out, "02b-plan-clone-settings" + suffix);
        scrollTo("plan-run-folder");
        fire("main-next");
        idle();
        // The run asks who runs it, the last name given offered.
        waitUntil(() -> onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().lookup("#operator-name") != null)));
        settle();
        shot(out, "02c-operator-name" + suffix);
        fire("operator-name-use");
        idle();
        fire("prerequisites-check");
        idle();
        shot(out, "03-prerequisites" + suffix);
        select(item -> item.step() != null && item.step().kind() == StepKind.CLONE);
        shot(out, "04-clone" + suffix);
        cloneShots(out, dbms, suffix);
        select(item -> item.step() != null && item.step().kind() == StepKind.CLEANUP);
        fire("cleanup-preview");
        idle();
        shot(out, "05-cleanup-preview" + suffix);
        fire("cleanup-execute");
        waitUntil(() -> onFx(() -> Window.getWindows().size() > 1));
        settle();
        shot(out, "06-cleanup-confirm" + suffix);
        onFx(() -> {
            for (Window window : Window.getWindows()) {
                Node button = window.getScene().getRoot().lookupAll(".button").stream()
                        .filter(n -> n instanceof Button && !((Button) n).isCancelButton()).findFirst().orElse(null);
                if (window != app.mainWindow().view().getScene().getWindow() && button != null) {
                    Platform.runLater(((Button) button)::fire);
                }
            }
            return true;
        });
        idle();
        shot(out, "07-cleanup-done" + suffix);
        select(item -> item.step() != null && item.step().kind() == StepKind.CONFIGURATION_TOOL);
        shot(out, "08-configuration-tool" + suffix);
        select(item -> item.step() != null && "upload-license".equals(item.step().id()));
        shot(out, "09-manual-step" + suffix);
        select(item -> item.step() != null && "recreate-database-connections".equals(item.step().id()));
        scrollTo("manual-connections");
        shot(out, "09b-recreate-connections" + suffix);
        select(item -> item.kind() == StepItem.Kind.FINAL);
        shot(out, "10-final" + suffix);
        fire("final-check");
        idle();
        scrollTo("final-check-found");
        shot(out, "10b-final-check" + suffix);
        Platform.exit();
        System.exit(0);
    }

    /**
     * The clone as envclone runs it: refused (a file is in the target's place), under way (held at half of the
     * last action by the engine's test pause), interrupted there and run again (the step is settled first), done.
     */
    private static void cloneShots(Path out, Dbms dbms, String suffix) throws Exception {
        Path target = Path.of(onFx(() -> app.wizard().targetUrlProperty().get()).replaceFirst("^jdbc:h2:file:", "")
                .replaceFirst(";.*", "") + ".mv.db");
        Files.writeString(target, "not a database");
        fire("clone-run");
        idle();
        shot(out, "04b-clone-failed" + suffix);
        Files.delete(target);
        String last = switch (dbms) {
            case SQLSERVER -> "restore-database";
            case ORACLE -> "import-schemas";
        };
        Path runFolder = onFx(() -> app.wizard().runProperty().get().folder());
        System.setProperty("envclone.test.pauseAt", last + ":progress-50");
        fire("clone-run");
        waitUntil(() -> Files.exists(runFolder.resolve(".paused")));
        Thread.sleep(2_300); // the elapsed time counts on
        shot(out, "04c-clone-progress" + suffix);
        System.clearProperty("envclone.test.pauseAt");
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("envclone-worker"))
                .forEach(Thread::interrupt);
        idle();
        Files.deleteIfExists(runFolder.resolve(".paused"));
        fire("clone-run");
        idle();
        shot(out, "04d-clone-done" + suffix);
    }

    /** Scrolls the page so that the control with this id is at the top. */
    private static void scrollTo(String id) throws Exception {
        onFx(() -> {
            Node node = app.mainWindow().view().getScene().lookup("#" + id);
            Node parent = node;
            while (parent != null && !(parent instanceof javafx.scene.control.ScrollPane)) {
                parent = parent.getParent();
            }
            if (parent instanceof javafx.scene.control.ScrollPane scroll) {
                double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                double room = scroll.getContent().getBoundsInLocal().getHeight()
                        - scroll.getViewportBounds().getHeight();
                scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / room)));
            }
            return true;
        });
        settle();
    }

    private static void select(Predicate<StepItem> which) throws Exception {
        onFx(() -> {
            WizardViewModel wizard = app.wizard();
            for (int i = 0; i < wizard.items().size(); i++) {
                if (which.test(wizard.items().get(i))) {
                    wizard.selectedProperty().set(i);
                    return true;
                }
            }
            throw new IllegalStateException("no such page");
        });
        idle();
    }

    /** Presses a button by its id, in whichever window shows it; does not wait (a dialog may open). */
    private static void fire(String id) throws Exception {
        AtomicBoolean found = new AtomicBoolean();
        onFx(() -> {
            for (Window window : Window.getWindows()) {
                Node node = window.getScene().lookup("#" + id);
                if (node instanceof ButtonBase) {
                    found.set(true);
                    Platform.runLater(((ButtonBase) node)::fire);
                }
            }
            return true;
        });
        if (!found.get()) {
            throw new IllegalStateException("no button #" + id + " on screen");
        }
        settle();
    }

    private static void idle() throws Exception {
        settle();
        waitUntil(() -> onFx(() -> !app.background().busyProperty().get()));
        settle();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(700);
    }

    /**
     * Writes what the screen shows: every window of the wizard drawn into one picture the size of the screen, each
     * at its place (the main window, and a dialog over it). JavaFX draws each scene as its window shows it; no
     * screen-capture tool is needed on the machine.
     */
    private static void shot(Path out, String name) throws Exception {
        java.awt.image.BufferedImage screen = onFx(() -> {
            javafx.geometry.Rectangle2D bounds = javafx.stage.Screen.getPrimary().getBounds();
            java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage((int) bounds.getWidth(),
                    (int) bounds.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (Window window : Window.getWindows()) {
                if (!window.isShowing() || window.getScene() == null) {
                    continue;
                }
                javafx.scene.image.WritableImage image = window.getScene().snapshot(null);
                javafx.scene.image.PixelReader pixels = image.getPixelReader();
                int x0 = (int) Math.round(window.getX() + window.getScene().getX());
                int y0 = (int) Math.round(window.getY() + window.getScene().getY());
                for (int y = 0; y < (int) image.getHeight(); y++) {
                    for (int x = 0; x < (int) image.getWidth(); x++) {
                        int sx = x0 + x;
                        int sy = y0 + y;
                        if (sx >= 0 && sy >= 0 && sx < picture.getWidth() && sy < picture.getHeight()) {
                            picture.setRGB(sx, sy, pixels.getArgb(x, y));
                        }
                    }
                }
            }
            return picture;
        });
        javax.imageio.ImageIO.write(screen, "png", out.resolve(name + ".png").toFile());
        System.out.println("wrote " + out.resolve(name + ".png"));
    }
}
