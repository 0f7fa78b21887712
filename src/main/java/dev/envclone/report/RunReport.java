package dev.envclone.report;

import dev.envclone.procedure.CleanupScript;
import dev.envclone.procedure.StepKind;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.PostconditionCheck;
import dev.envclone.run.RunFolder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * The signed report of a run: the plan, the source and target, who was at the keyboard, every step in order with its
 * state, SQL, counts and pre-image files, the Configuration Tool sheet, the completed checklist and the journal with
 * its final hash. The facts a program checks are attached as {@link ReportEvidence}.
 */
public final class RunReport {

    private final RunRecord run;
    private final PaperSize paper;
    private final SigningIdentity signer;
    private final Instant now;
    private PdfLayout layout;

    private RunReport(RunRecord run, PaperSize paper, SigningIdentity signer, Instant now) {
        this.run = run;
        this.paper = paper;
        this.signer = signer;
        this.now = now;
    }

    /** Writes the report of a run and signs it. */
    public static byte[] write(RunFolder folder, PaperSize paper, SigningIdentity signer, Instant now)
            throws IOException {
        byte[] unsigned = new RunReport(new RunRecord(folder), paper, signer, now).unsigned();
        return PdfSigner.sign(unsigned, signer, now, "Evidence of envclone run " + folder.folder().getFileName());
    }

    /** The report's pages and its attached evidence, before the signature. */
    private byte[] unsigned() throws IOException {
        var plan = run.plan();
        boolean rehearsal = run.folder().rehearsal();
        // First in the header, so that a shortened header still says it; every page carries the header.
        layout = new PdfLayout(paper, (rehearsal ? "REHEARSAL · " : "") + "envclone run report · "
                + plan.sourceEnvironment() + " → " + plan.targetEnvironment() + " · " + plan.dbms().displayName()
                + " · " + run.folder().folder().toAbsolutePath().normalize());
        layout.title((rehearsal ? "REHEARSAL — " : "") + "Run report: " + plan.sourceEnvironment() + " → "
                + plan.targetEnvironment());
        if (rehearsal) {
            layout.paragraph("REHEARSAL: this run's target is the sandbox (an H2 database envclone made), not an "
                    + "OutSystems environment. Steps a Service Center or LifeTime action stands for were done by "
                    + "rehearsal stand-ins where the sandbox could stand in; they say so below.");
        }
        layout.paragraph("Migrate an environment using a database clone (OutSystems 11, self-managed), "
                + plan.dbms().displayName() + ". This report is signed by " + signedBy() + ". envclone verify "
                + "report.pdf --run-dir DIR checks the signature and that the run folder still matches it.");
        summary();
        layout.heading("Plan");
        layout.table(keyValue(), ChecklistPdf.planFacts(plan));
        overview();
        for (RunRecord.StepRecord step : run.steps()) {
            details(step);
        }
        configurationTool();
        afterInstall();
        layout.heading("Final checklist");
        ChecklistPdf.completed(layout, run);
        journal();
        PDDocument document = layout.finish("written " + RunRecord.time(now.toString()) + " · journal "
                + run.journalHash().substring(0, 16) + "…");
        var info = document.getDocumentInformation();
        info.setTitle("envclone run report: " + plan.sourceEnvironment() + " -> " + plan.targetEnvironment());
        info.setAuthor(String.join(", ", run.operators()));
        info.setCreator("envclone");
        info.setSubject("Migrate an environment using a database clone, " + plan.dbms().displayName());
        info.setCreationDate(calendar(now));
        attach(document, ReportEvidence.of(run).toJson());
        try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Each saved connection's re-create boxes, with who ticked each and when. */
    private void connectionBoxes() throws IOException {
        JournalEntry saved = run.journal().stream()
                .filter(e -> e.event() == JournalEvent.DATABASE_CONNECTIONS_SAVED).findFirst().orElse(null);
        if (saved == null) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; saved.get(String.format(java.util.Locale.ROOT, "connection.%02d.name", i)) != null; i++) {
            String connection = saved.get(String.format(java.util.Locale.ROOT, "connection.%02d.name", i));
            for (String item : dev.envclone.run.ConnectionsFile.ITEMS) {
                JournalEntry ticked = run.journal().stream().filter(e -> e.event() == JournalEvent
                        .CONNECTION_ITEM_TICKED && connection.equals(e.get("connection")) && item.equals(e.get("item")))
                        .findFirst().orElse(null);
                rows.add(List.of(connection, item, ticked == null ? "not ticked"
                        : "ticked by " + ticked.operator() + " at " + RunRecord.time(ticked.time())));
            }
        }
        layout.note("Each database connection saved in " + saved.get("file") + ", action by action:");
        layout.table(List.of(PdfLayout.Column.text("Connection", 1.6f), PdfLayout.Column.text("Action", 2.2f),
                PdfLayout.Column.text("Done", 2.6f)), rows);
    }

