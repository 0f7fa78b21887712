package dev.envclone.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Starts a JavaFX application as {@code Application.launch} does (init off the FX thread, then start on it), and
 * ends the process when its first window is shown (the FX thread's next event after the window's
 * {@code WINDOW_SHOWN}: the scene has had its CSS and layout, its first pulse may still be painting) or, with the
 * second argument {@code painted}, when the first frame of that window has been rendered; it prints the time from
 * the JVM's start. Run as a whole process it times the start of the wizard ({@code dev.envclone.ui.WizardApp}) and
 * of a bare window ({@link HelloWorldApp}) the same way, so the two can be compared side by side:
 *
 * <pre>DISPLAY=:97 java -Dprism.order=sw -cp "target/classes:target/test-classes:$(cat /tmp/cp.txt)" \
 *     dev.envclone.bench.FirstFrame dev.envclone.ui.WizardApp [painted]</pre>
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    public static void main(String[] args) throws Exception {
        // Not initialised yet, as Application.launch is given a class literal: its static fields are set up when
        // it is constructed, after the toolkit has started, in the order a real start has them.
        Class<? extends Application> type = Class.forName(args.length > 0 ? args[0] : HelloWorldApp.class.getName(),
                false, FirstFrame.class.getClassLoader()).asSubclass(Application.class);
        boolean painted = args.length > 1 && args[1].equals("painted");
        // Anonymous classes, no lambdas: from the app-image, the wizard's side runs on envclone's archive, which
        // holds the real start's classes (Main, Application.launch) and not this probe's. A lambda of the probe
        // would be spun at run time there (the first one sets up invokedynamic, about 0.1 s) but come from the
        // bare window's own archive on the other side, which was made by running this probe.
        Platform.startup(new Runnable() {
            @Override
            public void run() {
                Window.getWindows().addListener(new ListChangeListener<Window>() {
                    @Override
                    public void onChanged(Change<? extends Window> change) {
                        while (change.next()) {
                            for (Window window : change.getAddedSubList()) {
                                window.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<WindowEvent>() {
                                    @Override
                                    public void handle(WindowEvent shown) {
                                        Runnable end = new Runnable() {
                                            @Override
                                            public void run() {
                                                end(painted);
                                            }
                                        };
                                        if (painted) {
                                            // JavaFX's own frame counter: called on the render thread once a
                                            // frame of this scene is on the window (internal API, test code).
                                            com.sun.javafx.perf.PerformanceTracker.getSceneTracker(window.getScene())
                                                    .setOnRenderedFrameTask(end);
                                        } else {
                                            Platform.runLater(end);
                                        }
                                    }
                                });
                            }
                        }
                    }
                });
            }
        });
        Application application = type.getConstructor().newInstance();
        application.init();
        Platform.runLater(new Runnable() {
            @Override
            public void run() {
                try {
                    application.start(new Stage());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    private static void end(boolean painted) {
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println((painted ? "first frame painted after " : "window shown after ") + millis + " ms");
        System.out.flush();
        if (painted) {
            // From the render thread, exit would wait for the toolkit's shutdown, which waits for this thread.
            Runtime.getRuntime().halt(0);
        }
        System.exit(0);
    }
}
