package dev.envclone.ui.checklist;

import dev.envclone.db.CancelToken;
import dev.envclone.db.ProgressListener;
import dev.envclone.files.OwnerOnly;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.report.ChecklistPdf;
import dev.envclone.report.PaperSize;
import dev.envclone.report.ReportFileName;
import dev.envclone.report.RunReport;
import dev.envclone.report.SigningIdentity;
import dev.envclone.report.SigningKeys;
import dev.envclone.run.PostconditionCheck;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunState;
import dev.envclone.run.StepState;
import dev.envclone.ui.WizardViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The final page: every step of the procedure as a checklist row, in the step list's order and numbering (the
 * cleanup scripts and the clone included, and the steps the plan leaves out, unnumbered), each with its state and
 * who recorded it when, from the journal; the manual and Configuration Tool rows ticked here. Then the run's overall
 * state, and the evidence: the signed report (export or print) and the blank checklist (print).
 */
public final class FinalViewModel {
    /** Prints a PDF (the page's printer job), off the UI thread. */
    @FunctionalInterface
    public interface PdfPrinter {
        void print(byte[] pdf, ProgressListener progress, CancelToken cancel) throws Exception;
    }

    /** A signed report and who signed it. */
    private record Signed(byte[] pdf, SigningIdentity signer) {
    }

    private final WizardViewModel wizard;
    private final List<ChecklistRow> rows = new ArrayList<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private final javafx.beans.property.ReadOnlyStringWrapper checkText =
            new javafx.beans.property.ReadOnlyStringWrapper("");