    /** The last after-install check (envclone check), if one ran: each check's outcome and what it found. */
    private void afterInstall() throws IOException {
        JournalEntry checked = null;
        for (JournalEntry entry : run.journal()) {
            if (entry.event() == JournalEvent.AFTER_INSTALL_CHECKED) {
                checked = entry;
            }
        }
        if (checked == null) {
            return;
        }
        layout.heading("After the install");
        layout.note("Checked " + RunRecord.time(checked.time()) + " by " + checked.operator() + " (envclone check): "
                + checked.get("outcome") + ". Values are compared as digests; none is shown.");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; checked.get(String.format(java.util.Locale.ROOT, "check.%02d.name", i)) != null; i++) {
            String key = String.format(java.util.Locale.ROOT, "check.%02d", i);
            rows.add(List.of(checked.get(key + ".name"), checked.get(key + ".outcome"), checked.get(key + ".detail")));
        }
        layout.table(List.of(PdfLayout.Column.text("Check", 1.4f), PdfLayout.Column.text("Outcome", 0.8f),
                PdfLayout.Column.text("Found", 5f)), rows);
    }

    private void summary() throws IOException {
        JournalEntry created = run.created();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Run folder", run.folder().folder().toAbsolutePath().normalize().toString()));
        rows.add(List.of("Started", RunRecord.time(created.time()) + " by " + created.operator()));
        rows.add(List.of("Target connection", String.valueOf(created.get("target"))));
        rows.add(List.of("Source database fingerprint", orNone(run.sourceFingerprintStated())));
        rows.add(List.of("Target database fingerprint", run.targetFingerprints().isEmpty() ? "(never connected)"
                : String.join("; ", run.targetFingerprints())));
        rows.add(List.of("Operators", String.join(", ", run.operators())));
        rows.add(List.of("Steps", states()));
        rows.add(List.of("plan.json SHA-256", created.get("plan.sha256")));
        rows.add(List.of("Journal", run.journal().size() + " entries; final hash " + run.journalHash()));
        rows.add(List.of("Report written", RunRecord.time(now.toString())));
        rows.add(List.of("Signed by", signedBy()));
        layout.heading("Run");
        layout.table(keyValue(), rows);
    }

    private void overview() throws IOException {
        layout.heading("Steps");
        layout.table(List.of(PdfLayout.Column.text("#", 0.35f), PdfLayout.Column.text("Step", 2.6f),
                        PdfLayout.Column.text("State", 0.9f), PdfLayout.Column.text("How it ended", 3.4f)),
                run.steps().stream().map(s -> List.of(String.valueOf(s.number()), s.step().title(),
                        s.state().label(), s.outcome())).toList());
    }

    private void details(RunRecord.StepRecord step) throws IOException {
        layout.heading(step.number() + ". " + step.step().title() + " — " + step.state().label());
        layout.paragraph(step.step().instruction());
        layout.note("Document: " + step.step().reference());
        layout.paragraph(capitalized(step.outcome()) + ".");
        if (step.step().kind() == StepKind.CONFIGURATION_TOOL) {
            layout.note("Its fields are in the Configuration Tool sheet below.");
        }
        if (step.step().kind() == StepKind.CLONE) {
            for (RunRecord.Attempt attempt : step.attempts()) {
                cloneAttempt(step, attempt);
            }
        }
        if (dev.envclone.run.ConnectionsFile.STEP.equals(step.step().id())) {
            connectionBoxes();
        }
        if (step.step().kind() != StepKind.CLEANUP) {
            return;
        }
        JournalEntry checked = step.last(JournalEvent.POSTCONDITION_CHECKED);
        if (checked != null) {
            layout.note("In the database: " + PostconditionCheck.summary(checked) + ".");
        }
        if (dev.envclone.procedure.CleanupCatalog.DATABASE_CONNECTIONS.id().equals(step.step().id())) {
            JournalEntry saved = run.journal().stream()
                    .filter(e -> e.event() == JournalEvent.DATABASE_CONNECTIONS_SAVED).findFirst().orElse(null);
            if (saved != null) {
                layout.note("Before any cleanup step ran, the definitions of " + saved.get("connections")
                        + " database connections and their extensions' mappings were saved in " + saved.get("file")
                        + " (SHA-256 " + saved.get("sha256") + ").");
            }
        }
        JournalEntry preview = step.last(JournalEvent.PREVIEWED);
        if (preview != null) {
            layout.note("Previewed " + RunRecord.time(preview.time()) + " by " + preview.operator() + ": "
                    + preview.get("total") + " rows to change"
                    + (preview.get("blocked") == null ? "." : "; blocked: " + preview.get("blocked")));
        }
        if (step.attempts().isEmpty()) {
            layout.note("Its statements as " + CleanupScript.fileOf(run.plan(), step.step())
                    + " has them (not executed in this run):");
            layout.code(CleanupScript.stepText(run.plan(), step.step()));
        }
        for (RunRecord.Attempt attempt : step.attempts()) {
            attempt(attempt);
        }
        for (JournalEntry entry : step.entries()) {
            if (entry.event() == JournalEvent.STEP_BLOCKED) {
                layout.paragraph("Refused " + RunRecord.time(entry.time()) + ": " + entry.get("message"));
            }
            if (entry.event() == JournalEvent.STEP_RESTORED) {
                layout.paragraph("Restored " + RunRecord.time(entry.time()) + " by " + entry.operator()
                        + " from the pre-images of attempt " + entry.get("attempt") + ": " + entry.get("total")
                        + " rows put back in one transaction; " + entry.get("postcondition") + ".");
            }
        }
    }

    private void attempt(RunRecord.Attempt attempt) throws IOException {
        JournalEntry started = attempt.started();
        JournalEntry outcome = attempt.outcome();
        layout.subheading("Attempt " + attempt.number() + ": started " + RunRecord.time(started.time()) + " by "
                + started.operator() + "; " + ended(outcome));
        layout.table(List.of(PdfLayout.Column.text("#", 0.35f), PdfLayout.Column.code("Statement", 6f),
                        PdfLayout.Column.text("Preview", 0.8f), PdfLayout.Column.text("Changed", 0.8f)),
                attempt.statements().stream().map(s -> List.of(String.valueOf(s.number()), s.sql(),
                        count(s.previewed()), count(s.changed()))).toList());
        String first = attempt.statements().isEmpty() ? "" : attempt.statements().get(0).preImage().file();
        String preImageFolder = first.substring(0, first.lastIndexOf('/') + 1);
        layout.note("Pre-images (the rows as they were before), in " + preImageFolder + ":");
        layout.table(List.of(PdfLayout.Column.text("#", 0.35f), PdfLayout.Column.code("File", 1.9f),
                        PdfLayout.Column.text("Rows", 0.6f), PdfLayout.Column.code("SHA-256", 5.2f)),
                attempt.statements().stream().map(s -> List.of(String.valueOf(s.number()),
                        s.preImage().file().substring(preImageFolder.length()), String.valueOf(s.preImage().rows()),
                        s.preImage().sha256())).toList());
        if (outcome != null && outcome.event() == JournalEvent.STEP_FAILED && outcome.get("sql") != null) {
            layout.paragraph("Statement " + outcome.get("statement") + " failed and the step was rolled back: "
                    + outcome.get("message"));
            layout.code(outcome.get("sql"));
        }
    }

    /** A clone step's attempt: what the action did, its progress as journaled, and how it ended. */
    private void cloneAttempt(RunRecord.StepRecord step, RunRecord.Attempt attempt) throws IOException {
        JournalEntry started = attempt.started();
        JournalEntry outcome = attempt.outcome();
        String ended = outcome == null ? "no end recorded" : switch (outcome.event()) {
            case STEP_EXECUTED -> "done " + RunRecord.time(outcome.time());
            case STEP_FAILED -> ("true".equals(outcome.get("cancelled")) ? "cancelled " : "failed ")
                    + RunRecord.time(outcome.time()) + ": " + outcome.get("message") + " Left: " + outcome.get("left");
            case STEP_RECOVERED -> "interrupted; settled " + RunRecord.time(outcome.time()) + ": "
                    + outcome.get("state");
            default -> outcome.event().toString().toLowerCase().replace('_', ' ');
        };
        layout.subheading("Attempt " + attempt.number() + ": started " + RunRecord.time(started.time()) + " by "
                + started.operator() + "; " + ended);
        layout.note("Route: " + started.get("route") + ". " + capitalized(String.valueOf(started.get("action")))
                + ".");
        List<String> progress = new ArrayList<>();
        boolean in = false;
        for (JournalEntry entry : step.entries()) {
            in = entry == started || (in && entry.event() == JournalEvent.CLONE_PROGRESS);
            if (in && entry.event() == JournalEvent.CLONE_PROGRESS) {
                progress.add(entry.get("percent") + " % " + RunRecord.time(entry.time()).replace(" UTC", ""));
            }
        }
        if (!progress.isEmpty()) {
            layout.note("Progress: " + String.join(", ", progress) + ".");
        }
        if (outcome != null && outcome.event() == JournalEvent.STEP_EXECUTED) {
            layout.table(keyValue(), outcome.data().entrySet().stream().map(e -> List.of(e.getKey(),
                    e.getValue())).toList());
        }
    }

    private static String ended(JournalEntry outcome) {
        if (outcome == null) {
            return "no end recorded";
        }
        String at = " " + RunRecord.time(outcome.time());
        return switch (outcome.event()) {
            case STEP_EXECUTED -> "committed" + at + ", " + outcome.get("total") + " rows changed";
            case STEP_FAILED -> "rolled back" + at + ": " + outcome.get("message");
            case STEP_RECOVERED -> "true".equals(outcome.get("committed"))
                    ? "interrupted after its commit; settled" + at
                    : "interrupted before its commit; settled" + at;
            default -> outcome.event().toString().toLowerCase().replace('_', ' ') + at;
        };
    }

    private void configurationTool() throws IOException {
        layout.heading("Configuration Tool sheet");
        layout.note("Values from the plan. Passwords are typed in the Configuration Tool and recorded nowhere.");
        for (RunRecord.StepRecord step : run.steps()) {
            if (!step.step().fields().isEmpty()) {
                layout.subheading(step.number() + ". " + step.step().title());
                ChecklistPdf.fields(layout, step.step().fields());
            }
        }
    }

    private void journal() throws IOException {
        layout.heading("Journal");
        layout.note("journal.jsonl, entry by entry; each entry's hash chains it to the one before. Statement text, "
                + "files and counts are under the steps above. Final hash: " + run.journalHash());
        layout.table(List.of(PdfLayout.Column.text("#", 0.4f), PdfLayout.Column.text("Time (UTC)", 1.9f),
                        PdfLayout.Column.text("Event", 1.4f), PdfLayout.Column.text("Step", 1.6f),
                        PdfLayout.Column.text("By", 0.9f), PdfLayout.Column.text("Details", 2.6f)),
                run.journal().stream().map(e -> List.of(String.valueOf(e.seq()),
                        RunRecord.time(e.time()).replace(" UTC", ""), e.event().toString(),
                        e.step() == null ? "" : e.step(), e.operator(), details(e.data()))).toList());
    }

    /** An entry's data without the per-statement keys, which the step details already show. */
    private static String details(Map<String, String> data) {
        return data.entrySet().stream().filter(e -> !e.getKey().startsWith("statement."))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private String states() {
        return run.steps().stream().collect(Collectors.groupingBy(s -> s.state().label(),
                        java.util.LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                + " (" + run.steps().size() + " in all)";
    }

    private String signedBy() {
        return signer.signerName() + (signer.selfSigned()
                ? " (self-signed: a key envclone made for this user, not issued by a certificate authority)" : "");
    }

    private static List<PdfLayout.Column> keyValue() {
        return List.of(PdfLayout.Column.text(null, 1.3f), PdfLayout.Column.text(null, 4f));
    }

    private static void attach(PDDocument document, byte[] json) throws IOException {
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(json));
        file.setSubtype("application/json");
        file.setSize(json.length);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(ReportEvidence.ATTACHMENT);
        spec.setFileUnicode(ReportEvidence.ATTACHMENT);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.setFileDescription("What envclone verify checks against the run folder");
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(ReportEvidence.ATTACHMENT, spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
    }

    /** The evidence attached to a report, or null when the PDF is not an envclone report. */
    static ReportEvidence evidence(PDDocument document) throws IOException {
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null || names.getEmbeddedFiles().getNames() == null) {
            return null;
        }
        PDComplexFileSpecification spec = names.getEmbeddedFiles().getNames().get(ReportEvidence.ATTACHMENT);
        return spec == null || spec.getEmbeddedFile() == null ? null
                : ReportEvidence.fromJson(spec.getEmbeddedFile().toByteArray());
    }

    private static Calendar calendar(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    private static String count(Long value) {
        return value == null ? "–" : value.toString();
    }

    private static String orNone(String value) {
        return value == null ? "(not recorded)" : value;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
