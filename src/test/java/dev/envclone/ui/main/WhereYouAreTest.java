package dev.envclone.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.ProcedurePhase;
import dev.envclone.procedure.Step;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import dev.envclone.ui.common.FxBackground;
import dev.envclone.ui.common.PathIcon;
import dev.envclone.ui.common.StateIcons;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13, "always know where you are", in the main window: the step list's phase headings in the document's
 * order, each step's icon following its state as the journal records it, the header's counts, step and operator,
 * and the selected row readable in the light and the dark theme whatever its state.
 */
@ExtendWith(ApplicationExtension.class)
class WhereYouAreTest {
    @TempDir
    Path folder;

    private Stage stage;
    private final FxRobot robot = new FxRobot();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private WizardFixture open(Dbms dbms, String theme) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        robot.interact(() -> {
            MainWindow window = new MainWindow(fixture.wizard, new FxBackground(), () -> { });
            Scene scene = new Scene((Parent) window.view(), 1280, 800);
            // The theme as the scene's first sheet (not the JVM-wide user-agent sheet, which other tests share).
            scene.getStylesheets().add(getClass().getResource("/atlantafx/base/theme/" + theme + ".css")
                    .toExternalForm());
            scene.getStylesheets().add(getClass().getResource("/dev/envclone/ui/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return fixture;
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void thePhasesAreHeadedInTheDocumentsOrderAndEachIconFollowsItsStep(Dbms dbms) throws Exception {
        WizardFixture fixture = open(dbms, "primer-light");
        List<StepItem> items = List.copyOf(fixture.wizard.items());
        int steps = ProcedureCatalog.stepsFor(fixture.wizard.planProperty().get()).size();

        assertEquals(Arrays.stream(ProcedurePhase.values()).map(ProcedurePhase::displayName).toList(),
                List.copyOf(headings().values()), "one heading per phase, in order");
        assertEquals("Operator: Ana Operator", text("#main-operator"));
        assertEquals("0 of " + steps + " done", text("#main-counts"));
        assertEquals("Step 1 of " + steps + " · Prepare", text("#main-position"));
        assertIcon(fixture, "prerequisites", StateIcons.Look.PENDING);

        // A cleanup step executed, a manual step ticked (as their pages record them), then the window refreshed.
        Step security = ProcedureCatalog.cleanupSteps(fixture.wizard.planProperty().get()).get(0);
        fixture.wizard.context().session().execute(security, new dev.envclone.db.CancelToken(),
                dev.envclone.db.ProgressListener.NONE);
        robot.interact(() -> {
            try {
                fixture.wizard.runProperty().get().tick("prerequisites", "checked", "Ana Operator");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            fixture.wizard.refresh();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("2 of " + steps + " done", text("#main-counts"));
        assertIcon(fixture, "prerequisites", StateIcons.Look.DONE);
        assertIcon(fixture, security.id(), StateIcons.Look.DONE);
        assertIcon(fixture, ProcedureCatalog.cleanupSteps(fixture.wizard.planProperty().get()).get(1).id(),
                StateIcons.Look.PENDING);
        // Every row drawn: the icon its state calls for.
        for (int i = 0; i < items.size(); i += 4) {
            int index = i;
            robot.interact(() -> list().scrollTo(index));
            WaitForAsyncUtils.waitForFxEvents();
            for (ListCell<?> cell : cells()) {
                StepItem item = (StepItem) cell.getItem();
                if (item != null && item.kind() == StepItem.Kind.STEP) {
                    assertEquals(StateIcons.look(item.stateProperty().get(), false, item.applicable()).literal(),
                            icon(cell).name(), item.step().id());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void theCountsGoFromNoneToOneWhenAStepIsTickedOnItsPage(Dbms dbms) throws Exception {
        WizardFixture fixture = open(dbms, "primer-light");
        int steps = ProcedureCatalog.stepsFor(fixture.wizard.planProperty().get()).size();
        StepItem license = fixture.item("upload-license");
        robot.interact(() -> fixture.wizard.selectedProperty().set(fixture.wizard.items().indexOf(license)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0 of " + steps + " done", text("#main-counts"));
        assertEquals("Step " + license.number() + " of " + steps + " · After the install", text("#main-position"));

        robot.clickOn("#manual-tick");
        WaitForAsyncUtils.waitForFxEvents();
        // A confirmation, if the page asks one, is answered with its action (not its default, Cancel).
        robot.lookup(".dialog-pane .button").match(n -> !((javafx.scene.control.Button) n).isCancelButton())
                .tryQueryAs(javafx.scene.control.Button.class).ifPresent(robot::clickOn);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(StepState.DONE, fixture.wizard.runProperty().get().state().of("upload-license"));
        assertEquals("1 of " + steps + " done", text("#main-counts"));
        assertIcon(fixture, "upload-license", StateIcons.Look.DONE);
    }

    static List<Arguments> themes() {
        return List.of(Arguments.of("primer-light"), Arguments.of("primer-dark"));
    }

    @ParameterizedTest
    @MethodSource("themes")
    void theSelectedRowIsReadableInEveryState(String theme) throws Exception {
        WizardFixture fixture = open(Dbms.SQLSERVER, theme);
        fixture.wizard.runProperty().get().tick("prerequisites", "checked", "Ana Operator");
        fixture.wizard.runProperty().get().doneByDba("backup-database", "Bea DBA", "", "Ana Operator");
        fixture.wizard.runProperty().get().skip("restore-database", "restored by the storage team", "Ana Operator");
        Map<String, StateIcons.Look> shown = Map.of("prerequisites", StateIcons.Look.DONE,
                "backup-database", StateIcons.Look.DONE_BY_DBA, "restore-database", StateIcons.Look.SKIPPED,
                "security-context", StateIcons.Look.PENDING);
        robot.interact(fixture.wizard::refresh);
        for (Map.Entry<String, StateIcons.Look> step : shown.entrySet()) {
            StepItem item = fixture.item(step.getKey());
            robot.interact(() -> fixture.wizard.selectedProperty().set(fixture.wizard.items().indexOf(item)));
            robot.interact(() -> list().requestFocus());
            WaitForAsyncUtils.waitForFxEvents();
            ListCell<?> cell = cells().stream().filter(c -> c.getItem() == item).findFirst().orElseThrow();
            assertTrue(cell.isSelected(), step.getKey());
            Region row = (Region) cell.lookup(".step-row");
            // The row's fill is see-through in the dark theme: the colour seen is it over the list's own.
            Color background = over((Color) row.getBackground().getFills().get(0).getFill(), beneath(row));
            Label title = (Label) cell.lookup(".step-title");
            Color text = (Color) title.getTextFill();
            assertTrue(contrast(text, background) >= 4.5, step.getKey() + " title " + text + " on " + background
                    + ": " + contrast(text, background));
            PathIcon icon = icon(cell);
            assertEquals(step.getValue().literal(), icon.name(), step.getKey());
            Color iconColor = (Color) icon.getBackground().getFills().get(0).getFill();
            assertTrue(contrast(iconColor, background) >= 3, step.getKey() + " icon " + iconColor + " on "
                    + background + ": " + contrast(iconColor, background));
        }
    }

    /** The heading of each phase, by the list index of the row it is drawn in, found by scrolling the list. */
    private Map<Integer, String> headings() {
        Map<Integer, String> found = new TreeMap<>();
        int size = list().getItems().size();
        for (int i = 0; i < size; i += 4) {
            int index = i;
            robot.interact(() -> list().scrollTo(index));
            WaitForAsyncUtils.waitForFxEvents();
            for (ListCell<?> cell : cells()) {
                Label heading = (Label) cell.lookup(".step-phase-heading");
                if (cell.getItem() != null && heading != null && heading.isVisible()) {
                    found.put(cell.getIndex(), heading.getText());
                }
            }
        }
        return found;
    }

    private void assertIcon(WizardFixture fixture, String stepId, StateIcons.Look look) {
        StepItem item = fixture.item(stepId);
        robot.interact(() -> list().scrollTo(fixture.wizard.items().indexOf(item)));
        WaitForAsyncUtils.waitForFxEvents();
        PathIcon icon = robot.lookup("#main-steps-icon-" + stepId).queryAs(PathIcon.class);
        assertEquals(look.literal(), icon.name(), stepId);
        assertTrue(icon.getStyleClass().contains(look.styleClass()), icon.getStyleClass().toString());
    }

    @SuppressWarnings("unchecked")
    private ListView<StepItem> list() {
        return (ListView<StepItem>) robot.lookup("#main-steps").query();
    }

    private List<ListCell<?>> cells() {
        return list().lookupAll(".list-cell").stream().filter(n -> n instanceof ListCell<?> c && c.isVisible()
                && c.getItem() != null).<ListCell<?>>map(n -> (ListCell<?>) n).toList();
    }

    private static PathIcon icon(Node cell) {
        return (PathIcon) cell.lookup(".state-icon");
    }

    private String text(String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    /**
     * What is drawn under {@code node}: the nearest parent that paints an opaque fill, its last one (the fills are
     * painted in order, a border ring first), else the scene's fill.
     */
    private static Color beneath(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            Color seen = null;
            if (p instanceof Region region && region.getBackground() != null) {
                for (var fill : region.getBackground().getFills()) {
                    if (fill.getFill() instanceof Color c && c.getOpacity() == 1) {
                        seen = c;
                    }
                }
            }
            if (seen != null) {
                return seen;
            }
        }
        return node.getScene().getFill() instanceof Color c ? c : Color.WHITE;
    }

    /** {@code top}, with its opacity, drawn over the opaque {@code under}. */
    private static Color over(Color top, Color under) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a));
    }

    /** WCAG 2 contrast ratio of two opaque colours. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
