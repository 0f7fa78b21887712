package dev.envclone.ui;

import dev.envclone.log.Uncaught;
import dev.envclone.ui.common.AppIcon;
import dev.envclone.ui.common.FxBackground;
import dev.envclone.ui.common.Settings;
import dev.envclone.ui.common.TextSize;
import dev.envclone.ui.common.Theme;
import dev.envclone.ui.main.MainWindow;
import dev.envclone.ui.start.StartPage;
import dev.envclone.ui.start.StartViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wizard's window: the start page, then the main window. It remembers its size, the text size, the theme (light
 * or dark) and the last run folder (never a password). Ctrl+Plus and Ctrl+Minus change the text size: 100, 125, 150 %.
 */
public final class WizardApp extends Application {
    private final StackPane root = new StackPane();
    private Settings settings;
    private FxBackground background;
    private WizardViewModel wizard;
    private MainWindow main;
    private StartPage start;

    private static Logger log() {
        return LoggerFactory.getLogger(WizardApp.class);
    }

    @Override
    public void start(Stage stage) {
        // An error nobody caught, on the FX thread or any other: into the log, and an alert naming the log file
        // (under javaw there is no console to read it on). The handler is made when an error comes: its logger
        // would set the log up now, on the FX thread, before the first frame.
        Thread.UncaughtExceptionHandler uncaught = (thread, error) -> new Uncaught(WizardApp::alert)
                .uncaughtException(thread, error);
        Thread.setDefaultUncaughtExceptionHandler(uncaught);
        Thread.currentThread().setUncaughtExceptionHandler(uncaught);
        settings = Settings.load();
        // The remembered theme before the first window is drawn; the start page applies a new choice at once.
        Theme.of(settings.theme()).apply();
        background = new FxBackground();
        wizard = new WizardViewModel(background, settings);
        wizard.operatorQuestion(new dev.envclone.ui.main.OperatorPrompt(root));
        // Never larger than the screen (a 1024×768 remote desktop): the remembered or default size is clamped.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(settings.windowWidth(), screen.getWidth()),
                Math.min(settings.windowHeight(), screen.getHeight()));
        scene.getStylesheets().add(WizardApp.class.getResource("/dev/envclone/ui/app.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN),
                () -> scale(+1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
                () -> scale(+1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
                () -> scale(-1));
        applyScale();
        TextSize.onEveryDialog(wizard.textScaleProperty());
        wizard.textScaleProperty().addListener((o, before, now) -> applyScale());
        // map, not Bindings.concat: the Bindings class brings about ninety classes of its own into the first frame.
        stage.titleProperty().bind(wizard.summaryProperty().map(summary -> "envclone — " + summary));
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            log().info("envclone wizard closed");
            settings.window(scene.getWidth(), scene.getHeight());
            closePages();
            wizard.continueLater();
            background.shutdown();
        });
        showStart();
        // The log is set up a second after the window is shown, off the FX thread, once the first frame is drawn:
        // Logback's start (its classes, the rolling file) took a fifth of the wizard's start (0.6 of 3.1 s under
        // load) before the first frame, and set up beside it, at the window's showing, it still held the first
        // frame back by about a tenth (decision 0028). Nothing before this point logs; anything that logs sooner
        // (an error) sets the log up at once, and a line logged while it is set up is kept by SLF4J.
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, shown -> java.util.concurrent
                .CompletableFuture.runAsync(() -> log().info("envclone wizard started"), java.util.concurrent
                        .CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.SECONDS)));
        stage.show();
        // The icon just after the first frame: decoding its six sizes held the first frame back, and the title bar
        // and taskbar take it as soon as it is set. Before any dialog can open: this runs next on the FX thread.
        Platform.runLater(() -> {
            AppIcon.on(stage);
            AppIcon.onEveryWindow();
        });
    }

    /** Shows the sentence in an alert on the FX thread; not waited for, so a second error cannot stack dialogs. */
    static void alert(String message) {
        Runnable show = () -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, message);
            alert.setHeaderText("Unexpected error");
            alert.getDialogPane().setId("uncaught-error");
            alert.show();
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    /** The wizard's state, for tests that drive the window. */
    public WizardViewModel wizard() {
        return wizard;
    }

    public MainWindow mainWindow() {
        return main;
    }

    /** The worker the jobs run on: tests wait for it to be idle. */
    public FxBackground background() {
        return background;
    }

    /**
     * The start page. Each of its ways in starts a fresh run ({@link WizardViewModel#startFresh()}); each shows a
     * new main window, the one before closed (its listeners off the wizard) when its run was.
     */
    private void showStart() {
        closePages();
        start = new StartPage(new StartViewModel(wizard), this::showMain);
        root.getChildren().setAll(start.view());
    }

    private void showMain() {
        closePages();
        main = new MainWindow(wizard, background, () -> {
            // The window first: closing the run resets the wizard's state, which it must no longer follow.
            closePages();
            wizard.continueLater();
            showStart();
        });
        root.getChildren().setAll(main.view());
    }

    private void closePages() {
        if (main != null) {
            main.close();
            main = null;
        }
        if (start != null) {
            start.close();
            start = null;
        }
    }

    private void scale(int step) {
        int index = 0;
        for (int i = 0; i < TextSize.PERCENTS.size(); i++) {
            if (TextSize.PERCENTS.get(i) == wizard.textScaleProperty().get()) {
                index = i;
            }
        }
        wizard.textScaleProperty().set(TextSize.PERCENTS.get(
                Math.max(0, Math.min(TextSize.PERCENTS.size() - 1, index + step))));
    }

    private void applyScale() {
        root.setStyle(TextSize.rootStyle(wizard.textScaleProperty().get()));
    }
}
