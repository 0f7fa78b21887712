package dev.envclone.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.run.RunFolder;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.StepItem;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import dev.envclone.ui.common.FxBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.Mnemonic;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * Issue 13, "nothing recorded by accident", in the main window as the operator has it (the bottom bar included):
 * on every page of a started run, Enter in each text field writes nothing to the run's journal, no two visible
 * controls share an Alt+letter and every underlined letter reaches its control; the dialogs before Execute, Skip
 * and Done by DBA answer Enter with Cancel. One window per DBMS, every page visited once, to keep the time small.
 */
@ExtendWith(ApplicationExtension.class)
class NothingByAccidentTest {
    private static final String SECURITY = "cleanup-environment-security";
    /** The final checklist has a note per step, all alike: a few of them show what Enter does in all. */
    private static final int FIELDS_PER_PAGE = 4;

    @TempDir
    Path folder;

    private Stage stage;
    private MainWindow window;
    private final FxRobot robot = new FxRobot();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private WizardFixture open(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        robot.interact(() -> {
            // Jobs run at once (Background.direct()); the window's own background only feeds its status bar.
            window = new MainWindow(fixture.wizard, new FxBackground(), () -> { });
            Scene scene = new Scene((Parent) window.view(), 1280, 800);
            scene.getStylesheets().add(getClass().getResource("/dev/envclone/ui/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return fixture;
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void onEveryPageEnterInATextFieldRecordsNothingAndEachMnemonicIsOneWorkingControl(Dbms dbms) throws Exception {
        WizardFixture fixture = open(dbms);
        Path journal = fixture.wizard.runProperty().get().folder().resolve(RunFolder.JOURNAL);
        List<String> before = Files.readAllLines(journal);
        List<String> problems = new ArrayList<>();
        int fields = 0;
        java.util.Set<String> typed = new java.util.HashSet<>();
        List<StepItem> items = List.copyOf(fixture.wizard.items());
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            // One page of each kind (the 20 manual steps are one page class): the walk stays a few seconds.
            StepItem item = items.get(i);
            if (!kinds.add(item.step() == null ? item.heading() : item.step().kind() + (item.step().id()
                    .equals(dev.envclone.ui.manual.ManualStepViewModel.UNMAP_STEP) ? " with the sandbox's unmap"
                    : item.step().id().startsWith("cleanup-lifetime") ? " generated" : ""))) {
                continue;
            }
            show(fixture, i);
            String page = item.heading();
            robot.interact(() -> problems.addAll(mnemonicProblems(stage.getScene(), page)));
            List<TextInputControl> typable = robot.lookup(n -> n instanceof TextInputControl t && !(t instanceof TextArea)
                    && t.isEditable() && !t.isDisabled() && treeVisible(t)).queryAllAs(TextInputControl.class)
                    .stream().limit(FIELDS_PER_PAGE).toList();
            // The 20 manual steps are one page class with one note field: Enter is tried on the first of a kind.
            if (!typed.add(window.page().getClass().getSimpleName() + typable.stream().map(t -> String.valueOf(t.getId())
                    .replaceAll("-[a-z0-9-]*$", "")).toList())) {
                continue;
            }
            for (TextInputControl field : typable) {
                if (field.getScene() == null) {
                    show(fixture, i); // Enter pressed Next: back to the page (not the note fields, which keep it)
                }
                robot.interact(field::requestFocus);
                robot.type(KeyCode.ENTER);
                WaitForAsyncUtils.waitForFxEvents();
                fields++;
                List<String> now = Files.readAllLines(journal);
                if (!now.equals(before)) {
                    problems.add(page + ": Enter in " + field.getId() + " wrote " + now.subList(before.size(),
                            now.size()));
                    before = now;
                }
            }
        }
        assertEquals(List.of(), problems);
        // The pages with a note (manual steps, Configuration Tool, the final checklist's rows) were all reached.
        assertTrue(fields >= 6, "only " + fields + " text fields found");
    }

    @Test
    void altLettersOnACleanupPagePreviewAndOpenTheExecuteQuestionWhichEnterCancels() throws Exception {
        WizardFixture fixture = open(Dbms.SQLSERVER);
        int index = fixture.wizard.items().indexOf(fixture.item(SECURITY));
        // As the operator gets there: the pages before it shown, then Alt+N (Next) from the previous cleanup page.
        for (int i = 1; i < index; i++) {
            show(fixture, i);
        }
        robot.press(KeyCode.ALT).type(KeyCode.N).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(index, fixture.wizard.selectedProperty().get(), "Alt+N is Next");
        Path journal = fixture.wizard.runProperty().get().folder().resolve(RunFolder.JOURNAL);
        long rows = fixture.count("ossys_parameter");

        robot.press(KeyCode.ALT).type(KeyCode.P).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        String previewed = robot.lookup("#cleanup-result").queryAs(Label.class).getText();
        assertTrue(previewed.startsWith("Preview: "), "Alt+P previews: " + previewed);
        String total = fixture.wizard.runProperty().get().state().lastEntry(SECURITY).get("total");
        StepState previewedState = fixture.wizard.runProperty().get().state().of(SECURITY);
        List<String> afterPreview = Files.readAllLines(journal);

        robot.press(KeyCode.ALT).type(KeyCode.E).release(KeyCode.ALT);
        DialogPane confirm = dialog("#cleanup-confirm");
        String text = confirm.getContentText();
        assertTrue(text.contains("against catalog " + fixture.wizard.planProperty().get().targetDatabaseName()),
                text);
        assertTrue(text.contains("The preview counted " + total + " rows that will change."), text);
        Path preImages = fixture.wizard.runProperty().get().folder().resolve("pre-images")
                .resolve(String.format("%02d-%s", fixture.item(SECURITY).number(), SECURITY)).toAbsolutePath();
        assertTrue(text.contains("(pre-image) in " + preImages), text);
        assertDefaultIsCancel(confirm);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(dialogOpen(), "Enter closed the question");
        assertEquals(afterPreview, Files.readAllLines(journal), "Enter executed nothing");
        assertEquals(rows, fixture.count("ossys_parameter"));
        assertEquals(previewedState, fixture.wizard.runProperty().get().state().of(SECURITY));
    }

    @Test
    void enterInTheSkipAndDoneByDbaDialogsIsCancel() throws Exception {
        WizardFixture fixture = open(Dbms.ORACLE);
        show(fixture, fixture.wizard.items().indexOf(fixture.item(SECURITY)));
        Path journal = fixture.wizard.runProperty().get().folder().resolve(RunFolder.JOURNAL);
        List<String> before = Files.readAllLines(journal);

        robot.press(KeyCode.ALT).type(KeyCode.D).release(KeyCode.ALT);
        DialogPane dba = dialog("#cleanup-dba");
        assertDefaultIsCancel(dba);
        TextInputControl name = robot.lookup("#cleanup-dba-name").queryAs(TextInputControl.class);
        robot.interact(() -> {
            name.setText("Rui DBA");
            name.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialogOpen(), "Enter in the DBA's name cancelled");

        robot.press(KeyCode.ALT).type(KeyCode.S).release(KeyCode.ALT);
        DialogPane skip = dialog("#cleanup-skip");
        assertDefaultIsCancel(skip);
        TextInputControl reason = robot.lookup("#cleanup-skip-text").queryAs(TextInputControl.class);
        robot.interact(() -> reason.setText("not needed"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(before, Files.readAllLines(journal), "nothing recorded");
        assertEquals(StepState.PENDING, fixture.wizard.runProperty().get().state().of(SECURITY));
    }

    private void show(WizardFixture fixture, int index) {
        robot.interact(() -> fixture.wizard.selectedProperty().set(index));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private DialogPane dialog(String id) {
        AtomicReference<DialogPane> pane = new AtomicReference<>();
        for (int i = 0; i < 50 && pane.get() == null; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            // The page's button and its dialog share the id: the dialog pane is the one asked for.
            robot.lookup(n -> n instanceof DialogPane && id.equals("#" + n.getId())).tryQueryAs(DialogPane.class)
                    .ifPresent(pane::set);
        }
        assertTrue(pane.get() != null, id + " did not open");
        return pane.get();
    }

    private boolean dialogOpen() {
        return robot.listTargetWindows().stream().filter(Window::isShowing).count() > 1;
    }

    private static void assertDefaultIsCancel(DialogPane pane) {
        for (Node node : pane.lookupAll(".button")) {
            Button button = (Button) node;
            assertEquals(button.isCancelButton(), button.isDefaultButton(),
                    "'" + button.getText() + "' default " + button.isDefaultButton());
        }
    }

    /**
     * What is wrong with the page's Alt+letters, as the scene's mnemonic table has them: a letter registered for a
     * control no longer shown (an earlier page's, which makes the letter move focus nowhere instead of acting), two
     * shown controls with one letter (JavaFX then only moves focus between them), an underlined letter not
     * registered, or a label's letter with no control to reach.
     */
    static List<String> mnemonicProblems(Scene scene, String page) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<KeyCombination, javafx.collections.ObservableList<Mnemonic>> entry
                : scene.getMnemonics().entrySet()) {
            List<Node> shown = new ArrayList<>();
            for (Mnemonic mnemonic : entry.getValue()) {
                Node node = mnemonic.getNode();
                if (node.getScene() != scene) {
                    problems.add(page + ": " + key(entry.getKey()) + " still belongs to '" + text(node)
                            + "' of a page no longer shown");
                } else if (treeVisible(node)) {
                    shown.add(node);
                }
            }
            if (shown.size() > 1) {
                problems.add(page + ": " + key(entry.getKey()) + " is " + shown.stream().map(n -> "'" + text(n) + "'")
                        .toList());
            }
        }
        for (Node node : scene.getRoot().lookupAll("*")) {
            if (!(node instanceof Labeled labeled) || !labeled.isMnemonicParsing() || !treeVisible(labeled)) {
                continue;
            }
            int underscore = labeled.getText().replace("__", "  ").indexOf('_');
            if (underscore < 0 || underscore == labeled.getText().length() - 1) {
                continue;
            }
            char letter = Character.toLowerCase(labeled.getText().charAt(underscore + 1));
            KeyEvent alt = new KeyEvent(KeyEvent.KEY_PRESSED, String.valueOf(letter), String.valueOf(letter),
                    KeyCode.getKeyCode(upper(letter)), false, false, true, false);
            boolean registered = scene.getMnemonics().entrySet().stream()
                    .filter(e -> e.getKey().match(alt))
                    .anyMatch(e -> e.getValue().stream().anyMatch(m -> m.getNode() == labeled
                            || labeled instanceof Label l && l.getLabelFor() != null && m.getNode() == l.getLabelFor()));
            if (!registered) {
                problems.add(page + ": '" + labeled.getText() + "' is underlined but Alt+" + upper(letter)
                        + " is not registered");
            }
            if (!(labeled instanceof ButtonBase) && labeled instanceof Label label && label.getLabelFor() == null) {
                problems.add(page + ": '" + labeled.getText() + "' is underlined but names no control");
            }
        }
        return problems;
    }

    private static String key(KeyCombination key) {
        // A mnemonic's combination has no display text: find the letter it matches.
        for (char c : "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray()) {
            if (key.match(new KeyEvent(KeyEvent.KEY_PRESSED, String.valueOf(c), String.valueOf(c),
                    KeyCode.getKeyCode(upper(c)), false, false, true, false))) {
                return "Alt+" + upper(c);
            }
        }
        return key.toString();
    }

    private static String upper(char letter) {
        return String.valueOf(letter).toUpperCase(Locale.ROOT);
    }

    private static String text(Node node) {
        // A label's letter is registered on the control it names: say which label that is.
        return node instanceof Labeled labeled ? labeled.getText() : "#" + node.getId();
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
