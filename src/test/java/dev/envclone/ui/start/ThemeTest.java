package dev.envclone.ui.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.ui.WizardApp;
import dev.envclone.ui.common.AppIcon;
import dev.envclone.ui.common.Prompts;
import dev.envclone.ui.common.Settings;
import dev.envclone.ui.common.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.Mnemonic;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The theme as the operator chooses it, in the wizard's own window: Alt+T on the start page and an arrow key make the
 * whole application dark at once, the choice is in the settings, and the next start opens dark. The start page's
 * Alt+letters are one control each. Every window the wizard opens carries its icon.
 */
class ThemeTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private WizardApp app;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("envclone.home", home.toString());
        FxToolkit.registerPrimaryStage();
        app = (WizardApp) FxToolkit.setupApplication(WizardApp::new);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        System.clearProperty("envclone.home");
        // The user-agent stylesheet is the application's: the next test class starts on the light theme.
        robot.interact(Theme.LIGHT::apply);
    }

    @Test
    void darkChosenOnTheStartPageIsAppliedAtOnceAndTheNextStartOpensInIt() throws Exception {
        assertEquals(Theme.LIGHT.stylesheet(), Application.getUserAgentStylesheet(), "a first start is light");
        RadioButton light = robot.lookup("#start-theme-light").queryAs(RadioButton.class);
        RadioButton dark = robot.lookup("#start-theme-dark").queryAs(RadioButton.class);
        assertTrue(light.isSelected(), "the light theme is the one chosen");

        alt(KeyCode.T);
        assertTrue(light.isFocused(), "Alt+T reaches the theme");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(dark.isSelected() && dark.isFocused(), "an arrow key chooses dark");
        assertFalse(light.isSelected(), "one theme chosen at a time");
        assertEquals(Theme.DARK.stylesheet(), Application.getUserAgentStylesheet());
        assertEquals("dark", Settings.load(home.resolve("wizard.properties")).theme(), "remembered at once");
        // Readable: the page's background is the theme's near black, its text light.
        Color background = backgroundOf(dark.getScene());
        assertTrue(background.getBrightness() < 0.2, "dark background: " + background);

        // The plan's fields (FormsFX) show their text in the theme's light colour, and the colour is app.css's: in a
        // real window JavaFX leaves the theme's colour off FormsFX's fields (black on near black), which headless
        // Monocle does not reproduce; app.css's own rule for those fields is what a real window shows.
        alt(KeyCode.M);
        waitFor(() -> app.mainWindow() != null);
        TextField field = robot.lookup("#plan-source-env").queryAs(TextField.class);
        Color text = (Color) ((javafx.scene.text.Text) field.lookup(".text")).getFill();
        assertTrue(text.getBrightness() > 0.6, "the plan's text on the dark theme: " + text);
        assertEquals(javafx.css.StyleOrigin.AUTHOR, textFill(field).getStyleOrigin(), "app.css colours the field");

        // The next start: the stylesheet put back first, so that only the settings can make it dark again.
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        robot.interact(() -> Application.setUserAgentStylesheet(null));
        app = (WizardApp) FxToolkit.setupApplication(WizardApp::new);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.DARK.stylesheet(), Application.getUserAgentStylesheet(), "the next start opens dark");
        assertTrue(robot.lookup("#start-theme-dark").queryAs(RadioButton.class).isSelected(), "dark is chosen");
    }

    @Test
    void eachAltLetterOnTheStartPageIsOneWorkingControl() {
        Scene scene = robot.lookup("#start-theme").query().getScene();
        List<String> problems = new ArrayList<>();
        List<Character> letters = new ArrayList<>();
        robot.interact(() -> {
            for (Map.Entry<KeyCombination, javafx.collections.ObservableList<Mnemonic>> entry
                    : scene.getMnemonics().entrySet()) {
                List<Node> shown = entry.getValue().stream().map(Mnemonic::getNode)
                        .filter(n -> n.getScene() == scene && n.isVisible()).toList();
                if (shown.size() > 1) {
                    problems.add(entry.getKey() + " is " + shown.size() + " controls");
                }
            }
            for (Node node : scene.getRoot().lookupAll("*")) {
                if (node instanceof Labeled labeled && labeled.isMnemonicParsing()
                        && labeled.getText().indexOf('_') >= 0) {
                    char letter = Character.toLowerCase(labeled.getText().charAt(labeled.getText().indexOf('_') + 1));
                    letters.add(letter);
                    if (labeled instanceof Label label && label.getLabelFor() == null) {
                        problems.add("'" + label.getText() + "' names no control");
                    }
                }
            }
        });
        assertEquals(List.of(), problems);
        assertEquals(letters.stream().distinct().count(), letters.size(), "letters " + letters);
        // DBMS, text size and theme: each letter reaches the button chosen in its own row.
        for (String id : List.of("start-dbms-sqlserver", "start-text-size-100", "start-theme-light")) {
            RadioButton chosen = robot.lookup("#" + id).queryAs(RadioButton.class);
            assertTrue(chosen.isSelected(), "#" + id + " is the default");
            Label label = robot.lookup(n -> n instanceof Label l && l.getLabelFor() == chosen).queryAs(Label.class);
            alt(KeyCode.getKeyCode(String.valueOf(label.getText().charAt(label.getText().indexOf('_') + 1))
                    .toUpperCase(Locale.ROOT)));
            assertTrue(chosen.isFocused(), label.getText() + " reaches #" + id);
        }
    }

    @Test
    void theWindowAndEachDialogCarryTheIconAtEverySize() {
        Stage stage = (Stage) robot.lookup("#start-theme").query().getScene().getWindow();
        assertEquals(AppIcon.SIZES, sizes(stage.getIcons()));

        // A dialog with an owner takes its owner's icons (JavaFX copies them); one without, as the alert for an
        // uncaught error is, has only what the wizard gives every window it opens.
        Platform.runLater(() -> Prompts.error(null, "theme-test-error", "A dialog", "with the wizard's icon"));
        waitFor(() -> robot.lookup("#theme-test-error").tryQuery().isPresent());
        Stage dialog = (Stage) robot.lookup("#theme-test-error").query().getScene().getWindow();
        assertEquals(AppIcon.SIZES, sizes(dialog.getIcons()));
        robot.type(KeyCode.ENTER);
    }

    private static List<Integer> sizes(List<Image> icons) {
        List<Integer> sizes = new ArrayList<>();
        for (Image icon : icons) {
            assertEquals(icon.getWidth(), icon.getHeight(), "square");
            sizes.add((int) icon.getWidth());
        }
        return sizes;
    }

    @SuppressWarnings("unchecked")
    private static javafx.css.StyleableProperty<Object> textFill(TextField field) {
        for (javafx.css.CssMetaData<? extends javafx.css.Styleable, ?> data : field.getCssMetaData()) {
            if (data.getProperty().equals("-fx-text-fill")) {
                return ((javafx.css.CssMetaData<javafx.css.Styleable, Object>) data).getStyleableProperty(field);
            }
        }
        throw new IllegalStateException("a text field without -fx-text-fill");
    }

    private static Color backgroundOf(Scene scene) {
        return (Color) ((javafx.scene.layout.Region) scene.getRoot()).getBackground().getFills().get(0).getFill();
    }

    private void alt(KeyCode letter) {
        robot.press(KeyCode.ALT).type(letter).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(BooleanSupplier condition) {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            WaitForAsyncUtils.sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(condition.getAsBoolean(), "timed out");
    }
}
