package dev.envclone.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.ParsedValue;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wizard's stylesheets are read in JavaFX's binary form, already parsed: each theme's (AtlantaFX ships it beside
 * the CSS) and app.css's (app.bss, made by the build). Each must say what its CSS says, rule for rule — the same
 * selectors, and each declaration the same property and value — and JavaFX must take the binary form when the
 * scene names the CSS, as the wizard does.
 */
@ExtendWith(ApplicationExtension.class)
class BinaryStylesheetTest {
    @ParameterizedTest
    @EnumSource(Theme.class)
    void theBinaryStylesheetHasTheRulesOfItsCss(Theme theme) throws Exception {
        assertTrue(theme.stylesheet().endsWith(".bss"), theme.stylesheet());
        URL binary = Theme.class.getResource(theme.stylesheet());
        URL css = Theme.class.getResource(theme.stylesheet().replaceAll("\\.bss$", ".css"));
        assertTrue(sameRules(binary, css) > 1000, "Primer has thousands of rules");
    }

    @Test
    void appBssHasTheRulesOfAppCss() throws Exception {
        URL css = BinaryStylesheetTest.class.getResource("/dev/envclone/ui/app.css");
        URL binary = BinaryStylesheetTest.class.getResource("/dev/envclone/ui/app.bss");
        assertNotNull(binary, "app.bss is made by the build (./mvnw process-classes) beside app.css");
        assertTrue(sameRules(binary, css) > 30, "app.css has dozens of rules");
    }

    /** JavaFX's own rule, which the wizard relies on: given x.css, it reads x.bss when there is one beside it. */
    @Test
    void javafxReadsTheBinaryFormBesideTheCssItIsGiven(@TempDir Path folder) throws Exception {
        Path css = folder.resolve("x.css");
        Files.writeString(css, ".probe { -fx-background-color: red; }");
        Path other = folder.resolve("other.css");
        Files.writeString(other, ".probe { -fx-background-color: blue; }");
        com.sun.javafx.css.parser.Css2Bin.convertToBinary(other.toString(), folder.resolve("x.bss").toString());
        Region probe = new Region();
        probe.getStyleClass().add("probe");
        FxRobot robot = new FxRobot();
        robot.interact(() -> {
            Scene scene = new Scene(new StackPane(probe), 50, 50);
            scene.getStylesheets().add(css.toUri().toString());
            probe.applyCss();
        });
        assertEquals(Color.BLUE, probe.getBackground().getFills().get(0).getFill());
    }

    @Start
    void start(Stage stage) {
        stage.show();
    }

    /** The number of rules, once each rule of the binary form is found equal to the CSS's. */
    private static int sameRules(URL binary, URL css) throws Exception {
        List<String> fromBinary = rules(Stylesheet.loadBinary(binary), binary.toExternalForm());
        List<String> fromCss = rules(new CssParser().parse(css), css.toExternalForm());
        assertEquals(fromCss.size(), fromBinary.size(), "rules of " + css);
        for (int i = 0; i < fromCss.size(); i++) {
            assertEquals(fromCss.get(i), fromBinary.get(i), "rule " + i + " of " + css);
        }
        return fromCss.size();
    }

    /** Each rule as text; the sheet's own address (its images' base) as "SHEET", the one place the two differ. */
    private static List<String> rules(Stylesheet sheet, String address) {
        List<String> rules = new ArrayList<>();
        for (Rule rule : sheet.getRules()) {
            StringBuilder text = new StringBuilder(rule.getSelectors().toString()).append(" {");
            for (Declaration declaration : rule.getDeclarations()) {
                text.append(' ').append(declaration.getProperty()).append(": ")
                        .append(value(declaration.getParsedValue())).append(';');
            }
            rules.add(text.append(" }").toString().replace(address, "SHEET"));
        }
        return rules;
    }

    /** A parsed value and its converter, nested values and arrays of them included (their toString is identity). */
    private static String value(Object value) {
        if (value instanceof ParsedValue<?, ?> parsed) {
            return value(parsed.getValue()) + (parsed.getConverter() == null ? ""
                    : "@" + parsed.getConverter().getClass().getSimpleName()) + (parsed.isLookup() ? "?" : "");
        }
        if (value instanceof Object[] values) {
            StringBuilder text = new StringBuilder("[");
            for (Object each : values) {
                text.append(value(each)).append(' ');
            }
            return text.append(']').toString();
        }
        return String.valueOf(value);
    }
}
