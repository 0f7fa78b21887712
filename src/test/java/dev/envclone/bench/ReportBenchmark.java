package dev.envclone.bench;

import dev.envclone.cli.CliProcess;
import dev.envclone.procedure.PlanJson;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.procedure.StepKind;
import dev.envclone.report.PaperSize;
import dev.envclone.report.RunReport;
import dev.envclone.report.SigningIdentity;
import dev.envclone.report.SigningKeys;
import dev.envclone.run.RunFolder;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

/**
 * The time to write and sign the report of a full run of a large sandbox (every cleanup step executed, every manual
 * step ticked), with the self-signed key. Round 1 is the first report in a fresh JVM (classes, fonts and the
 * signature provider loaded then); the rest show the steady state. Goal: at most 1 s.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.envclone.bench.ReportBenchmark -Dexec.args="sqlserver 5"</pre>
 */
public final class ReportBenchmark {
    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Dbms dbms = args.length > 0 ? Dbms.valueOf(args[0].toUpperCase(java.util.Locale.ROOT)) : Dbms.SQLSERVER;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path folder = Files.createTempDirectory("envclone-report-bench");
        Path runDir = fullRun(dbms, folder);
        SigningIdentity signer = SigningKeys.selfSigned(folder.resolve("keys"), "bench");
        double[] seconds = new double[rounds];
        int pages = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            RunFolder run = RunFolder.open(runDir, Clock.systemUTC());
            byte[] pdf = RunReport.write(run, PaperSize.A4, signer, Instant.now());
            Files.write(folder.resolve("report-" + round + ".pdf"), pdf);
            seconds[round] = (System.nanoTime() - start) / 1e9;
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                pages = document.getNumberOfPages();
            }
            System.out.printf("round %d (%s, large): report written and signed in %.3f s (%d pages, %d KiB)%n",
                    round + 1, dbms.cliName(), seconds[round], pages, pdf.length / 1024);
        }
        double[] warm = Arrays.copyOfRange(seconds, Math.min(1, rounds - 1), rounds);
        Arrays.sort(warm);
        System.out.printf("first %.3f s, median of the rest %.3f s, journal %s%n", seconds[0],
                warm[warm.length / 2], runDir.resolve(RunFolder.JOURNAL));
    }

    private static Path fullRun(Dbms dbms, Path folder) throws Exception {
        String url = Sandbox.create(dbms, folder.resolve("sandbox"), SandboxSize.LARGE);
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute((dbms == Dbms.ORACLE ? "delete from OSADMIN." : "delete from ")
                    + "OSSYS_EXTENSION_DBCONNECTION");
        }
        check(CliProcess.inProcess("plan", "--dbms", dbms.cliName(), "--out", folder.resolve("plan").toString()));
        Path runDir = folder.resolve("run");
        check(CliProcess.inProcess("run", "--run-dir", runDir.toString(), "--plan",
                folder.resolve("plan/plan.json").toString(), "--target", url, "--user", "sa", "--yes"));
        for (Step step : ProcedureCatalog.stepsFor(PlanJson.read(folder.resolve("plan/plan.json")))) {
            if (step.kind() == StepKind.CLONE) {
                check(CliProcess.inProcess("mark", "--run-dir", runDir.toString(), "--step", step.id(),
                        "--done-by-dba", "Bea DBA", "--note", "done"));
            } else if (step.kind() != StepKind.CLEANUP) {
                check(CliProcess.inProcess("mark", "--run-dir", runDir.toString(), "--step", step.id(), "--tick",
                        "--note", "done"));
            }
        }
        return runDir;
    }

    private static void check(CliProcess.Result result) {
        if (result.code() != 0) {
            throw new IllegalStateException(result.err());
        }
    }
}
