package dev.envclone.ui.common;

import javafx.scene.control.ButtonBase;

/**
 * The icon beside each kind of action, the same on every page: an operator who has learnt that the eye previews
 * and the play sign executes finds them again on the next step. Drawn as paths ({@link PathIcon}), so they stay sharp
 * and grow with the text size; the words stay on the button (an icon alone is not a label).
 */
public final class ActionIcons {
    /** The wizard's kinds of action, each with its Material Design icon. */
    public enum Action {
        PREVIEW("eye-outline"),
        EXECUTE("play-circle"),
        RUN_CLONE("database-sync"),
        SKIP("skip-next"),
        DONE("check-bold"),
        DONE_BY_DBA("account-hard-hat"),
        COPY("content-copy"),
        SAVE("content-save"),
        PRINT("printer"),
        EXPORT("file-pdf-box"),
        CANCEL("close-circle"),
        CONNECT("lan-connect"),
        RECORD("fingerprint"),
        CHECK("clipboard-check-outline"),
        BACK("arrow-left"),
        NEXT("arrow-right"),
        LATER("pause-circle"),
        REHEARSE("school-outline"),
        NEW_MIGRATION("plus-circle"),
        OPEN("folder-open"),
        RESUME("history"),
        RESTORE("history"),
        STAND_IN("database-export");

        private final String literal;

        Action(String literal) {
            this.literal = literal;
        }

        /** The icon's Material Design name (tests compare it). */
        public String literal() {
            return literal;
        }
    }

    private ActionIcons() {
    }

    /** Puts {@code action}'s icon before {@code button}'s words, sized with the button's font; returns the button. */
    public static <B extends ButtonBase> B on(B button, Action action) {
        PathIcon icon = new PathIcon(action.literal());
        // The size follows the text size, the colour the button's text (which the theme changes on hover, default
        // and disabled buttons).
        icon.getStyleClass().add("action-icon");
        icon.sizedAs(button.fontProperty(), 1.2);
        icon.filledWith(button.textFillProperty());
        button.setGraphic(icon);
        return button;
    }
}
