package dev.envclone.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.Dbms;
import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import dev.envclone.ui.common.FxBackground;
import dev.envclone.ui.common.PageLayout;
import dev.envclone.ui.common.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13, "fits a remote-desktop screen": the main window at 1024×768 with 150 % text, every page of a started
 * run of each DBMS. The page's actions are inside the window without scrolling, its heading is at the top when it
 * opens, its SQL needs no scroll bar of its own, no label breaks inside a word, and the bottom bar's buttons keep
 * their words whole, also while a job runs; after a preview its statements fit and its result comes into view. A
 * refused Next says why beside the button.
 */
@ExtendWith(ApplicationExtension.class)
class FitsTheScreenTest {
    private static final double WIDTH = 1024;
    private static final double HEIGHT = 768;

    @TempDir
    Path folder;

    private Stage stage;
    private MainWindow window;
    private FxBackground background;
    private final FxRobot robot = new FxRobot();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void open(WizardFixture fixture) {
        fixture.wizard.textScaleProperty().set(150);
        robot.interact(() -> {
            background = new FxBackground();
            window = new MainWindow(fixture.wizard, background, () -> { });
            Parent root = (Parent) window.view();
            // As WizardApp applies the text size: the root's font, everything else in em.
            root.setStyle("-fx-font-size: " + 13.0 * 150 / 100 + "px;");
            Scene scene = new Scene(root, WIDTH, HEIGHT);
            scene.getStylesheets().add(getClass().getResource("/dev/envclone/ui/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void everyPageFitsAt1024By768With150PercentText(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        open(fixture);
        List<String> problems = new ArrayList<>();
        List<StepItem> items = List.copyOf(fixture.wizard.items());
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            robot.interact(() -> fixture.wizard.selectedProperty().set(index));
            WaitForAsyncUtils.waitForFxEvents();
            String page = items.get(i).heading();
            robot.interact(() -> problems.addAll(fitProblems(page)));
        }
        assertEquals(List.of(), problems);
        // The same window, one step on: what a preview adds fits as well.
        previewsStatementsAndResultFitAndComeIntoView(fixture);
    }

    private void previewsStatementsAndResultFitAndComeIntoView(WizardFixture fixture) {
        // The first cleanup step whose statements come from the database (listed after a preview).
        int first = -1;
        for (int i = 0; first < 0 && i < fixture.wizard.items().size(); i++) {
            StepItem item = fixture.wizard.items().get(i);
            if (item.step() != null && item.step().kind() == dev.envclone.procedure.StepKind.CLEANUP) {
                int index = i;
                robot.interact(() -> fixture.wizard.selectedProperty().set(index));
                WaitForAsyncUtils.waitForFxEvents();
                first = robot.lookup("#cleanup-statements").tryQuery().isPresent() ? i : -1;
            }
        }
        assertTrue(first >= 0, "a cleanup step lists its generated statements");
        robot.interact(() -> robot.lookup("#cleanup-preview").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();

        Label result = robot.lookup("#cleanup-result").queryAs(Label.class);
        assertTrue(result.getText().startsWith("Preview: "), result.getText());
        assertTrue(!robot.lookup("#cleanup-statements").queryAs(Node.class).lookupAll(".sql").isEmpty(),
                "the generated statements are listed");
        String page = fixture.wizard.items().get(first).heading() + " after Preview";
        Label firstStatement = (Label) robot.lookup("#cleanup-statements").queryAs(Node.class).lookupAll(".sql")
                .iterator().next();
        assertTrue(firstStatement.isWrapText() && !firstStatement.getText().isEmpty());
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            // The result, under the SQL, came into view by itself.
            Bounds shown = result.localToScene(result.getBoundsInLocal());
            Bounds viewport = PageLayout.of(window.page().view()).orElseThrow().scroll()
                    .localToScene(PageLayout.of(window.page().view()).orElseThrow().scroll().getBoundsInLocal());
            if (shown.getMinY() < viewport.getMinY() - 1 || shown.getMinY() > viewport.getMaxY()) {
                problems.add(page + ": the result is out of view at " + shown.getMinY());
            }
            List<String> fit = new ArrayList<>(fitProblems(page));
            // Scrolled to its result: the page is not at its heading now, by design.
            fit.removeIf(p -> p.contains("opens scrolled down"));
            problems.addAll(fit);
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void theBottomBarKeepsItsWordsWhileAJobRuns() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        open(fixture);
        robot.interact(() -> fixture.wizard.selectedProperty().set(4));
        CountDownLatch release = new CountDownLatch(1);
        robot.interact(() -> background.run("Counting the rows each cleanup step will change on the target",
                (progress, cancel) -> {
                    release.await();
                    return null;
                }, done -> { }, failed -> { }));
        try {
            for (int i = 0; i < 50 && !window.view().lookup("#main-job").isVisible(); i++) {
                WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(20);
            }
            assertTrue(window.view().lookup("#main-job").isVisible(), "the job's row shows while it runs");
            List<String> problems = new ArrayList<>();
            robot.interact(() -> problems.addAll(bottomBarProblems("while a job runs")));
            assertEquals(List.of(), problems);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRefusedNextSaysWhyAtTheFieldAndBesideTheButtonNamingEveryRuleBroken() throws Exception {
        WizardFixture fixture = WizardFixture.planned(Dbms.SQLSERVER, folder, Background.direct());
        open(fixture);
        TextField admin = robot.lookup("#plan-admin-user").queryAs(TextField.class);
        robot.interact(() -> admin.setText("OS'ADMIN;DROP"));
        WaitForAsyncUtils.waitForFxEvents();

        String field = robot.lookup("#plan-admin-user-message").queryAs(Label.class).getText();
        assertTrue(field.startsWith("admin user 'OS'ADMIN;DROP' contains ';' and a quote: "), field);
        Label beside = robot.lookup("#main-next-refused").queryAs(Label.class);
        assertTrue(beside.isVisible());
        assertEquals("Next is refused: " + field, beside.getText());
        assertTrue(robot.lookup("#main-next").queryButton().isDisabled());
        List<String> problems = new ArrayList<>();
        robot.interact(() -> problems.addAll(bottomBarProblems("plan page with a refused Next")));
        assertEquals(List.of(), problems);

        robot.interact(() -> admin.setText("OSADMIN"));
        assertEquals("", beside.getText());
        assertTrue(!robot.lookup("#main-next").queryButton().isDisabled());
    }

    @Test
    void pageDownAndCtrlEndFromNextReachTheBottomOfThePage() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.ORACLE, folder, Background.direct());
        open(fixture);
        robot.interact(() -> fixture.wizard.selectedProperty().set(fixture.wizard.items().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        PageLayout layout = PageLayout.of(window.page().view()).orElseThrow();
        assertEquals(0, layout.scroll().getVvalue(), 0.001, "the page opens at its heading");
        robot.interact(() -> window.view().lookup("#main-back").requestFocus());

        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        double afterPageDown = layout.scroll().getVvalue();
        assertTrue(afterPageDown > 0 && afterPageDown < 1, "PageDown scrolls one page: " + afterPageDown);
        robot.press(KeyCode.CONTROL).type(KeyCode.END).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, layout.scroll().getVvalue(), 0.001, "Ctrl+End reaches the end");
        robot.press(KeyCode.CONTROL).type(KeyCode.HOME).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, layout.scroll().getVvalue(), 0.001, "Ctrl+Home is back at the heading");
    }

    /** What does not fit on the page now shown. */
    private List<String> fitProblems(String page) {
        List<String> problems = new ArrayList<>();
        PageLayout layout = PageLayout.of(window.page().view()).orElse(null);
        if (layout == null) {
            return List.of(page + ": not built on the page skeleton");
        }
        if (layout.scroll().getVvalue() > 0.001) {
            problems.add(page + ": opens scrolled down (" + layout.scroll().getVvalue() + ")");
        }
        if (!inWindow(layout.heading())) {
            problems.add(page + ": its heading is not in the window");
        }
        for (Node node : layout.actionsBar().lookupAll("*")) {
            if (node instanceof ButtonBase button && shown(button)) {
                if (!inWindow(button)) {
                    problems.add(page + ": '" + button.getText() + "' is outside the window " + scene(button));
                } else if (cut(button)) {
                    problems.add(page + ": '" + button.getText() + "' is cut to " + button.getWidth() + " px");
                }
            }
        }
        if (layout.body().getWidth() > layout.scroll().getViewportBounds().getWidth() + 1) {
            problems.add(page + ": the body is wider than the page (" + layout.body().getWidth() + " > "
                    + layout.scroll().getViewportBounds().getWidth() + ")");
        }
        for (Node node : layout.body().lookupAll(".sql")) {
            if (node instanceof SqlText sql && shown(sql) && (sql.scrollsSideways() || sql.scrollsDown())) {
                problems.add(page + ": #" + sql.getId() + " needs a scroll bar of its own");
            }
        }
        List<Node> labels = new ArrayList<>(window.page().view().lookupAll(".label"));
        labels.addAll(window.view().lookup("#main-bottom").lookupAll(".label"));
        for (Node node : labels) {
            if (node instanceof Label label && shown(label) && inWindow(label)) {
                String word = brokenWord(label);
                if (word != null) {
                    problems.add(page + ": '" + word + "' breaks inside the word in '" + label.getText() + "'");
                }
            }
        }
        problems.addAll(bottomBarProblems(page));
        return problems;
    }

    private List<String> bottomBarProblems(String page) {
        List<String> problems = new ArrayList<>();
        for (Node node : window.view().lookup("#main-bottom").lookupAll("*")) {
            if (node instanceof ButtonBase button && shown(button)) {
                if (cut(button)) {
                    problems.add(page + ": bottom bar '" + button.getText() + "' is cut to " + button.getWidth());
                }
                if (!inWindow(button)) {
                    problems.add(page + ": bottom bar '" + button.getText() + "' is outside the window");
                }
            }
        }
        return problems;
    }

    /** A button narrower than its words ("…"). */
    private static boolean cut(Labeled labeled) {
        return labeled.getWidth() + 0.5 < labeled.prefWidth(-1);
    }

    /**
     * A word of the label wider than the label: the label breaks it ("host\instanc / e"). Paths and URLs are
     * long words by nature and left out.
     */
    private static String brokenWord(Label label) {
        if (label.getText() == null || !label.isWrapText()) {
            return null;
        }
        double room = label.getWidth() - label.snappedLeftInset() - label.snappedRightInset()
                - (label.getGraphic() == null ? 0 : label.getGraphic().prefWidth(-1) + label.getGraphicTextGap());
        Text measure = new Text();
        measure.setFont(label.getFont());
        for (String word : label.getText().replace("_", "").split("\\s+")) {
            if (word.contains("/") || word.contains(":\\") || word.length() > 40) {
                continue;
            }
            measure.setText(word);
            if (measure.getLayoutBounds().getWidth() > room + 1) {
                return word;
            }
        }
        return null;
    }

    private boolean inWindow(Node node) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        Scene scene = node.getScene();
        return bounds != null && scene != null && bounds.getMinX() >= -1 && bounds.getMinY() >= -1
                && bounds.getMaxX() <= scene.getWidth() + 1 && bounds.getMaxY() <= scene.getHeight() + 1;
    }

    private static String scene(Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        return String.format("(%.0f,%.0f)-(%.0f,%.0f)", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.isManaged();
    }
}
