package dev.envclone.ui.common;

import javafx.scene.control.ButtonBase;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The icon beside each kind of action, the same on every page: an operator who has learnt that the eye previews
 * and the play sign executes finds them again on the next step. Drawn from a font, so they stay sharp and grow with
 * the text size; the words stay on the button (an icon alone is not a label).
 */
public final class ActionIcons {
    /** The wizard's kinds of action, each with its Material Design icon. */
    public enum Action {
        PREVIEW("mdi2e-eye-outline"),
        EXECUTE("mdi2p-play-circle"),
        RUN_CLONE("mdi2d-database-sync"),
        SKIP("mdi2s-skip-next"),
        DONE("mdi2c-check-bold"),
        DONE_BY_DBA("mdi2a-account-hard-hat"),
        COPY("mdi2c-content-copy"),
        SAVE("mdi2c-content-save"),
        PRINT("mdi2p-printer"),
        EXPORT("mdi2f-file-pdf-box"),
        CANCEL("mdi2c-close-circle"),
        CONNECT("mdi2l-lan-connect"),
        RECORD("mdi2f-fingerprint"),
        CHECK("mdi2c-clipboard-check-outline"),
        BACK("mdi2a-arrow-left"),
        NEXT("mdi2a-arrow-right"),
        LATER("mdi2p-pause-circle"),
        REHEARSE("mdi2s-school-outline"),
        NEW_MIGRATION("mdi2p-plus-circle"),
        OPEN("mdi2f-folder-open"),
        RESUME("mdi2h-history"),
        STAND_IN("mdi2d-database-export");

        private final String literal;

        Action(String literal) {
            this.literal = literal;
        }

        /** The Ikonli icon code (tests compare it). */
        public String literal() {
            return literal;
        }
    }

    private ActionIcons() {
    }

    /** Puts {@code action}'s icon before {@code button}'s words, sized with the button's font; returns the button. */
    public static <B extends ButtonBase> B on(B button, Action action) {
        FontIcon icon = new FontIcon(action.literal());
        // Not the theme's fixed 18px: the size follows the text size, the colour the button's text.
        icon.getStyleClass().remove("ikonli-font-icon");
        icon.getStyleClass().add("action-icon");
        icon.iconSizeProperty().bind(button.fontProperty().map(font -> (int) Math.round(font.getSize() * 1.2)));
        icon.iconColorProperty().bind(button.textFillProperty());
        button.setGraphic(icon);
        return button;
    }
}
