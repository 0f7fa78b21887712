package dev.envclone.ui.common;

import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The skeleton every page of the wizard is built on: the heading at the top, the body under it in a scroll pane,
 * and the page's actions in a bar at the bottom that never scrolls away. On a 1024×768 remote desktop at 150 % text
 * the body rarely fits; the heading and the buttons that act on the step must stay in sight all the same, and the
 * rest (results, pre-image paths) is a PageDown or Ctrl+End away.
 */
public final class PageLayout {
    private final BorderPane view = new BorderPane();
    private final Label heading;
    private final VBox body = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(body);
    private final VBox actions = new VBox(8);

    /** A page {@code prefix-page} headed {@code prefix-title}: "cleanup" gives the ids the tests look for. */
    public PageLayout(String prefix, String title) {
        view.setId(prefix + "-page");
        view.getStyleClass().add("page");
        view.getProperties().put(PageLayout.class, this);
        heading = new Label(title);
        heading.setId(prefix + "-title");
        heading.getStyleClass().add("page-title");
        heading.setWrapText(true);
        heading.setMaxWidth(Double.MAX_VALUE);
        // Step titles are the document's words (OSSYS_…): no mnemonics in them.
        heading.setMnemonicParsing(false);
        BorderPane.setMargin(heading, new Insets(12, 16, 6, 16));
        view.setTop(heading);

        body.setPadding(new Insets(4, 16, 12, 16));
        body.setFillWidth(true);
        scroll.setId(prefix + "-body");
        scroll.getStyleClass().add("page-body");
        scroll.setFitToWidth(true);
        // The body wraps to the page's width: it never scrolls sideways.
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        view.setCenter(scroll);

        actions.setId(prefix + "-actions");
        actions.getStyleClass().add("page-actions");
        actions.setPadding(new Insets(8, 16, 8, 16));
        actions.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(actions.getChildren()));
        actions.managedProperty().bind(actions.visibleProperty());
        view.setBottom(actions);
    }

    /** The skeleton of a page's view, if it was built on one (the main window scrolls it by keyboard). */
    public static Optional<PageLayout> of(Node view) {
        return view == null ? Optional.empty()
                : Optional.ofNullable((PageLayout) view.getProperties().get(PageLayout.class));
    }

    public Node view() {
        return view;
    }

    public Label heading() {
        return heading;
    }

    /** What scrolls: the page's text, its fields, its results. */
    public VBox body() {
        return body;
    }

    public ScrollPane scroll() {
        return scroll;
    }

    /** Adds to the body, in order. */
    public PageLayout add(Node... nodes) {
        body.getChildren().addAll(nodes);
        return this;
    }

    /** A bold line that opens a part of the body ("Record", "Evidence"). */
    public static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMnemonicParsing(false);
        return label;
    }

    /**
     * A row of the actions bar: the buttons side by side, wrapping onto a second line where the page is narrow
     * rather than being cut off or shrunk to "…".
     */
    public FlowPane actionRow(Node... controls) {
        FlowPane row = new FlowPane(10, 8, controls);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Node control : controls) {
            if (control instanceof javafx.scene.layout.Region region) {
                region.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        actions.getChildren().add(row);
        return row;
    }

    /** A row of the actions bar laid out by the page itself (a note field with its button). */
    public PageLayout actions(Node row) {
        actions.getChildren().add(row);
        return this;
    }

    /** The bar itself (tests ask where its buttons are). */
    public VBox actionsBar() {
        return actions;
    }

    /** Back to the heading: each page opens at its top. */
    public void top() {
        scroll.setVvalue(scroll.getVmin());
    }

    /** Scrolls the body so that this node (the control the keyboard just reached, a new result) is in view. */
    public void reveal(Node node) {
        if (node == null || !inBody(node)) {
            return;
        }
        // Where the node is now, not where the last pulse left it (a message that just appeared has no place yet).
        view.applyCss();
        view.layout();
        Bounds bounds = body.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = body.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (bounds == null || contentHeight <= viewport) {
            return;
        }
        double top = scroll.getVvalue() * (contentHeight - viewport);
        if (bounds.getMinY() < top) {
            scroll.setVvalue(bounds.getMinY() / (contentHeight - viewport));
        } else if (bounds.getMaxY() > top + viewport) {
            // Taller than the page: its start in view, the rest a PageDown away.
            double y = bounds.getHeight() > viewport ? bounds.getMinY() : bounds.getMaxY() - viewport;
            scroll.setVvalue(Math.min(1, y / (contentHeight - viewport)));
        }
    }

    /** Brings a message into view each time it says something new (a preview's result under the SQL). */
    public void revealWhenSaid(Label message) {
        message.textProperty().addListener((o, before, now) -> {
            if (now != null && !now.isEmpty()) {
                // After the layout pass that gives the message its place.
                javafx.application.Platform.runLater(() -> reveal(message));
            }
        });
    }

    /**
     * PageUp / PageDown / Ctrl+Home / Ctrl+End from wherever the focus is (Next, the bottom bar): the body scrolls.
     * True if the key was used.
     */
    public boolean scrollByKey(KeyEvent event) {
        double page = pageFraction();
        KeyCode code = event.getCode();
        if (code == KeyCode.PAGE_DOWN) {
            scroll.setVvalue(Math.min(1, scroll.getVvalue() + page));
        } else if (code == KeyCode.PAGE_UP) {
            scroll.setVvalue(Math.max(0, scroll.getVvalue() - page));
        } else if (code == KeyCode.END && event.isShortcutDown()) {
            scroll.setVvalue(1);
        } else if (code == KeyCode.HOME && event.isShortcutDown()) {
            scroll.setVvalue(0);
        } else {
            return false;
        }
        return true;
    }

    /** One viewport's height as a share of the scroll range, less a line so that the reader keeps their place. */
    private double pageFraction() {
        double contentHeight = body.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return 1;
        }
        return Math.max(0.05, (viewport * 0.9) / (contentHeight - viewport));
    }

    private boolean inBody(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == body) {
                return true;
            }
        }
        return false;
    }
}
