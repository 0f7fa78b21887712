package dev.envclone.ui.configtool;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * A tab's content that reports its height for the width it has. A TabPane asks its tabs for their height at their
 * widest (unwrapped) width, and wrapping labels then answer with one line each: at a large text size or in a narrow
 * window the tab would cut its text off. This box answers for the width the TabPane actually gives it.
 */
final class TabContent extends VBox {
    TabContent(double spacing, Node... children) {
        super(spacing, children);
        // A new width means new line breaks. The width changes while the TabPane lays out, when a request to lay
        // it out again would be ignored; so the request waits for the end of this layout pass.
        widthProperty().addListener((o, before, now) -> Platform.runLater(this::requestLayout));
    }

    /** No bias: the TabPane then asks for the height without a width, and gets the one for the actual width. */
    @Override
    public Orientation getContentBias() {
        return null;
    }

    @Override
    protected double computePrefHeight(double width) {
        return super.computePrefHeight(getWidth() > 0 ? getWidth() : width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
