package dev.envclone.bench;

import dev.envclone.clone.CloneListener;
import dev.envclone.clone.CloneRoute;
import dev.envclone.clone.CloneRoutes;
import dev.envclone.db.CancelToken;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.run.CloneSteps;
import dev.envclone.run.RunFolder;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The sandbox clone of a {@code large} sandbox (envclone: the route opened, every clone step journaled with its
 * progress, the target extracted under a temporary name and moved into place) against H2's own copy of the same
 * file run bare: the source opened read-only, {@code BACKUP TO} a zip, the database file extracted from it, and
 * nothing else. The two run in pairs, in alternating order, so that neither always finds the source in the page
 * cache first; the first pair warms up and is not counted. Goal: envclone at most 1.2x the bare copy.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.envclone.bench.CloneBenchmark -Dexec.args="sqlserver 5"</pre>
 */
public final class CloneBenchmark {
    private CloneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Dbms dbms = args.length > 0 ? Dbms.valueOf(args[0].toUpperCase(Locale.ROOT)) : Dbms.SQLSERVER;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path folder = Files.createTempDirectory("envclone-clone-bench");
        String source = Sandbox.create(dbms, folder.resolve("prod"), SandboxSize.LARGE);
        Path sourceFile = folder.resolve("prod.mv.db");
        System.out.printf("source: large %s sandbox, %.1f MB%n", dbms.cliName(), Files.size(sourceFile) / 1048576.0);
        MigrationPlan plan = new PlanBuilder(dbms).build();
        List<Double> ratios = new ArrayList<>();
        for (int pair = 1; pair <= pairs; pair++) {
            double bare;
            double envclone;
            if (pair % 2 == 1) {
                bare = bare(sourceFile, folder.resolve("bare" + pair));
                envclone = envclone(plan, dbms, source, folder, pair);
            } else {
                envclone = envclone(plan, dbms, source, folder, pair);
                bare = bare(sourceFile, folder.resolve("bare" + pair));
            }
            if (pair > 1) {
                ratios.add(envclone / bare); // the first pair warms up: classes loaded, files first created
            }
            System.out.printf(Locale.ROOT, "pair %d (%s first): bare H2 copy %.2f s, envclone clone steps %.2f s, "
                    + "ratio %.2f%n", pair, pair % 2 == 1 ? "bare" : "envclone", bare, envclone, envclone / bare);
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "ratios from pair 2 on %s; median %.2f (goal <= 1.2)%n", ratios.stream()
                .map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(), sorted.get(sorted.size() / 2));
    }

    /**
     * envclone's clone steps into a new target, in a new run folder: the route opened (the source read-only, its
     * fingerprint, the checks), each step journaled, the target moved into place; the making of the run folder
     * itself is not counted.
     */
    private static double envclone(MigrationPlan plan, Dbms dbms, String source, Path folder, int pair)
            throws Exception {
        String target = Sandbox.url(dbms, folder.resolve("qa" + pair));
        Path runDir = folder.resolve("run" + pair);
        long start = System.nanoTime();
        long made;
        try (CloneRoute route = CloneRoutes.open(plan, new CloneRoutes.Source(source, "sa", null), target, runDir,
                null)) {
            long opened = System.nanoTime();
            // Not counted: a run makes its folder (plan, scripts, checklist) with or without a clone.
            RunFolder run = RunFolder.create(runDir, plan, route.sourceFingerprint(), target, "bench",
                    Clock.systemUTC());
            long created = System.nanoTime();
            made = created - opened;
            CloneSteps.Result result = new CloneSteps(run, route, "bench").run(new CancelToken(), CloneListener.NONE,
                    line -> { });
            if (result.outcome() != CloneSteps.Outcome.DONE) {
                throw new IllegalStateException(result.toString());
            }
            System.out.println("  " + run.journal().entries().size() + " journal entries; the actions: "
                    + run.journal().entries().stream().filter(e -> e.get("millis") != null)
                    .map(e -> e.step() + " " + e.get("millis") + " ms").toList() + "; the steps in all "
                    + (System.nanoTime() - created) / 1_000_000 + " ms");
        }
        return (System.nanoTime() - start - made) / 1e9;
    }

    /** The same H2 mechanism, bare: BACKUP TO on the source opened read-only, then the file out of the zip. */
    private static double bare(Path sourceFile, Path target) throws Exception {
        String base = sourceFile.toString().substring(0, sourceFile.toString().length() - ".mv.db".length());
        Path zip = Path.of(target + ".zip");
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + base
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE", "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + zip + "'");
        }
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry = entries.getNextEntry();
            Files.copy(entries, Path.of(target + ".mv.db"));
            if (entry == null) {
                throw new IllegalStateException("empty backup");
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
