package dev.envclone.ui.configtool;

import dev.envclone.procedure.ConfigField;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.InvalidNameException;
import dev.envclone.sql.NameRule;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One field of a Configuration Tool tab as the sheet shows it: the plan's value (read-only: the plan was checked
 * already), a password (typed in the Configuration Tool and nowhere else: there is no input for it), or a value
 * the plan does not have, which the operator may write in for the printed sheet. That value stays in memory.
 */
public final class SheetField {
    /** Where the field's value comes from. */
    public enum Kind { PLAN, PASSWORD, OPERATOR }

    private final String label;
    private final Kind kind;
    private final NameRule rule;
    private final StringProperty value;

    private SheetField(String label, Kind kind, NameRule rule, String value) {
        this.label = label;
        this.kind = kind;
        this.rule = rule;
        this.value = new SimpleStringProperty(value);
    }

    static SheetField of(ConfigField field, Dbms dbms) {
        if (field.value() != null) {
            return new SheetField(field.label(), Kind.PLAN, null, field.value());
        }
        if (field.label().toLowerCase(Locale.ROOT).endsWith("password")) {
            return new SheetField(field.label(), Kind.PASSWORD, null, field.shownValue());
        }
        return new SheetField(field.label(), Kind.OPERATOR, ruleFor(field.label(), dbms), "");
    }

    /** The rule a name in this field must follow, by what the field names; null when no rule fits. */
    static NameRule ruleFor(String label, Dbms dbms) {
        String lower = label.toLowerCase(Locale.ROOT);
        if (lower.startsWith("server")) {
            return switch (dbms) {
                case SQLSERVER -> NameRule.SQLSERVER_SERVER;
                case ORACLE -> NameRule.ORACLE_SERVICE;
            };
        }
        if (lower.contains("catalog")) {
            return NameRule.SQLSERVER_IDENTIFIER;
        }
        if (lower.contains("tablespace")) {
            return NameRule.ORACLE_IDENTIFIER;
        }
        if (lower.contains("user")) {
            return switch (dbms) {
                case SQLSERVER -> NameRule.LOGIN;
                case ORACLE -> NameRule.ORACLE_IDENTIFIER;
            };
        }
        return null;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** Only a value the plan lacks (never a password) can be typed. */
    public boolean editable() {
        return kind == Kind.OPERATOR;
    }

    /** The plan's value, the password notice, or what the operator typed (empty until then). */
    public StringProperty valueProperty() {
        return value;
    }

    /** Why {@code typed} cannot go on the sheet, in the rule's words; null when it can (blank is allowed). */
    public String problem(String typed) {
        if (typed == null || typed.isEmpty() || rule == null) {
            return null;
        }
        try {
            rule.check(label, typed);
            return null;
        } catch (InvalidNameException e) {
            return e.getMessage();
        }
    }

    /** What the sheet prints: the value, or a line to write on for a value nobody gave. */
    public String sheetValue() {
        String shown = value.get();
        return shown == null || shown.isBlank() || problem(shown) != null ? "(fill in: ______________________)"
                : shown;
    }
}
