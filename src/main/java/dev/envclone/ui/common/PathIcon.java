package dev.envclone.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import javafx.beans.value.ObservableValue;
import javafx.scene.AccessibleRole;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Font;

/**
 * A Material Design icon drawn as a region's shape, filled with its background colour: sharp at every size, sized
 * from a font so that it grows with the text size, coloured by CSS ({@code -fx-background-color}) or by a binding.
 * The paths are the icons' outlines in {@code icon-paths.properties}; no icon font is loaded before the first frame
 * (decision 0028).
 */
public final class PathIcon extends Region {
    // The icons' 24 x 24 grid as two points that draw nothing: the shape is scaled to the region by its bounds, so
    // without them a narrow icon (an arrow) would be stretched to the region's width.
    private static final String GRID = "M0 0h0M24 24h0";

    private String name;

    /** An icon showing {@code name}, a key of icon-paths.properties such as "check-circle". */
    public PathIcon(String name) {
        getStyleClass().add("path-icon");
        setScaleShape(true);
        setCenterShape(true);
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        // Read as its words (the accessible text the caller gives), as the font's glyph was.
        setAccessibleRole(AccessibleRole.TEXT);
        show(name);
    }

    /** The icon's Material Design name (tests compare it). */
    public String name() {
        return name;
    }

    /** Makes it show {@code name} (a list cell reuses its icon for another row). */
    public void show(String name) {
        if (name.equals(this.name)) {
            return;
        }
        SVGPath shape = new SVGPath();
        shape.setContent(GRID + Paths.of(name));
        this.name = name;
        setShape(shape);
    }

    /** Keeps it square, {@code factor} times the size of {@code fonts}' letters, at every text size. */
    public void sizedAs(ObservableValue<Font> fonts, double factor) {
        ObservableValue<Double> side = fonts.map(font -> (double) Math.round(font.getSize() * factor));
        prefWidthProperty().bind(side);
        prefHeightProperty().bind(side);
    }

    /** Fills it with {@code paint}, following it (a button's text colour). Not for an icon CSS colours. */
    public void filledWith(ObservableValue<? extends Paint> paint) {
        backgroundProperty().bind(paint.map(fill -> new Background(new BackgroundFill(fill, null, null))));
    }

    /** The outlines, read once. */
    private static final class Paths {
        private static final Properties PATHS = load();

        static String of(String name) {
            String path = PATHS.getProperty(name);
            if (path == null) {
                throw new IllegalArgumentException("no icon named " + name + " in icon-paths.properties");
            }
            return path;
        }

        private static Properties load() {
            Properties paths = new Properties();
            try (InputStream in = PathIcon.class.getResourceAsStream("icon-paths.properties")) {
                paths.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("the icons' outlines could not be read", e);
            }
            return paths;
        }
    }
}
