package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code envclone run} is given is checked before anything is created or connected; a refused start leaves no
 * folder behind; the same command again resumes the run, another plan for it is refused with what differs.
 */
class RunInputTest {
    @TempDir
    Path folder;

    private static CliProcess.Result run(Path runDir, Path plan, String target, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--run-dir", runDir.toString()));
        if (plan != null) {
            args.addAll(List.of("--plan", plan.toString()));
        }
        args.addAll(List.of("--target", target, "--user", "sa"));
        args.addAll(List.of(extra));
        return CliProcess.inProcess(args.toArray(String[]::new));
    }

    @Test
    void aMissingPlanIsNamedAndNothingIsCreated() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        Path missing = folder.resolve("missing.json");
        CliProcess.Result result = run(sandbox.runDir, missing, sandbox.url, "--prepare-only");
        assertEquals(2, result.code(), result.err());
        assertEquals("envclone run: --plan " + missing + ": no such file: give the plan.json that envclone plan "
                + "wrote", result.err().strip());
        assertFalse(Files.exists(sandbox.runDir));
    }

    @Test
    void aRunDirThatIsAFileOrHoldsOtherFilesIsRefused() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        Path file = Files.writeString(folder.resolve("notes.txt"), "mine");
        CliProcess.Result onFile = run(file, sandbox.plan, sandbox.url, "--prepare-only");
        assertEquals(2, onFile.code(), onFile.err());
        assertTrue(onFile.err().contains("--run-dir " + file + " is a file, not a folder"), onFile.err());
        assertEquals("mine", Files.readString(file));

        Path other = Files.createDirectories(folder.resolve("documents"));
        Files.writeString(other.resolve("letter.txt"), "keep");
        CliProcess.Result onOther = run(other, sandbox.plan, sandbox.url, "--prepare-only");
        assertEquals(2, onOther.code(), onOther.err());
        assertTrue(onOther.err().contains("holds other files but no run (journal.jsonl): give a new or empty folder"),
                onOther.err());
        try (var entries = Files.list(other)) {
            assertEquals(List.of(other.resolve("letter.txt")), entries.toList());
        }

        CliProcess.Result empty = run(Path.of(""), sandbox.plan, sandbox.url, "--prepare-only");
        assertEquals(2, empty.code(), empty.err());
        assertTrue(empty.err().contains("--run-dir is empty"), empty.err());
    }

    @Test
    void aStartRefusedByAGuardLeavesNoRunFolder() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        String other = "jdbc:h2:file:" + folder.resolve("not-a-platform") + ";MODE=MSSQLServer";
        DriverManager.getConnection(other, "sa", "").close();
        CliProcess.Result result = run(sandbox.runDir, sandbox.plan, other, "--yes");
        assertEquals(3, result.code(), result.err());
        assertTrue(result.err().contains("is not an OutSystems platform database"), result.err());
        assertFalse(Files.exists(sandbox.runDir), "no run folder after a refused start");
    }

    @Test
    void theSameCommandAgainResumesTheRun() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.ORACLE, folder);
        assertEquals(0, run(sandbox.runDir, sandbox.plan, sandbox.url, "--prepare-only").code());
        CliProcess.Result again = run(sandbox.runDir, sandbox.plan, sandbox.url, "--yes", "--steps",
                "cleanup-front-ends");
        assertEquals(0, again.code(), again.err());
        RunFolder run = RunFolder.open(sandbox.runDir, Clock.systemUTC());
        assertEquals(1, run.journal().entries().stream().filter(e -> e.event() == JournalEvent.RUN_CREATED).count());
        assertEquals(StepState.DONE, run.state().of("cleanup-front-ends"));
    }

    @Test
    void anotherPlanForTheSameFolderIsRefusedWithWhatDiffers() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        assertEquals(0, run(sandbox.runDir, sandbox.plan, sandbox.url, "--prepare-only").code());
        Path otherPlan = folder.resolve("other-plan");
        assertEquals(0, CliProcess.inProcess("plan", "--dbms", "sqlserver", "--target-env", "UAT", "--out",
                otherPlan.toString()).code());
        byte[] journal = Files.readAllBytes(sandbox.runDir.resolve(RunFolder.JOURNAL));

        CliProcess.Result result = run(sandbox.runDir, otherPlan.resolve("plan.json"), sandbox.url, "--yes");

        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().contains("holds a run of another plan than --plan"), result.err());
        assertTrue(result.err().contains("plan.targetEnvironment: Pre-Production -> UAT"), result.err());
        assertTrue(java.util.Arrays.equals(journal, Files.readAllBytes(sandbox.runDir.resolve(RunFolder.JOURNAL))),
                "the journal is unchanged");
        assertEquals(3, sandbox.count("ossys_server"));
    }

    @Test
    void anUnknownStepIsRefusedBeforeAFolderIsMade() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        CliProcess.Result result = run(sandbox.runDir, sandbox.plan, sandbox.url, "--yes", "--steps", "cleanup-typo");
        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().contains("step 'cleanup-typo' is not a cleanup step of this plan"), result.err());
        assertFalse(Files.exists(sandbox.runDir));
    }
}
