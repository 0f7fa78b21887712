package dev.envclone.report;

import dev.envclone.procedure.CleanupScript;
import dev.envclone.procedure.ConfigField;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.OptionalPart;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Remap;
import dev.envclone.procedure.Step;
import dev.envclone.procedure.StepKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The printed checklist: before the window, every step of the plan with an empty box and lines for who did it and
 * when; after it, the same steps as the run journal completed them, as part of the report.
 */
public final class ChecklistPdf {
    private static final String BLANKS = "Done by: ________________   Time: __________   Note: ________________________";

    private ChecklistPdf() {
    }

    /** The checklist to print before the window. */
    public static byte[] blank(MigrationPlan plan, PaperSize paper, Instant now) throws IOException {
        PdfLayout layout = new PdfLayout(paper, "envclone checklist · " + plan.sourceEnvironment() + " → "
                + plan.targetEnvironment() + " · " + plan.dbms().displayName());
        layout.title("Checklist: " + plan.sourceEnvironment() + " → " + plan.targetEnvironment());
        layout.paragraph("Procedure: Migrate an environment using a database clone (OutSystems 11, self-managed). "
                + "Tick each box when the step is done; write who did it, when, and anything worth keeping.");
        layout.table(List.of(PdfLayout.Column.text(null, 1.1f), PdfLayout.Column.text(null, 3f)), planFacts(plan));
        List<Step> steps = ProcedureCatalog.stepsFor(plan);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            layout.checkbox(false, (i + 1) + ". " + step.title(), step.instruction());
            List<String> details = new ArrayList<>(step.details());
            if (step.kind() == StepKind.CLEANUP) {
                details.add(0, "envclone runs it (step " + (i + 1) + " of " + CleanupScript.fileOf(plan, step)
                        + " for a DBA).");
            }
            for (String detail : details) {
                layout.bullet(detail);
            }
            if (!step.fields().isEmpty()) {
                fields(layout, step.fields());
            }
            layout.indentedNote("Document: " + step.reference());
            layout.indentedNote(BLANKS);
            layout.space(6f);
        }
        PDDocument document = layout.finish("printed " + RunRecord.time(now.toString()) + " · tick as you go");
        document.getDocumentInformation().setTitle("envclone checklist: " + plan.sourceEnvironment() + " -> "
                + plan.targetEnvironment());
        document.getDocumentInformation().setCreator("envclone");
        try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The checklist as the run completed it: every step's box ticked when it is finished, with who and when. */
    static void completed(PdfLayout layout, RunRecord run) throws IOException {
        for (RunRecord.StepRecord step : run.steps()) {
            layout.checkbox(step.state().finished(), step.number() + ". " + step.step().title() + " — "
                    + step.state().label(), step.outcome());
        }
    }

    /** A Configuration Tool tab's fields; passwords are never values, only a reminder to type them there. */
    static void fields(PdfLayout layout, List<ConfigField> fields) throws IOException {
        layout.table(List.of(PdfLayout.Column.text("Field", 1.4f), PdfLayout.Column.code("Value", 2.6f)),
                fields.stream().map(f -> List.of(f.label(), f.shownValue())).toList());
    }

    /** The plan, as label and value rows. */
    static List<List<String>> planFacts(MigrationPlan plan) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Source environment", plan.sourceEnvironment()));
        rows.add(List.of("Target environment", plan.targetEnvironment()));
        rows.add(List.of("DBMS", plan.dbms().displayName()));
        rows.add(List.of("Install path", plan.installPath().documentSection()));
        rows.add(List.of("Target database", plan.targetDatabase()));
        rows.add(List.of("Platform users", String.join(", ", plan.users().distinct())));
        rows.addAll(switch (plan.dbms()) {
            case SQLSERVER -> sqlServerRows(plan.sqlServer());
            case ORACLE -> oracleRows(plan.oracle());
        });
        rows.add(List.of("Optional parts included", describe(plan.parts())));
        Set<OptionalPart> excluded = EnumSet.allOf(OptionalPart.class);
        excluded.removeAll(plan.parts());
        rows.add(List.of("Optional parts excluded", describe(excluded)));
        return rows;
    }

    private static List<List<String>> sqlServerRows(dev.envclone.procedure.SqlServerSettings s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Restored source users (dropped)", String.join(", ", s.sourceUsers().distinct())));
        rows.add(List.of("SQL Server", s.server() == null ? "(not given)" : s.server()));
        rows.add(List.of("Platform catalog", s.platform().sourceCatalog() + " → " + s.platform().catalog()));
        if (s.log() != null) {
            rows.add(List.of("Log catalog", s.log().sourceCatalog() + " → " + s.log().catalog()));
        }
        rows.add(List.of("Backup, data, log folders", s.backupFolder() + ", " + s.dataFolder() + ", "
                + s.logFolder()));
        return rows;
    }

    private static List<List<String>> oracleRows(dev.envclone.procedure.OracleSettings o) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Server instance", o.serverInstance() == null ? "(not given)" : o.serverInstance()));
        rows.add(List.of("Exported schemas", String.join(", ", o.exportedSchemas())));
        rows.add(List.of("Schema remaps", remaps(o.schemaRemaps())));
        rows.add(List.of("Tablespaces", String.join(", ", o.tablespaces().all())));
        rows.add(List.of("Tablespace remaps", remaps(o.tablespaceRemaps())));
        return rows;
    }

    private static String remaps(List<Remap> remaps) {
        return remaps.isEmpty() ? "none"
                : remaps.stream().map(r -> r.from() + " → " + r.to()).collect(Collectors.joining(", "));
    }

    private static String describe(Set<OptionalPart> parts) {
        return parts.isEmpty() ? "none"
                : parts.stream().map(OptionalPart::description).collect(Collectors.joining("; "));
    }
}
