package dev.envclone.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;

/**
 * The wizard's two colour themes, AtlantaFX's Primer pair: GitHub's palette, the highest contrast of AtlantaFX's
 * themes (dark text on white; light grey on near black for a dark room at night). The theme is the application's
 * user-agent stylesheet, so every window gets it (dialogs, menus, the combo boxes' lists), and app.css takes every
 * colour from the theme's looked-up colours, so one stylesheet serves both. JavaFX 21's CSS has no transitions, and
 * Primer's stylesheets only colour and size the standard controls (no skins of their own): nothing animates.
 * The stylesheet is the binary form AtlantaFX ships beside each theme's CSS: the same rules, already parsed, so the
 * 170 KB of CSS is not parsed before the first frame ({@code BinaryStylesheetTest} holds that they match).
 */
public enum Theme {
    LIGHT("Light", new PrimerLight().getUserAgentStylesheetBSS()),
    DARK("Dark", new PrimerDark().getUserAgentStylesheetBSS());

    private final String displayName;
    private final String stylesheet;

    Theme(String displayName, String stylesheet) {
        this.displayName = displayName;
        this.stylesheet = stylesheet;
    }

    /** What the start page's choice shows. */
    public String displayName() {
        return displayName;
    }

    /** What Settings keeps: "light" or "dark". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String stylesheet() {
        return stylesheet;
    }

    /** The theme a settings key names; light for a key no theme has (a hand-edited or older settings file). */
    public static Theme of(String key) {
        for (Theme theme : values()) {
            if (theme.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return theme;
            }
        }
        return LIGHT;
    }

    /** Makes this the look of every window, those open included (JavaFX restyles them at once). FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(stylesheet);
    }
}
