package dev.envclone.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Starts a JavaFX application as {@code Application.launch} does (init off the FX thread, then start on it), and
 * ends the process on the first frame after its first window is shown, printing the time from the JVM's start. Run
 * as a whole process it times the start of the wizard ({@code dev.envclone.ui.WizardApp}) and of a bare window
 * ({@link HelloWorldApp}) the same way, so the two can be compared side by side:
 *
 * <pre>DISPLAY=:97 java -Dprism.order=sw -cp "target/classes:target/test-classes:$(cat /tmp/cp.txt)" \
 *     dev.envclone.bench.FirstFrame dev.envclone.ui.WizardApp</pre>
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    public static void main(String[] args) throws Exception {
        // Not initialised yet, as Application.launch is given a class literal: its static fields are set up when
        // it is constructed, after the toolkit has started, in the order a real start has them.
        Class<? extends Application> type = Class.forName(args.length > 0 ? args[0] : HelloWorldApp.class.getName(),
                false, FirstFrame.class.getClassLoader()).asSubclass(Application.class);
        Platform.startup(() -> Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(window -> window.addEventHandler(WindowEvent.WINDOW_SHOWN,
                        shown -> Platform.runLater(FirstFrame::shown)));
            }
        }));
        Application application = type.getConstructor().newInstance();
        application.init();
        Platform.runLater(() -> {
            try {
                application.start(new Stage());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void shown() {
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("first frame after " + millis + " ms");
        System.exit(0);
    }
}
