package dev.envclone.bench;

import dev.envclone.db.TargetSession;
import dev.envclone.cli.CliProcess;
import dev.envclone.db.CleanupStatements;
import dev.envclone.procedure.CleanupContext;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import dev.envclone.sql.RowChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

/**
 * A full run of a large sandbox, in its two stages (prepare: guards and previews; continue: guards, pre-images,
 * the statements, the journal), against the same statements run bare over JDBC on an identical sandbox, one commit
 * per step. Goal: the run in the window (continue) at most 2x the bare statements.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.envclone.bench.RunBenchmark -Dexec.args="sqlserver 3"</pre>
 */
public final class RunBenchmark {
    private RunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Dbms dbms = args.length > 0 ? Dbms.valueOf(args[0].toUpperCase(java.util.Locale.ROOT)) : Dbms.SQLSERVER;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path folder = Files.createTempDirectory("envclone-bench");
        CliProcess.inProcess("plan", "--dbms", dbms.cliName(), "--out", folder.resolve("plan").toString());
        for (int round = 1; round <= rounds; round++) {
            String envclone = sandbox(dbms, folder.resolve("a" + round));
            String bare = sandbox(dbms, folder.resolve("b" + round));
            long startBare = System.nanoTime();
            bareJdbc(dbms, bare);
            double bareSeconds = (System.nanoTime() - startBare) / 1e9;
            String runDir = folder.resolve("run" + round).toString();
            long start = System.nanoTime();
            check(CliProcess.inProcess("run", "--run-dir", runDir, "--plan", folder.resolve("plan/plan.json")
                    .toString(), "--target", envclone, "--user", "sa", "--prepare-only"));
            double prepareSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            check(CliProcess.inProcess("run", "--run-dir", runDir, "--target", envclone, "--user", "sa", "--yes"));
            double continueSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d (%s, large): bare JDBC %.2f s; envclone prepare %.2f s, continue %.2f s; "
                            + "ratio continue/bare %.2f, (prepare+continue)/bare %.2f%n", round, dbms.cliName(),
                    bareSeconds, prepareSeconds, continueSeconds, continueSeconds / bareSeconds,
                    (prepareSeconds + continueSeconds) / bareSeconds);
        }
    }

    private static void check(CliProcess.Result result) {
        if (result.code() != 0) {
            throw new IllegalStateException(result.err());
        }
    }

    private static String sandbox(Dbms dbms, Path path) throws Exception {
        String url = Sandbox.create(dbms, path, SandboxSize.LARGE);
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            // The operator has unmapped the extensions, so that every cleanup step runs.
            statement.execute((dbms == Dbms.ORACLE ? "delete from OSADMIN." : "delete from ")
                    + "OSSYS_EXTENSION_DBCONNECTION");
        }
        return url;
    }

    /** The statements envclone would run, and nothing else: no preview, no pre-image, no journal. */
    private static void bareJdbc(Dbms dbms, String url) throws Exception {
        Dialect dialect = Dialect.of(dbms);
        List<Step> steps = ProcedureCatalog.cleanupSteps(new PlanBuilder(dbms).build());
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.setAutoCommit(false);
            TargetSession.on(connection, dialect, "OSADMIN");
            for (Step step : steps) {
                List<RowChange> statements = CleanupStatements.resolve(connection, dialect,
                        step.cleanup().statementsFor(new CleanupContext(dialect, "OSADMIN")));
                try (Statement statement = connection.createStatement()) {
                    for (RowChange change : statements) {
                        statement.executeUpdate(change.sql());
                    }
                }
                connection.commit();
            }
        }
    }
}
