package dev.envclone.report;

import dev.envclone.cli.CliProcess;
import dev.envclone.procedure.PlanJson;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.procedure.StepKind;
import dev.envclone.run.SandboxRunFixture;
import dev.envclone.sql.Dbms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A whole run on a small sandbox, as an operator finishes it: prepared, one cleanup step skipped with a reason, one
 * done by a DBA, the blocked database-connections step cleared and run, every other cleanup step executed, the clone
 * steps done by a DBA, and every manual and Configuration Tool step ticked with a note.
 */
final class FinishedRun {
    static final String SKIP_REASON = "the target keeps its front-end list";
    static final String DBA = "Bea DBA";
    static final String DBA_NOTE = "ran step 10 of cleanup.sql in SSMS";

    private static final Map<Dbms, SandboxRunFixture> SHARED = new EnumMap<>(Dbms.class);

    private FinishedRun() {
    }

    /**
     * One finished run per DBMS for every test class in this JVM that only reads it (verify, report): made on first
     * use in a temporary folder removed when the JVM ends. A test that changes a run folder makes its own.
     */
    static synchronized SandboxRunFixture shared(Dbms dbms) throws Exception {
        SandboxRunFixture run = SHARED.get(dbms);
        if (run == null) {
            Path folder = Files.createTempDirectory("envclone-finished-run-" + dbms.cliName() + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
            run = create(dbms, folder);
            SHARED.put(dbms, run);
        }
        return run;
    }

    static SandboxRunFixture create(Dbms dbms, Path folder) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        String run = sandbox.runDir.toString();
        String user = "sa";
        ok("run", "--run-dir", run, "--plan", sandbox.plan.toString(), "--target", sandbox.url, "--user", user,
                "--prepare-only", "--operator", "Ana Operator");
        ok("mark", "--run-dir", run, "--step", "cleanup-front-ends", "--skip", SKIP_REASON, "--operator",
                "Ana Operator");
        ok("mark", "--run-dir", run, "--step", "cleanup-saml", "--done-by-dba", DBA, "--note", DBA_NOTE,
                "--operator", "Ana Operator");
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        ok("run", "--run-dir", run, "--target", sandbox.url, "--user", user, "--yes", "--operator", "Ana Operator");
        for (Step step : ProcedureCatalog.stepsFor(PlanJson.read(sandbox.plan))) {
            if (step.kind() == StepKind.CLONE) {
                ok("mark", "--run-dir", run, "--step", step.id(), "--done-by-dba", DBA, "--note",
                        "checked: " + step.id(), "--operator", "Łukasz Nowak");
            } else if (step.kind() != StepKind.CLEANUP) {
                ok("mark", "--run-dir", run, "--step", step.id(), "--tick", "--note", "checked: " + step.id(),
                        "--operator", "Łukasz Nowak");
            }
        }
        return sandbox;
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // The JVM is ending: a leftover temporary folder is all that is lost.
        }
    }

    private static void ok(String... args) {
        CliProcess.Result result = CliProcess.inProcess(args);
        if (result.code() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " -> " + result.code() + ": " + result.err());
        }
    }
}
