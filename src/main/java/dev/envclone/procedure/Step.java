package dev.envclone.procedure;

import java.util.List;

/**
 * One step of the procedure, in the order the operator does it.
 *
 * @param id stable identifier, used in run journals and on the command line
 * @param title the document's heading for the step
 * @param instruction the document's instruction, condensed
 * @param details the sub-steps or points to check, in order
 * @param part the optional part it belongs to, or null when it always applies
 * @param cleanup the cleanup script for a {@link StepKind#CLEANUP} step, else null
 * @param fields the Configuration Tool fields for a {@link StepKind#CONFIGURATION_TOOL} step, else empty
 * @param phase the part of the procedure the step belongs to (the step list's group)
 */
public record Step(String id, String title, StepKind kind, DocRef reference, String instruction,
                   List<String> details, OptionalPart part, CleanupDefinition cleanup, List<ConfigField> fields,
                   ProcedurePhase phase) {
    public Step {
        details = List.copyOf(details);
        fields = List.copyOf(fields);
        java.util.Objects.requireNonNull(phase, () -> "step " + id + " has no phase");
    }

    static Step manual(ProcedurePhase phase, String id, String title, DocRef reference, String instruction,
                       String... details) {
        return new Step(id, title, StepKind.MANUAL, reference, instruction, List.of(details), null, null,
                List.of(), phase);
    }

    Step forPart(OptionalPart value) {
        return new Step(id, title, kind, reference, instruction, details, value, cleanup, fields, phase);
    }
}
