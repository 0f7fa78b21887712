package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.run.RunFolder;
import dev.envclone.sandbox.ServiceCenterStandIn;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sandbox run's report says REHEARSAL on its first page and in every page's header; a real target's says it
 * nowhere. "Sandbox run" is one rule, {@link RunFolder#rehearsal()}: the target the run was created with is H2. The
 * report is read back as text with PDFBox, page by page.
 */
class RehearsalReportTest {
    private static final String REAL_TARGET = "jdbc:sqlserver://db01.example.com:1433;databaseName=OutSystems";

    @TempDir
    Path folder;

    @Test
    void aSandboxRunsReportSaysRehearsalOnPageOneAndInEveryHeader() throws Exception {
        RunFolder run = RunFolder.open(FinishedRun.shared(Dbms.SQLSERVER).runDir, Clock.systemUTC());
        assertTrue(run.rehearsal());

        List<String> pages = pages(report(run, "sandbox.pdf"));

        assertTrue(pages.size() > 3, "a whole run's report has several pages: " + pages.size());
        assertTrue(pages.get(0).contains("REHEARSAL — Run report: Production → Pre-Production"), pages.get(0));
        assertTrue(pages.get(0).contains("REHEARSAL: this run's target is the sandbox"), pages.get(0));
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(pages.get(i).contains("REHEARSAL · envclone run report · Production → Pre-Production"),
                    "page " + (i + 1) + " header: " + pages.get(i).substring(0, Math.min(200, pages.get(i).length())));
        }
    }

    @Test
    void aRealTargetsReportDoesNotSayRehearsal() throws Exception {
        MigrationPlan plan = new PlanBuilder(Dbms.SQLSERVER).build();
        RunFolder run = RunFolder.create(folder.resolve("run"), plan, null, REAL_TARGET, "Ana Operator",
                Clock.systemUTC());
        run.tick("prerequisites", "checked", "Ana Operator");
        assertFalse(run.rehearsal());

        List<String> pages = pages(report(run, "real.pdf"));

        assertTrue(pages.get(0).contains("Run report: Production → Pre-Production"), pages.get(0));
        for (int i = 0; i < pages.size(); i++) {
            assertFalse(pages.get(i).contains("REHEARSAL"), "page " + (i + 1));
            assertTrue(pages.get(i).contains("envclone run report · Production → Pre-Production"), "page " + (i + 1));
        }
    }

    @Test
    void aRealTargetsRunRefusesAStandIn() throws Exception {
        RunFolder run = RunFolder.create(folder.resolve("run"), new PlanBuilder(Dbms.SQLSERVER).build(), null,
                REAL_TARGET, "Ana Operator", Clock.systemUTC());
        long entries = run.journal().entries().size();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ServiceCenterStandIn
                .unmapConnections(run, REAL_TARGET, "sa", new char[0], "Ana Operator"));
        assertTrue(refused.getMessage().contains("unmap the extensions in Service Center"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> run.standIn(ServiceCenterStandIn.UNMAP_STEP, "unmap",
                "0 mappings", "Ana Operator"));
        assertEquals(entries, run.journal().entries().size(), "nothing journaled");
    }

    @Test
    void theDefaultFileNameCarriesTheEnvironmentsAndTheDate() {
        LocalDate day = LocalDate.of(2026, 12, 2);
        assertEquals("envclone-report-Production-to-Pre-Production-2026-12-02.pdf",
                ReportFileName.of(new PlanBuilder(Dbms.SQLSERVER).build(), false, day));
        assertEquals("envclone-rehearsal-report-Production-to-Pre-Production-2026-12-02.pdf",
                ReportFileName.of(new PlanBuilder(Dbms.ORACLE).build(), true, day));
        MigrationPlan odd = new PlanBuilder(Dbms.SQLSERVER).environments("Prod (EU) main", "QA 2.").build();
        assertEquals("envclone-report-Prod-EU-main-to-QA-2-2026-12-02.pdf", ReportFileName.of(odd, false, day));
    }

    @Test
    void theCliWritesTheDefaultNameIntoTheFolderGivenAsOut() throws Exception {
        Path reports = Files.createDirectories(folder.resolve("reports"));
        CliProcess.Result written = CliProcess.inProcess("report", "--run-dir",
                FinishedRun.shared(Dbms.SQLSERVER).runDir.toString(), "--out", reports.toString(), "--key-folder",
                folder.resolve("keys").toString());

        assertEquals(0, written.code(), written.err());
        Path expected = reports.resolve("envclone-rehearsal-report-Production-to-Pre-Production-"
                + LocalDate.now(ZoneOffset.UTC) + ".pdf");
        assertTrue(Files.isRegularFile(expected), written.out());
        assertTrue(written.out().contains("Wrote " + expected), written.out());
    }

    private Path report(RunFolder run, String name) throws Exception {
        SigningIdentity signer = SigningKeys.selfSigned(folder.resolve("keys"), "Ana Operator");
        Path file = folder.resolve(name);
        Files.write(file, RunReport.write(run, PaperSize.A4, signer, Instant.now()));
        return file;
    }

    private static List<String> pages(Path pdf) throws Exception {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).replaceAll("\\s+", " ")); // the title may wrap
            }
        }
        return pages;
    }
}
