package dev.envclone.ui.main;

import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.common.ActionIcons.Action;
import dev.envclone.ui.common.ActionIcons;
import dev.envclone.ui.common.FxBackground;
import dev.envclone.ui.common.PageLayout;
import dev.envclone.ui.common.Subscriptions;
import dev.envclone.ui.common.WizardPage;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The main window's content: the plan summary at the top, the step list with each step's state on the left, the
 * step's page in the middle, and Back / Next / Continue later with the running job's progress and Cancel at the
 * bottom. Navigation waits while a job runs; Escape cancels it.
 */
public final class MainWindow {
    private final WizardViewModel wizard;
    private final FxBackground background;
    private final Runnable continueLater;
    private final BorderPane root = new BorderPane();
    private final ListView<StepItem> list = new ListView<>();
    // The page's own skeleton scrolls its body and keeps its heading and actions in sight (PageLayout).
    private final javafx.scene.layout.StackPane center = new javafx.scene.layout.StackPane();
    private final Button next = ActionIcons.on(new Button("_Next"), Action.NEXT);
    // What this window hangs on the wizard and the scene, both longer-lived than it: removed by close().
    private final Subscriptions subscriptions = new Subscriptions();
    private final BooleanProperty nextAllowed = new SimpleBooleanProperty(true);
    private final javafx.beans.property.StringProperty nextRefused = new javafx.beans.property.SimpleStringProperty("");
    private WizardPage page;

    public MainWindow(WizardViewModel wizard, FxBackground background, Runnable continueLater) {
        this.wizard = wizard;
        this.background = background;
        this.continueLater = continueLater;
        build();
    }

    public Node view() {
        return root;
    }

    /**
     * Continue later, or the window closed: takes this window's listeners off the wizard and the scene, so that it
     * no longer follows the wizard's state (a new window is built for the next run).
     */
    public void close() {
        subscriptions.close();
        list.setItems(null);
    }

    /** This window's listeners still on longer-lived state: none once closed (tests ask). */
    public int subscriptions() {
        return subscriptions.size();
    }

    /** The page now shown (tests and screenshots ask it). */
    public WizardPage page() {
        return page;
    }

