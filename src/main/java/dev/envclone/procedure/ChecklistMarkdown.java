package dev.envclone.procedure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * checklist.md: every step of the plan in order, manual ones included, each with a box to tick and room for who
 * did it and when. It is meant to be printed and kept beside the keyboard during the window.
 */
public final class ChecklistMarkdown {
    private ChecklistMarkdown() {
    }

    public static String render(MigrationPlan plan) {
        List<String> out = new ArrayList<>();
        out.add("# envclone checklist: " + plan.sourceEnvironment() + " -> " + plan.targetEnvironment());
        out.add("");
        out.add("Procedure: *Migrate an environment using a database clone* (OutSystems 11, self-managed).");
        out.add("");
        out.add("| Plan | |");
        out.add("|---|---|");
        out.add("| DBMS | " + plan.dbms().displayName() + " |");
        out.add("| Install path | " + plan.installPath().documentSection() + " |");
        out.add("| Target database | " + plan.targetDatabase() + " |");
        out.add("| Platform users | " + String.join(", ", plan.users().distinct()) + " |");
        // The source's users the restore brought, which step security-context drops: never the target's.
        // Oracle has none: create-users.sql creates the users afresh.
        out.addAll(switch (plan.dbms()) {
            case SQLSERVER -> List.of("| Restored source users (dropped) | "
                    + String.join(", ", plan.sqlServer().sourceUsers().distinct()) + " |");
            case ORACLE -> List.<String>of();
        });
        out.add("| Optional parts included | " + describe(plan.parts()) + " |");
        Set<OptionalPart> excluded = EnumSet.allOf(OptionalPart.class);
        excluded.removeAll(plan.parts());
        out.add("| Optional parts excluded | " + describe(excluded) + " |");
        List<Step> steps = ProcedureCatalog.stepsFor(plan);
        for (int i = 0; i < steps.size(); i++) {
            out.add("");
            step(out, i + 1, steps.get(i), plan);
        }
        return String.join("\n", out) + "\n";
    }

    private static void step(List<String> out, int number, Step step, MigrationPlan plan) {
        out.add("## " + number + ". " + step.title());
        out.add("");
        out.add("- [ ] " + step.instruction());
        switch (step.kind()) {
            case CLEANUP -> out.add("  - Run step " + number + " of " + CleanupScript.fileOf(plan, step) + ".");
            case CLONE -> out.add("  - File: " + CloneFiles.forStep(step.id()) + ".");
            default -> {
                // manual and Configuration Tool steps have nothing more to point at
            }
        }
        if (!step.fields().isEmpty()) {
            out.add("");
            out.add("  | Field | Value |");
            out.add("  |---|---|");
            step.fields().forEach(f -> out.add("  | " + f.label() + " | " + escape(f.shownValue()) + " |"));
            out.add("");
        }
        step.details().forEach(d -> out.add("  - " + escape(d)));
        out.add("");
        out.add("Document: " + step.reference());
        out.add("");
        out.add("Done by: ____________  Time: ________  Note: ______________________________");
    }

    private static String describe(Set<OptionalPart> parts) {
        return parts.isEmpty() ? "none"
                : parts.stream().map(OptionalPart::description).collect(Collectors.joining(", "));
    }

    /** Keeps table cells and list items intact: a '|' would split a cell. */
    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
