package dev.envclone.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.ParsedValue;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The wizard loads each theme's binary stylesheet (AtlantaFX ships it beside the CSS, already parsed): it must say
 * what the CSS says, rule for rule — the same selectors, and each declaration the same property and value.
 */
class ThemeStylesheetTest {
    @ParameterizedTest
    @EnumSource(Theme.class)
    void theBinaryStylesheetHasTheRulesOfItsCss(Theme theme) throws Exception {
        assertTrue(theme.stylesheet().endsWith(".bss"), theme.stylesheet());
        URL binary = Theme.class.getResource(theme.stylesheet());
        URL css = Theme.class.getResource(theme.stylesheet().replaceAll("\\.bss$", ".css"));
        List<String> fromBinary = rules(Stylesheet.loadBinary(binary), binary.toExternalForm());
        List<String> fromCss = rules(new CssParser().parse(css), css.toExternalForm());
        assertTrue(fromCss.size() > 1000, "Primer has thousands of rules: " + fromCss.size());
        assertEquals(fromCss.size(), fromBinary.size(), "rules");
        for (int i = 0; i < fromCss.size(); i++) {
            assertEquals(fromCss.get(i), fromBinary.get(i), "rule " + i);
        }
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
