package dev.envclone.ui.common;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * envclone's icon (icons/envclone.svg, rendered by icons/render.sh) on every window the wizard opens: the main
 * window and each dialog, so that the title bar, the taskbar and Alt+Tab show envclone rather than Java's cup. The
 * window system picks the size it needs from the six given.
 */
public final class AppIcon {
    public static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);
    private static List<Image> images;
    private static boolean everyWindow;

    private AppIcon() {
    }

    /** The icon at every size, loaded once. */
    public static synchronized List<Image> images() {
        if (images == null) {
            List<Image> loaded = new ArrayList<>();
            for (int size : SIZES) {
                String name = "/dev/envclone/ui/icons/envclone-" + size + ".png";
                try (InputStream in = AppIcon.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalStateException("The wizard's icon " + name + " is not in the build");
                    }
                    loaded.add(new Image(in));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("The wizard's icon " + name + " cannot be read", e);
                }
            }
            images = List.copyOf(loaded);
        }
        return images;
    }

    /** Gives the stage the icon, unless it has icons already. */
    public static void on(Stage stage) {
        if (stage.getIcons().isEmpty()) {
            stage.getIcons().setAll(images());
        }
    }

    /**
     * Every stage shown from now on gets the icon as it opens. A dialog with an owner takes its owner's icons (JavaFX
     * copies them), but one without does not (the alert for an uncaught error, a prompt asked before any window):
     * this covers every dialog wherever it is made. Once per application, however many windows start. FX thread.
     */
    public static void onEveryWindow() {
        if (everyWindow) {
            return;
        }
        everyWindow = true;
        NewWindows.each(window -> {
            if (window instanceof Stage stage) {
                on(stage);
            }
        });
    }
}
