package dev.envclone.procedure;

import java.util.List;

/** A plan that cannot be used, with every problem found, each naming its field and what to do. */
public final class PlanException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public PlanException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
