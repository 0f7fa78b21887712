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
        // The bounds the text area's own text node uses: its lines are taller than a plain Text's.
        measure.setBoundsType(javafx.scene.text.TextBoundsType.LOGICAL_VERTICAL_CENTER);
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
        // As tall as the text: a scroll bar of its own would only narrow the text and wrap it further.
        inner.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        double wrap = available - snappedLeftInset() - snappedRightInset() - inner.snappedLeftInset()
                - inner.snappedRightInset() - content.snappedLeftInset() - content.snappedRightInset();
        measure.setFont(getFont());
        // As the text area wraps its text: one text node at the viewport's whole-pixel width (a pixel less, so a
        // line that just fits here is not wrapped there).
        measure.setWrappingWidth(Math.max(1, Math.floor(wrap) - 1));
        String text = getText() == null || getText().isEmpty() ? " " : getText();
        measure.setText(text.endsWith("\n") ? text + " " : text);
        double height = measure.getLayoutBounds().getHeight();
        return Math.ceil(height + snappedTopInset() + snappedBottomInset() + inner.snappedTopInset()
                + inner.snappedBottomInset() + content.snappedTopInset() + content.snappedBottomInset()) + 2;
    }

    /** The horizontal scroll bar the text needs: none, once laid out (tests ask). */
    public boolean scrollsSideways() {
        return bar(Orientation.HORIZONTAL);
    }

    /**
     * Whether the text is taller than the text area shows (its own scroll bar is off): never once laid out, it is
     * as tall as its text.
     */
    public boolean scrollsDown() {
        ScrollPane inner = (ScrollPane) lookup(".scroll-pane");
        return bar(Orientation.VERTICAL) || inner != null && inner.getContent() != null
                && inner.getContent().getBoundsInLocal().getHeight() > inner.getViewportBounds().getHeight() + 1;
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

}