    public FinalViewModel(WizardViewModel wizard) {
        this.wizard = wizard;
        if (wizard.planProperty().get() != null) {
            // Numbered as the step list numbers them: 1 to N over the steps that apply, with no gap.
            List<Step> steps = ProcedureCatalog.stepsFor(wizard.planProperty().get());
            for (Step step : ProcedureCatalog.allSteps(wizard.planProperty().get())) {
                int index = steps.indexOf(step);
                rows.add(index >= 0 ? new ChecklistRow(step, index + 1) : ChecklistRow.notApplicable(step));
            }
        }
        reload();
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    /** Every step of the procedure, in order: those the plan leaves out too. */
    public List<ChecklistRow> rows() {
        return rows;
    }

    public ChecklistRow row(String stepId) {
        return rows.stream().filter(r -> r.stepId().equals(stepId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no checklist row " + stepId));
    }

    /** Re-reads every row and the summary from the journal. */
    public void reload() {
        RunFolder run = wizard.runProperty().get();
        if (run == null) {
            summary.set("No run yet: accept the plan first.");
            return;
        }
        RunState state = run.state();
        for (ChecklistRow row : rows) {
            if (row.applicable()) {
                row.update(state.of(row.stepId()), state.lastEntry(row.stepId()));
            }
        }
        summary.set(summaryOf(state, ProcedureCatalog.stepsFor(run.plan())));
    }

    static String summaryOf(RunState state, List<Step> steps) {
        int done = 0;
        int dba = 0;
        int skipped = 0;
        int troubled = 0;
        for (Step step : steps) {
            StepState now = state.of(step.id());
            if (now == StepState.DONE) {
                done++;
            } else if (now == StepState.DONE_BY_DBA) {
                dba++;
            } else if (now == StepState.SKIPPED) {
                skipped++;
            } else if (now == StepState.FAILED || now == StepState.BLOCKED || now == StepState.IN_DOUBT) {
                troubled++;
            }
        }
        int finished = done + dba + skipped;
        int pending = steps.size() - finished - troubled;
        return finished + " of " + steps.size() + " steps finished (" + done + " done, " + dba + " done by a DBA, "
                + skipped + " skipped); " + pending + " pending"
                + (troubled == 0 ? "" : ", " + troubled + " failed, blocked or in doubt") + "."
                + (finished == steps.size() ? " The run is complete." : "");
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the last export, print or tick did. */
    public StringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Ticks a row's step done with the note typed in the row. */
    public void tick(ChecklistRow row) {
        RunFolder run = wizard.runProperty().get();
        if (run == null || row.finishedProperty().get()) {
            return;
        }
        if (!row.tickable()) {
            message.set(row.title() + " is " + row.recordedWhere());
            return;
        }
        String note = row.noteProperty().get() == null ? "" : row.noteProperty().get().strip();
        String operator = wizard.operatorProperty().get();
        job("Ticking off " + row.title(), (progress, cancel) -> {
            run.tick(row.stepId(), note, operator);
            return row.title() + ": ticked off.";
        });
    }

    /**
     * The name the save dialog offers: the environments and today's date (UTC), "rehearsal" for a sandbox run, e.g.
     * envclone-report-Production-to-Pre-Production-2026-12-02.pdf.
     */
    public String reportFileName() {
        RunFolder run = wizard.runProperty().get();
        boolean rehearsal = run != null ? run.rehearsal() : wizard.rehearsalProperty().get();
        return ReportFileName.of(wizard.planProperty().get(), rehearsal,
                java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /** Writes the signed report to {@code out}, off the UI thread. */
    public void exportReport(Path out) {
        job("Writing the report", (progress, cancel) -> {
            String missing = measureEffects(cancel);
            Signed signed = report();
            OwnerOnly.write(out, signed.pdf(), "report");
            return "Report written to " + out.toAbsolutePath() + ", signed by " + signed.signer().signerName()
                    + (signed.signer().selfSigned() ? " (self-signed)" : "") + "." + missing;
        });
    }

    /** Prints the signed report on the printer the page chose. */
    public void printReport(PdfPrinter printer) {
        job("Printing the report", (progress, cancel) -> {
            String missing = measureEffects(cancel);
            printer.print(report().pdf(), progress, cancel);
            return "Report sent to the printer." + missing;
        });
    }

    /** Prints the blank checklist, to tick by hand. */
    public void printChecklist(PdfPrinter printer) {
        job("Printing the checklist", (progress, cancel) -> {
            printer.print(ChecklistPdf.blank(wizard.planProperty().get(), PaperSize.A4, Instant.now()), progress,
                    cancel);
            return "Checklist sent to the printer.";
        });
    }

    /**
     * The after-install checks (as envclone check runs them), off the UI thread: what each found, one line each, in
     * {@link #checkTextProperty()}; the message says the worst outcome.
     */
    public void checkTarget() {
        busy.set(true);
        message.set("");
        wizard.background().run("Checking the target",
                (progress, cancel) -> wizard.context().session().checkAfterInstall(), findings -> {
                    busy.set(false);
                    checkText.set(String.join("\n", findings.stream().map(f -> f.outcome().label() + ": "
                            + f.check() + ": " + f.detail()).toList()));
                    message.set("Checked the target: " + dev.envclone.run.AfterInstallCheck.worst(findings).label()
                            + ". The journal and the report keep what each check found.");
                    wizard.refresh();
                }, failed -> {
                    busy.set(false);
                    message.set("Checking the target failed: " + failed.getMessage());
                });
    }

    public ReadOnlyStringProperty checkTextProperty() {
        return checkText.getReadOnlyProperty();
    }

    /** There is no printer to print on. */
    public void noPrinter() {
        message.set("No printer is set up on this machine: export the report and print the PDF elsewhere.");
    }

    /**
     * The end of the run: every finished step's effect measured in the database, so that the report shows it and a
     * step whose effect is missing is reopened, never reported done. Returns a sentence naming those steps, or "".
     */
    private String measureEffects(CancelToken cancel) throws Exception {
        List<String> missing = new ArrayList<>();
        for (PostconditionCheck check : wizard.context().session().checkPostconditions("end", cancel)) {
            if (check.outcome() == PostconditionCheck.Outcome.EFFECT_MISSING) {
                missing.add(check.step().title() + " (" + check.detail() + ")");
            }
        }
        return missing.isEmpty() ? "" : " Not done after all, reopened: " + String.join("; ", missing)
                + ". Run them again, then export the report again.";
    }

    private Signed report() throws java.io.IOException {
        RunFolder run = wizard.runProperty().get();
        if (run == null) {
            throw new IllegalStateException("no run yet: accept the plan first");
        }
        String operator = wizard.operatorProperty().get();
        SigningIdentity signer = SigningKeys.selfSigned(SigningKeys.defaultFolder(), operator);
        return new Signed(RunReport.write(run, PaperSize.A4, signer, Instant.now()), signer);
    }

    private void job(String title, dev.envclone.ui.common.Background.Work<String> work) {
        busy.set(true);
        message.set("");
        wizard.background().run(title, work, done -> {
            busy.set(false);
            message.set(done);
            wizard.refresh();
            reload();
        }, failed -> {
            busy.set(false);
            message.set(title + " failed: " + failed.getMessage());
            wizard.refresh();
            reload();
        });
    }
}
