package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The journal as the commands meet it: a run that never started, free text that would break a line, status
 * printing what the journal holds, marks where they do not fit, and what only the signed report can tell.
 */
class JournalEditTest {
    @TempDir
    static Path folder;
    private static SandboxRunFixture sandbox;

    @BeforeAll
    static void preparedRun() throws Exception {
        sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        CliProcess.Result prepared = run(sandbox.runDir, "--plan", sandbox.plan.toString(), "--prepare-only");
        assertEquals(0, prepared.code(), prepared.err());
    }

    private static CliProcess.Result run(Path runDir, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--run-dir", runDir.toString(), "--target", sandbox.url,
                "--user", "sa"));
        args.addAll(List.of(more));
        return CliProcess.inProcess(args.toArray(String[]::new));
    }

    private static CliProcess.Result mark(String... more) {
        List<String> args = new ArrayList<>(List.of("mark", "--run-dir", sandbox.runDir.toString()));
        args.addAll(List.of(more));
        return CliProcess.inProcess(args.toArray(String[]::new));
    }

    private static byte[] journalAndHead(Path runDir) throws IOException {
        byte[] journal = Files.readAllBytes(runDir.resolve(RunFolder.JOURNAL));
        byte[] head = Files.readAllBytes(runDir.resolve(JournalHead.FILE));
        byte[] both = Arrays.copyOf(journal, journal.length + head.length);
        System.arraycopy(head, 0, both, journal.length, head.length);
        return both;
    }

    private static Path copyRun(String name) throws IOException {
        Path target = folder.resolve(name);
        try (Stream<Path> files = Files.walk(sandbox.runDir)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(sandbox.runDir.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 57})
    void aRunThatNeverStartedIsNamedAndTheSameCommandStartsIt(int bytesOfTheFirstLine) throws Exception {
        Path runDir = copyRun("never-started-" + bytesOfTheFirstLine);
        Path journal = runDir.resolve(RunFolder.JOURNAL);
        // The process ended while RUN_CREATED was being written: the file is there, its first line is not whole.
        Files.write(journal, Arrays.copyOf(Files.readAllBytes(journal), bytesOfTheFirstLine));
        Files.delete(runDir.resolve(JournalHead.FILE));

        CliProcess.Result status = CliProcess.inProcess("status", "--run-dir", runDir.toString());
        assertEquals(2, status.code());
        assertEquals("envclone status: " + runDir + ": this run never started (its journal.jsonl has no complete "
                + "entry: the process ended while writing the first). Run the same command with --plan again to "
                + "start it.\n", status.err());
        CliProcess.Result resume = run(runDir, "--prepare-only");
        assertEquals(2, resume.code());
        assertTrue(resume.err().contains("this run never started"), resume.err());

        CliProcess.Result again = run(runDir, "--plan", sandbox.plan.toString(), "--prepare-only");
        assertEquals(0, again.code(), again.err());
        List<JournalEntry> entries = RunFolder.open(runDir, Clock.systemUTC()).journal().entries();
        assertEquals(JournalEvent.RUN_CREATED, entries.get(0).event());
        assertEquals(JournalEvent.PREPARED, entries.get(entries.size() - 1).event());
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of("\n", "\r", "\t", "\u0000", "\u001b[2J", "\u0085", "\u2028", "\u2029", "\u202E", "\u2066")
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("controlCharacters")
    void aControlCharacterInTheOperatorOfAMarkIsBadInputAndNothingIsWritten(String c) throws Exception {
        byte[] before = journalAndHead(sandbox.runDir);
        CliProcess.Result result = mark("--step", "upload-license", "--tick", "--operator", "alice" + c + "x");
        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().startsWith("envclone mark: operator \"alice"), result.err());
        assertTrue(result.err().contains(String.format("holds U+%04X", (int) c.charAt(0))), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertArrayEquals(before, journalAndHead(sandbox.runDir));
    }

    @ParameterizedTest
    @MethodSource("controlCharacters")
    void aControlCharacterInADbaNameIsBadInputAndNothingIsWritten(String c) throws Exception {
        byte[] before = journalAndHead(sandbox.runDir);
        CliProcess.Result result = mark("--step", "cleanup-saml", "--done-by-dba", "Bea" + c + "DBA");
        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().startsWith("envclone mark: DBA name \"Bea"), result.err());
        assertArrayEquals(before, journalAndHead(sandbox.runDir));
    }

    @ParameterizedTest
    @MethodSource("controlCharacters")
    void aControlCharacterInANoteIsBadInputAndNothingIsWritten(String c) throws Exception {
        byte[] before = journalAndHead(sandbox.runDir);
        CliProcess.Result result = mark("--step", "upload-license", "--tick", "--note", "licence" + c + "4711");
        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().startsWith("envclone mark: note \"licence"), result.err());
        assertArrayEquals(before, journalAndHead(sandbox.runDir));
    }

    @ParameterizedTest
    @MethodSource("controlCharacters")
    void aControlCharacterInASkipReasonIsBadInputAndNothingIsWritten(String c) throws Exception {
        byte[] before = journalAndHead(sandbox.runDir);
        CliProcess.Result result = mark("--step", "cleanup-front-ends", "--skip", "kept" + c + "on purpose");
        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().startsWith("envclone mark: reason \"kept"), result.err());
        assertArrayEquals(before, journalAndHead(sandbox.runDir));
    }

    @Test
    void aLineBreakInTheOperatorOfARunIsBadInputBeforeAnythingIsConnectedOrWritten() throws Exception {
        byte[] before = journalAndHead(sandbox.runDir);
        CliProcess.Result resume = run(sandbox.runDir, "--prepare-only", "--operator", "alice\n  #9 forged");
        assertEquals(2, resume.code(), resume.err());
        assertEquals("envclone run: --operator \"alice\\n  #9 forged\" holds U+000A LINE FEED (LF) at character 6: "
                + "it must be one line of printable text, without line breaks, control characters or bidirectional "
                + "overrides\n", resume.err());
        assertArrayEquals(before, journalAndHead(sandbox.runDir));

        Path fresh = folder.resolve("fresh-run");
        CliProcess.Result start = run(fresh, "--plan", sandbox.plan.toString(), "--prepare-only", "--operator",
                "alice\u202Eecila");
        assertEquals(2, start.code(), start.err());
        assertFalse(Files.exists(fresh), "no run folder is made");
    }

    @Test
    void aControlCharacterInTheSourceFingerprintIsBadInput() throws Exception {
        Path fresh = folder.resolve("fingerprint-run");
        CliProcess.Result start = run(fresh, "--plan", sandbox.plan.toString(), "--prepare-only",
                "--source-fingerprint", "SRV01/OSDB\nTARGET");
        assertEquals(2, start.code(), start.err());
        assertTrue(start.err().startsWith("envclone run: --source-fingerprint \"SRV01/OSDB\\nTARGET\" holds U+000A"),
                start.err());
        assertFalse(Files.exists(fresh), "no run folder is made");
    }

    @Test
    void statusPrintsTextThatLooksLikeAnEntryEscapedOnOneLine() throws Exception {
        Path runDir = copyRun("status-escapes");
        // What a driver's message or a rebuilt journal can hold: the engine writes data values as they are.
        String forged = "ok\n  #99 2026-11-24T02:00:00Z STEP_EXECUTED cleanup-saml by \"root\": total=\"0\"";
        JournalFile journal = RunFolder.open(runDir, Clock.systemUTC()).journal();
        journal.append(JournalEvent.STEP_FAILED, "cleanup-saml", "alice", Map.of("message", forged));
        int entries = journal.entries().size();

        CliProcess.Result status = CliProcess.inProcess("status", "--run-dir", runDir.toString());

        assertEquals(0, status.code(), status.err());
        List<String> lines = status.out().lines().filter(l -> l.startsWith("  #")).toList();
        assertEquals(entries, lines.size(), status.out());
        assertTrue(lines.get(entries - 1).startsWith("  #" + entries + " "), lines.get(entries - 1));
        assertTrue(lines.get(entries - 1).endsWith(" STEP_FAILED cleanup-saml by \"alice\": message=\"ok\\n  #99 "
                + "2026-11-24T02:00:00Z STEP_EXECUTED cleanup-saml by \\\"root\\\": total=\\\"0\\\"\""),
                lines.get(entries - 1));
        assertFalse(status.out().contains("\n  #99"), status.out());
    }

    @Test
    void aTickOnACleanupStepIsBadInputNamingTheMarksThatFit() throws Exception {
        byte[] before = journalAndHead(sandbox.runDir);
        CliProcess.Result result = mark("--step", "cleanup-saml", "--tick");
        assertEquals(2, result.code());
        assertEquals("envclone mark: step 'cleanup-saml' is a cleanup step, whose SQL envclone run executes: it "
                + "cannot be ticked (--tick); record it as done by a DBA (--done-by-dba NAME) or skipped "
                + "(--skip REASON)\n", result.err());
        assertArrayEquals(before, journalAndHead(sandbox.runDir));
    }

    @Test
    void doneByDbaOnAManualStepIsBadInputNamingTheMarksThatFit() throws Exception {
        byte[] before = journalAndHead(sandbox.runDir);
        CliProcess.Result result = mark("--step", "upload-license", "--done-by-dba", "Bea DBA");
        assertEquals(2, result.code());
        assertEquals("envclone mark: step 'upload-license' is a manual step: it cannot be done by a DBA "
                + "(--done-by-dba NAME); record it as ticked (--tick) or skipped (--skip REASON)\n", result.err());
        assertArrayEquals(before, journalAndHead(sandbox.runDir));
    }

    @Test
    void aTickOnACloneStepIsBadInput() throws Exception {
        CliProcess.Result result = mark("--step", "restore-database", "--tick");
        assertEquals(2, result.code());
        assertTrue(result.err().contains("step 'restore-database' is a clone step, whose script a DBA runs: it "
                + "cannot be ticked (--tick)"), result.err());
    }

    @Test
    void aSkipOnAConfigurationToolStepIsBadInput() throws Exception {
        CliProcess.Result result = mark("--step", "config-tool-platform", "--skip", "not needed");
        assertEquals(2, result.code());
        assertTrue(result.err().contains("is a Configuration Tool step: it cannot be skipped (--skip REASON); "
                + "record it as ticked (--tick)"), result.err());
    }

    @Test
    void anEntryAppendedWithARecomputedHashAndHeadOpensButFailsVerifyAgainstTheSignedReport() throws Exception {
        Path runDir = copyRun("appended");
        Path report = folder.resolve("appended.pdf");
        CliProcess.Result written = CliProcess.inProcess("report", "--run-dir", runDir.toString(), "--out",
                report.toString(), "--key-folder", folder.resolve("keys").toString());
        assertEquals(0, written.code(), written.err());
        // Anyone who can write the folder can extend the unkeyed chain and its head as envclone would.
        RunFolder.open(runDir, Clock.systemUTC()).journal().append(JournalEvent.DONE_BY_DBA, "cleanup-saml",
                "mallory", Map.of("dba", "nobody", "note", ""));

        assertEquals(0, CliProcess.inProcess("status", "--run-dir", runDir.toString()).code(),
                "the journal alone cannot tell");
        CliProcess.Result verified = CliProcess.inProcess("verify", report.toString(), "--run-dir",
                runDir.toString());
        assertEquals(1, verified.code(), verified.out());
        assertTrue(verified.err().contains("the run went on after the report"), verified.err());
    }

    @Test
    void aJournalRebuiltWithAnEditedEntryAndAFreshChainFailsVerifyAgainstTheSignedReport() throws Exception {
        Path runDir = copyRun("rebuilt");
        Path report = folder.resolve("rebuilt.pdf");
        assertEquals(0, CliProcess.inProcess("report", "--run-dir", runDir.toString(), "--out", report.toString(),
                "--key-folder", folder.resolve("keys").toString()).code());
        List<JournalEntry> entries = RunFolder.open(runDir, Clock.systemUTC()).journal().entries();
        Files.delete(runDir.resolve(RunFolder.JOURNAL));
        Files.delete(runDir.resolve(JournalHead.FILE));
        JournalFile rebuilt = JournalFile.open(runDir.resolve(RunFolder.JOURNAL), Clock.systemUTC());
        for (JournalEntry entry : entries) {
            rebuilt.append(entry.event(), entry.step(), entry.seq() == 1 ? "mallory" : entry.operator(),
                    entry.data());
        }

        assertEquals(0, CliProcess.inProcess("status", "--run-dir", runDir.toString()).code(),
                "a rebuilt unkeyed chain opens");
        CliProcess.Result verified = CliProcess.inProcess("verify", report.toString(), "--run-dir",
                runDir.toString());
        assertEquals(1, verified.code(), verified.out());
        assertTrue(verified.err().contains("journal entry " + entries.size() + " has hash "), verified.err());
    }
}
