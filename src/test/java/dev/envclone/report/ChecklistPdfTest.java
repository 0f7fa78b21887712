package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.procedure.PlanJson;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The checklist printed before the window: every step of the plan, manual ones too, each with its blanks. */
class ChecklistPdfTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void everyStepHasItsBoxAndBlanks(Dbms dbms) throws Exception {
        assertEquals(0, CliProcess.inProcess("plan", "--dbms", dbms.cliName(), "--source-env", "Production",
                "--target-env", "Pre-production", "--out", folder.resolve("plan").toString()).code());
        Path plan = folder.resolve("plan/plan.json");
        Path pdf = folder.resolve("checklist.pdf");
        CliProcess.Result written = CliProcess.inProcess("checklist", "--plan", plan.toString(), "--out",
                pdf.toString());
        assertEquals(0, written.code(), written.err());
        List<Step> steps = ProcedureCatalog.stepsFor(PlanJson.read(plan));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            String joined = text.replaceAll("\\s+", "");
            for (int i = 0; i < steps.size(); i++) {
                assertTrue(joined.contains((i + 1) + "." + steps.get(i).title().replaceAll("\\s+", "")),
                        steps.get(i).title());
            }
            assertEquals(steps.size(), text.split("Done by: ", -1).length - 1, "one set of blanks per step");
            assertTrue(text.contains("Checklist: Production → Pre-production"), text.substring(0, 200));
            assertTrue(text.contains("page 1 of " + document.getNumberOfPages()));
            assertEquals(List.of(), PageGeometry.faults(document));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aMissingPlanIsBadInput(Dbms dbms) throws Exception {
        Path pdf = folder.resolve("checklist-" + dbms.cliName() + ".pdf");
        CliProcess.Result result = CliProcess.inProcess("checklist", "--plan", folder.resolve("nope.json").toString(),
                "--out", pdf.toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains("is not a plan file: write one with envclone plan"), result.err());
        assertFalse(Files.exists(pdf));
    }
}
