package dev.envclone.ui.common;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Read-only SQL or a script as the page shows it: wrapped at the page's width and as tall as its wrapped lines, so
 * that a statement of the document's width (the LifeTime observer delete) reads whole, with no scroll bar of its
 * own, inside the page's scrolling body. Still a text area: the operator can select and copy from it, and Tab
 * leaves it.
 */
public final class SqlText extends TextArea {
    private final Text measure = new Text();

    public SqlText(String id) {
        setId(id);
        getStyleClass().add("sql");
        setEditable(false);
        setWrapText(true);
        setMinHeight(Region.USE_PREF_SIZE);
        // A new width wraps the text anew: the height follows.
        widthProperty().addListener((o, before, now) -> requestLayout());
        textProperty().addListener((o, before, now) -> requestLayout());
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double available = width > 0 ? width : getWidth();
        ScrollPane inner = (ScrollPane) lookup(".scroll-pane");
        if (available <= 0 || inner == null || !(inner.getContent() instanceof Region content)) {
            return super.computePrefHeight(width);
        }
        double wrap = available - snappedLeftInset() - snappedRightInset() - inner.snappedLeftInset()
                - inner.snappedRightInset() - content.snappedLeftInset() - content.snappedRightInset()
                - verticalBarWidth(inner);
        measure.setFont(getFont());
        measure.setWrappingWidth(Math.max(1, wrap));
        // A line of its own per paragraph, as the text area draws them; an empty one still takes a line.
        double height = 0;
        for (String paragraph : getText() == null ? new String[] {""} : getText().split("\n", -1)) {
            measure.setText(paragraph.isEmpty() ? " " : paragraph);
            height += measure.getLayoutBounds().getHeight();
        }
        return Math.ceil(height + snappedTopInset() + snappedBottomInset() + inner.snappedTopInset()
                + inner.snappedBottomInset() + content.snappedTopInset() + content.snappedBottomInset()) + 2;
    }

    /** The horizontal scroll bar the text needs: none, once laid out (tests ask). */
    public boolean scrollsSideways() {
        return bar(Orientation.HORIZONTAL);
    }

    /** Whether the text area shows a vertical scroll bar: none once laid out, it is as tall as its text. */
    public boolean scrollsDown() {
        return bar(Orientation.VERTICAL);
    }

    private boolean bar(Orientation orientation) {
        for (Node node : lookupAll(".scroll-bar")) {
            if (node instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == orientation
                    && bar.isVisible()) {
                return true;
            }
        }
        return false;
    }

    private static double verticalBarWidth(ScrollPane inner) {
        for (Node node : inner.lookupAll(".scroll-bar")) {
            if (node instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL
                    && bar.isVisible()) {
                return bar.getWidth();
            }
        }
        return 0;
    }
}
