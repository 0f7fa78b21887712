package dev.envclone.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunFolder;
import dev.envclone.run.SandboxRunFixture;
import dev.envclone.sql.Dbms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The report of a whole sandbox run, for each DBMS: signed so that pdfsig and envclone verify accept it (verify as
 * valid but self-signed, exit 4), complete (every step, statement, pre-image hash, note and the journal's final
 * hash), laid out with nothing cut or drawn over, and refused by both verifiers once a byte of it, the journal, or a
 * pre-image file changes.
 */
class RunReportTest {
    @TempDir
    static Path folder;
    private static final Map<Dbms, SandboxRunFixture> RUNS = new EnumMap<>(Dbms.class);
    private static final Map<Dbms, Path> REPORTS = new EnumMap<>(Dbms.class);

    @BeforeAll
    static void finishRunsAndWriteReports() throws Exception {
        for (Dbms dbms : Dbms.values()) {
            SandboxRunFixture run = FinishedRun.create(dbms, folder.resolve(dbms.cliName()));
            Path report = folder.resolve(dbms.cliName() + "-report.pdf");
            CliProcess.Result written = CliProcess.inProcess("report", "--run-dir", run.runDir.toString(), "--out",
                    report.toString(), "--key-folder", folder.resolve("keys").toString());
            assertEquals(0, written.code(), written.err());
            assertTrue(written.out().contains("(self-signed)"), written.out());
            RUNS.put(dbms, run);
            REPORTS.put(dbms, report);
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void pdfsigAndVerifyAcceptTheSignedReport(Dbms dbms) throws Exception {
        String pdfsig = Pdfsig.run(REPORTS.get(dbms));
        assertTrue(pdfsig.contains("Signature is Valid."), pdfsig);
        assertTrue(pdfsig.contains("Total document signed"), pdfsig);
        CliProcess.Result verified = verify(REPORTS.get(dbms), RUNS.get(dbms).runDir);
        // Valid, but signed by the self-signed key: exit 4, not trusted until the reader pins or trusts it.
        assertEquals(4, verified.code(), verified.err());
        assertTrue(verified.out().contains("trust: self-signed") && verified.out().contains("run folder matches"),
                verified.out());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void reportStatesEveryStepStatementHashAndNote(Dbms dbms) throws Exception {
        RunFolder run = RunFolder.open(RUNS.get(dbms).runDir, Clock.systemUTC());
        String text;
        int pages;
        try (PDDocument document = Loader.loadPDF(REPORTS.get(dbms).toFile())) {
            text = new PDFTextStripper().getText(document);
            pages = document.getNumberOfPages();
        }
        // A statement or table row that breaks across pages has the page's footer and header in between: drop them.
        String joined = text.lines().filter(RunReportTest::body)
                .collect(java.util.stream.Collectors.joining()).replaceAll("\\s+", "");
        for (int page = 1; page <= pages; page++) {
            assertTrue(text.contains("page " + page + " of " + pages), "page number " + page);
        }
        for (Step step : ProcedureCatalog.stepsFor(run.plan())) {
            assertTrue(joined.contains(step.title().replaceAll("\\s+", "")), step.title());
        }
        assertTrue(joined.contains(run.journal().lastHash()), "the journal's final hash");
        int statements = 0;
        for (JournalEntry entry : run.journal().entries()) {
            if (entry.event() == JournalEvent.STEP_STARTED) {
                for (int n = 1; n <= Integer.parseInt(entry.get("statements")); n++) {
                    String key = String.format("statement.%02d", n);
                    assertTrue(java.util.Collections.indexOfSubList(words(text), words(entry.get(key + ".sql"))) >= 0,
                            entry.get(key + ".sql"));
                    assertTrue(joined.contains(entry.get(key + ".preimage.sha256")), key + " pre-image hash");
                    String file = entry.get(key + ".preimage.file");
                    assertTrue(joined.contains(file.substring(0, file.lastIndexOf('/') + 1)), key + " folder");
                    assertTrue(joined.contains(file.substring(file.lastIndexOf('/') + 1)), key + " pre-image file");
                    statements++;
                }
            }
        }
        assertTrue(statements >= 10, "the run executed statements: " + statements);
        for (String expected : List.of(FinishedRun.SKIP_REASON, FinishedRun.DBA, FinishedRun.DBA_NOTE,
                "Łukasz Nowak", "Ana Operator", "checked: upload-license", "Configuration Tool sheet",
                "Final checklist", RUNS.get(dbms).url.replaceAll("\\s+", ""))) {
            assertTrue(joined.contains(expected.replaceAll("\\s+", "")), expected);
        }
        assertTrue(joined.contains("(typeitintheConfigurationTool)"), "password fields say where they are typed");
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void nothingIsCutOffOrDrawnOverAnother(Dbms dbms) throws Exception {
        try (PDDocument document = Loader.loadPDF(REPORTS.get(dbms).toFile())) {
            assertEquals(List.of(), PageGeometry.faults(document));
            PDRectangle box = document.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 0.5f);
            assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 0.5f);
        }
    }

    @Test
    void letterPaperIsLetterAndStillClean() throws Exception {
        Path report = folder.resolve("letter.pdf");
        CliProcess.Result written = CliProcess.inProcess("report", "--run-dir", RUNS.get(Dbms.ORACLE).runDir.toString(),
                "--out", report.toString(), "--paper", "letter", "--key-folder", folder.resolve("keys").toString());
        assertEquals(0, written.code(), written.err());
        try (PDDocument document = Loader.loadPDF(report.toFile())) {
            assertEquals(612f, document.getPage(0).getMediaBox().getWidth(), 0.5f);
            assertEquals(792f, document.getPage(0).getMediaBox().getHeight(), 0.5f);
            assertEquals(List.of(), PageGeometry.faults(document));
        }
    }

    @Test
    void oneChangedByteFailsPdfsigAndVerify() throws Exception {
        byte[] signed = Files.readAllBytes(REPORTS.get(Dbms.SQLSERVER));
        int signatureStart = new String(signed, StandardCharsets.ISO_8859_1).lastIndexOf("/Contents <");
        // A tenth, half and nine tenths into the signed bytes before the signature: pages, fonts, the attachment.
        for (int percent : new int[] {10, 50, 90}) {
            byte[] bytes = signed.clone();
            int at = (int) ((long) signatureStart * percent / 100);
            bytes[at] ^= 0x01;
            Path changed = folder.resolve("changed-" + percent + ".pdf");
            Files.write(changed, bytes);
            String pdfsig = Pdfsig.run(changed);
            assertFalse(pdfsig.contains("Signature is Valid."), "byte " + at + ": " + pdfsig);
            CliProcess.Result verified = verify(changed, null);
            assertEquals(1, verified.code(), "byte " + at + ": " + verified.out());
            assertTrue(verified.err().contains("envclone verify: invalid: signature invalid: "), verified.err());
        }
    }

    @Test
    void bytesAddedAfterTheSignatureFailBothVerifiers() throws Exception {
        byte[] signed = Files.readAllBytes(REPORTS.get(Dbms.ORACLE));
        Path extended = folder.resolve("extended.pdf");
        Files.write(extended, signed);
        Files.write(extended, "\n% appended\n".getBytes(StandardCharsets.US_ASCII),
                java.nio.file.StandardOpenOption.APPEND);
        String pdfsig = Pdfsig.run(extended);
        assertFalse(pdfsig.contains("Total document signed"), pdfsig);
        CliProcess.Result verified = verify(extended, null);
        assertEquals(1, verified.code());
        assertTrue(verified.err().contains("bytes were added after the signature"), verified.err());
    }

    @Test
    void anEditedJournalFailsVerify() throws Exception {
        Path copy = copyRun(Dbms.SQLSERVER, "edited-journal");
        Path journal = copy.resolve(RunFolder.JOURNAL);
        String text = Files.readString(journal);
        Files.writeString(journal, text.replaceFirst("Bea DBA", "Bob DBA"));
        CliProcess.Result verified = verify(REPORTS.get(Dbms.SQLSERVER), copy);
        assertEquals(1, verified.code());
        assertTrue(verified.err().contains("was changed after it was written"), verified.err());
        assertEquals(4, verify(REPORTS.get(Dbms.SQLSERVER), copyRun(Dbms.SQLSERVER, "untouched")).code(),
                "a faithful copy of the run folder still matches (valid; self-signed, so not trusted)");
    }

    @Test
    void aChangedPreImageFailsVerify() throws Exception {
        Path copy = copyRun(Dbms.ORACLE, "edited-pre-image");
        Path preImage;
        try (Stream<Path> files = Files.walk(copy.resolve("pre-images"))) {
            preImage = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        Files.writeString(preImage, "\n", java.nio.file.StandardOpenOption.APPEND);
        CliProcess.Result verified = verify(REPORTS.get(Dbms.ORACLE), copy);
        assertEquals(1, verified.code());
        assertTrue(verified.err().contains("pre-image file " + copy.relativize(preImage).toString().replace('\\', '/')
                + " was changed"), verified.err());
    }

    @Test
    void anExistingReportIsNotOverwritten() throws Exception {
        Path report = REPORTS.get(Dbms.SQLSERVER);
        byte[] before = Files.readAllBytes(report);
        CliProcess.Result again = CliProcess.inProcess("report", "--run-dir", RUNS.get(Dbms.SQLSERVER).runDir.toString(),
                "--out", report.toString(), "--key-folder", folder.resolve("keys").toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("exists already"), again.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(report)));
    }

    /** False for the lines every page repeats: its header, and its footer with the page number. */
    private static boolean body(String line) {
        return !line.startsWith("envclone run report · ") && !line.startsWith("REHEARSAL · envclone run report · ")
                && !line.matches(".*written .* · journal .*")
                && !line.matches("page \\d+ of \\d+.*");
    }

    /**
     * The words of a text, without what a table row broken across pages puts between its lines (the other cells'
     * counts, the repeated header row, the page's footer and header), so that a statement can be found whole.
     */
    private static List<String> words(String text) {
        return text.lines().filter(RunReportTest::body)
                .flatMap(line -> java.util.Arrays.stream(line.trim().split("\\s+")))
                .filter(word -> !word.isEmpty() && !word.matches("\\d+|#|Statement|Preview|Changed|–"))
                .toList();
    }

    private static CliProcess.Result verify(Path report, Path runDir) {
        return runDir == null ? CliProcess.inProcess("verify", report.toString())
                : CliProcess.inProcess("verify", report.toString(), "--run-dir", runDir.toString());
    }

    private static Path copyRun(Dbms dbms, String name) throws IOException {
        Path source = RUNS.get(dbms).runDir;
        Path target = folder.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }
}
