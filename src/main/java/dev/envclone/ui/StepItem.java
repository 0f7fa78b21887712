package dev.envclone.ui;

import dev.envclone.procedure.Step;
import dev.envclone.run.StepState;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One row of the wizard's step list: the plan page, a step of the procedure (numbered as in checklist.md, or not
 * applicable with the reason), or the final checklist page.
 */
public final class StepItem {
    public enum Kind { PLAN, STEP, FINAL }

    private final Kind kind;
    private final Step step;
    private final int number;
    private final String notApplicable;
    private final ObjectProperty<StepState> state = new SimpleObjectProperty<>(StepState.PENDING);
    /** True while a job carries the step out: the list says "running", not the state the journal had before. */
    private final javafx.beans.property.BooleanProperty running = new javafx.beans.property.SimpleBooleanProperty();

    private StepItem(Kind kind, Step step, int number, String notApplicable) {
        this.kind = kind;
        this.step = step;
        this.number = number;
        this.notApplicable = notApplicable;
    }

    static StepItem plan() {
        return new StepItem(Kind.PLAN, null, 0, null);
    }

    static StepItem finalChecklist() {
        return new StepItem(Kind.FINAL, null, 0, null);
    }

    static StepItem step(Step step, int number) {
        return new StepItem(Kind.STEP, step, number, null);
    }

    static StepItem notApplicable(Step step, String reason) {
        return new StepItem(Kind.STEP, step, 0, reason);
    }

    public Kind kind() {
        return kind;
    }

    /** The procedure step, or null for the plan and final pages. */
    public Step step() {
        return step;
    }

    /** 1-based position among the plan's steps; 0 when not applicable or not a step. */
    public int number() {
        return number;
    }

    public boolean applicable() {
        return notApplicable == null;
    }

    /** Why the plan leaves the step out, or null. */
    public String notApplicableReason() {
        return notApplicable;
    }

    /** The part of the procedure the step belongs to (the step list's heading); null for the plan and final pages. */
    public dev.envclone.procedure.ProcedurePhase phase() {
        return step == null ? null : step.phase();
    }

    public ObjectProperty<StepState> stateProperty() {
        return state;
    }

    public javafx.beans.property.BooleanProperty runningProperty() {
        return running;
    }

    /** The row's first line: "4. Clean up the environment security context". */
    public String heading() {
        return switch (kind) {
            case PLAN -> "Plan";
            case FINAL -> "Final checklist and report";
            default -> applicable() ? number + ". " + step.title() : step.title();
        };
    }

    /** The row's second line: the state, or why the step does not apply; empty for the plan and final pages. */
    public String stateText() {
        if (kind != Kind.STEP) {
            return "";
        }
        return applicable() ? (running.get() ? "running" : state.get().label()) : "not applicable: " + notApplicable;
    }

    /** One line: "4. Clean up the environment security context — done". */
    public String label() {
        return switch (kind) {
            case PLAN -> "Plan";
            case FINAL -> "Final checklist and report";
            default -> applicable() ? number + ". " + step.title() + " — " + state.get().label()
                    : step.title() + " — not applicable";
        };
    }
}
