package dev.envclone.ui.common;

import dev.envclone.run.StepState;

/**
 * A step's state as an icon (Material Design, {@link PathIcon}): one shape per meaning, so that the state reads without
 * colour (a colour-blind operator, a grey remote-desktop session), and a style class per meaning for the colour,
 * which the theme gives. Sized from the text, it scales with the text size. One mapping for the step list and any page that
 * shows a step's state.
 */
public final class StateIcons {
    /** What a row is, as far as its icon goes: a state of the journal, or running now, or not in the plan. */
    public enum Look {
        PENDING("checkbox-blank-circle-outline", "state-pending", "pending"),
        PREPARED("circle-half-full", "state-pending", "prepared"),
        RUNNING("progress-clock", "state-running", "running"),
        DONE("check-circle", "state-done", "done"),
        DONE_BY_DBA("account-check", "state-done", "done by DBA"),
        SKIPPED("skip-next-circle", "state-skipped", "skipped"),
        IN_DOUBT("help-circle", "state-attention", "in doubt"),
        EFFECT_MISSING("alert-circle-outline", "state-attention", "effect missing"),
        FAILED("alert-circle", "state-failed", "failed"),
        BLOCKED("block-helper", "state-failed", "blocked"),
        NOT_APPLICABLE("minus-circle-outline", "state-na", "not applicable");

        private final String literal;
        private final String styleClass;
        private final String words;

        Look(String literal, String styleClass, String words) {
            this.literal = literal;
            this.styleClass = styleClass;
            this.words = words;
        }

        /** The icon's Material Design name, e.g. check-circle (tests compare it). */
        public String literal() {
            return literal;
        }

        /** state-done, state-failed …: the colour, from the theme's looked-up colours in app.css. */
        public String styleClass() {
            return styleClass;
        }

        /** The state in words, for the icon's accessible text. */
        public String words() {
            return words;
        }
    }

    private StateIcons() {
    }

    /** The look of a step: not applicable, running now, or its journal state. */
    public static Look look(StepState state, boolean running, boolean applicable) {
        if (!applicable) {
            return Look.NOT_APPLICABLE;
        }
        if (running) {
            return Look.RUNNING;
        }
        return switch (state) {
            case PENDING -> Look.PENDING;
            case PREPARED -> Look.PREPARED;
            case IN_DOUBT -> Look.IN_DOUBT;
            case DONE -> Look.DONE;
            case DONE_BY_DBA -> Look.DONE_BY_DBA;
            case SKIPPED -> Look.SKIPPED;
            case FAILED -> Look.FAILED;
            case EFFECT_MISSING -> Look.EFFECT_MISSING;
            case BLOCKED -> Look.BLOCKED;
        };
    }

    /** A new icon for {@code look}, with the "state-icon" class and the look's colour class. */
    public static PathIcon icon(Look look) {
        // The size is the caller's, to follow the text size; the colour is the state's (app.css).
        PathIcon icon = new PathIcon(look.literal());
        icon.getStyleClass().add("state-icon");
        show(icon, look);
        return icon;
    }

    /** Keeps {@code icon} a little larger than the letters of {@code fonts}, at every text size (100 to 150 %). */
    public static void sizedAs(PathIcon icon, javafx.beans.value.ObservableValue<javafx.scene.text.Font> fonts) {
        icon.sizedAs(fonts, 1.35);
    }

    /** Makes {@code icon} show {@code look} (a list cell reuses its icon for another row). */
    public static void show(PathIcon icon, Look look) {
        icon.show(look.literal());
        icon.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-icon"));
        icon.getStyleClass().add(look.styleClass());
        icon.setAccessibleText(look.words());
    }
}