    private void build() {
        root.setTop(new RunHeader(wizard, subscriptions).view());

        root.setLeft(new StepList(list, wizard, background).view());
        subscriptions.listen(wizard.selectedProperty(), (o, before, now) -> show(now.intValue()));

        center.setId("main-page");
        // Narrower than its page's widest line: the page wraps, it does not push the window wider.
        center.setMinWidth(0);
        root.setCenter(center);
        root.setBottom(bottom());
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && background.busyProperty().get()) {
                background.cancelCurrent();
                e.consume();
            } else if (page != null && PageLayout.of(page.view()).map(l -> l.scrollByKey(e)).orElse(false)) {
                // PageDown / Ctrl+End from Next or the bottom bar reach the page's results (a focused text area
                // or the step list use the keys themselves first).
                e.consume();
            }
        });
        root.sceneProperty().addListener((o, before, scene) -> {
            if (scene != null) {
                subscriptions.listen(scene.focusOwnerProperty(), (f, was, now) -> reveal(now));
                // Start on Next, not in the step list: the list takes Enter for itself, and Enter must mean Next.
                javafx.application.Platform.runLater(next::requestFocus);
            }
        });
        show(wizard.selectedProperty().get());
    }

    /** Scrolls the page so that the control the keyboard just reached is in view. */
    private void reveal(Node focused) {
        if (page != null) {
            PageLayout.of(page.view()).ifPresent(layout -> layout.reveal(focused));
        }
    }

    /**
     * Two rows: the running job (what it does, its progress, Cancel) over the buttons, so that neither squeezes
     * the other; the job's row takes room only while a job runs. Beside the buttons, why Next is refused. Every
     * button keeps its words whole at 1024×768 and 150 % text; the wrapping lines give way instead.
     */
    private Node bottom() {
        Label status = new Label();
        status.setId("main-status");
        status.textProperty().bind(background.messageProperty());
        status.setWrapText(true);
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        ProgressBar progress = new ProgressBar();
        progress.setId("main-progress");
        progress.progressProperty().bind(background.progressProperty());
        progress.setPrefWidth(160);
        progress.setMinWidth(80);
        Button cancel = ActionIcons.on(new Button("Cancel job (Esc)"), Action.CANCEL);
        cancel.setId("main-cancel");
        cancel.setOnAction(e -> background.cancelCurrent());
        HBox job = new HBox(10, status, progress, cancel);
        job.setId("main-job");
        job.setAlignment(Pos.CENTER_LEFT);
        job.visibleProperty().bind(background.busyProperty());
        job.managedProperty().bind(job.visibleProperty());

        Label refused = new Label();
        refused.setId("main-next-refused");
        refused.getStyleClass().add("error-text");
        refused.textProperty().bind(nextRefused);
        refused.setWrapText(true);
        refused.setMinWidth(0);
        refused.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(refused, Priority.ALWAYS);
        refused.visibleProperty().bind(nextRefused.isNotEmpty());

        Button back = ActionIcons.on(new Button("_Back"), Action.BACK);
        back.setId("main-back");
        back.setOnAction(e -> move(-1));
        back.disableProperty().bind(background.busyProperty().or(wizard.selectedProperty().isEqualTo(0)));
        next.setId("main-next");
        next.setDefaultButton(true);
        next.setOnAction(e -> {
            int before = wizard.selectedProperty().get();
            // Accepting the plan selects the run's first step itself: then Next has already moved.
            if ((page == null || page.next()) && wizard.selectedProperty().get() == before) {
                move(1);
            }
        });
        // A page may hold Next back (the plan page while a field is invalid); the line beside it says why.
        next.disableProperty().bind(background.busyProperty().or(nextAllowed.not())
                .or(wizard.selectedProperty().isEqualTo(javafx.beans.binding.Bindings.size(wizard.items())
                        .subtract(1))));
        Button later = ActionIcons.on(new Button("Continue _later"), Action.LATER);
        later.setId("main-continue-later");
        // Also before a run has started: the way back to the start page (the plan typed is forgotten).
        later.disableProperty().bind(background.busyProperty());
        later.setOnAction(e -> {
            if (ContinueLater.confirmed(root, wizard.runProperty().get())) {
                continueLater.run();
            }
        });
        Node textSize = dev.envclone.ui.common.TextSize.control("main-text-size", wizard.textScaleProperty(),
                subscriptions);
        for (javafx.scene.control.Control control : List.of(cancel, back, next, later)) {
            control.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        if (textSize instanceof javafx.scene.layout.Region region) {
            region.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(10, refused, textSize, back, next, later);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox bar = new VBox(6, job, buttons);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("nav-bar");
        bar.setId("main-bottom");
        return bar;
    }

    private void move(int delta) {
        int target = Math.max(0, Math.min(wizard.items().size() - 1, wizard.selectedProperty().get() + delta));
        // Steps the plan leaves out are skipped by Back and Next; the list still shows them.
        while (target > 0 && target < wizard.items().size() - 1 && !wizard.items().get(target).applicable()) {
            target += delta;
        }
        wizard.selectedProperty().set(target);
    }

    private void show(int index) {
        if (index < 0 || index >= wizard.items().size()) {
            return;
        }
        if (list.getSelectionModel().getSelectedIndex() != index) {
            list.getSelectionModel().select(index);
        }
        list.scrollTo(Math.max(0, index - 3));
        wizard.refresh();
        page = Pages.of(wizard.items().get(index), wizard);
        nextAllowed.unbind();
        nextAllowed.bind(page.nextAllowed());
        nextRefused.unbind();
        nextRefused.bind(page.nextRefusedReason());
        center.getChildren().setAll(page.view());
        page.shown();
        // Each page opens at its heading, whatever shown() focused; once more after the first layout pass.
        WizardPage shown = page;
        PageLayout.of(shown.view()).ifPresent(layout -> {
            layout.top();
            javafx.application.Platform.runLater(() -> {
                if (page == shown) {
                    layout.top();
                }
            });
        });
    }
}
