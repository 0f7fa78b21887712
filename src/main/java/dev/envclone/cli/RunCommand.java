package dev.envclone.cli;

import dev.envclone.clone.CloneFailedException;
import dev.envclone.clone.CloneListener;
import dev.envclone.clone.CloneRoute;
import dev.envclone.clone.CloneRoutes;
import dev.envclone.clone.EnvironmentPasswords;
import dev.envclone.clone.Passwords;
import dev.envclone.db.CancelToken;
import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.db.TargetDatabaseException;
import dev.envclone.db.TargetLock;
import dev.envclone.db.TargetSession;
import dev.envclone.db.TargetUrl;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanJson;
import dev.envclone.procedure.SshSettings;
import dev.envclone.procedure.Step;
import dev.envclone.run.CloneSteps;
import dev.envclone.run.FreeText;
import dev.envclone.run.GuardException;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunFolderLock;
import dev.envclone.run.RunLoop;
import dev.envclone.run.RunSession;
import dev.envclone.run.TargetHold;
import dev.envclone.sql.RefusedTableException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the cleanup steps against the restored target, in two stages: prepare (check the "
                + "target, count what each step changes, record it) and continue (each step: pre-image, then its "
                + "statements in one transaction). Without --plan it resumes the run in --run-dir.",
            "With --source, the clone steps run first: the source is read (never changed) and copied onto the "
                + "target, which for the sandbox (an H2 --source) must not exist yet: the clone creates it. Without "
                + "--source the clone steps stay manual (done by DBA).",
            "Exit codes: 0 done, 2 bad input, 3 refused by a guard (the target is the source, the target file "
                + "exists, a fingerprint disagrees, a clone check), 4 a step failed (a cleanup step was rolled back; "
                + "a clone step failed or was cancelled and says what it left). Ctrl-C during the clone cancels it: "
                + "its partial file is removed before envclone ends."})
final class RunCommand implements Callable<Integer> {
    static final int REFUSED = Cli.REFUSED;
    static final int STEP_FAILED = 4;
    /** How a second process names this one when it is refused. */
    private static final String COMMAND = "envclone run";

    @Spec
    CommandSpec spec;

    @Option(names = "--run-dir", required = true, paramLabel = "DIR", description = "The run folder.")
    Path runDir;

    @Option(names = "--plan", paramLabel = "plan.json", description = "Start a new run from this plan.")
    Path plan;

    @Option(names = "--target", required = true, paramLabel = "JDBC-URL", description = "The restored database; "
            + "with --source, the clone's target (for the sandbox, a file the clone creates).")
    String target;

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "The environment variable holding the password (never on the command line).")
    String passwordEnv;

    @Option(names = "--source-fingerprint", paramLabel = "FP",
            description = "The source database's fingerprint; the run refuses a target that has it.")
    String sourceFingerprint;

    @Option(names = "--source", paramLabel = "JDBC-URL", description = "The source database: the clone steps "
            + "run first, reading it and never changing it (sandbox: the URL envclone sandbox create printed).")
    String source;

    @Option(names = "--source-user", paramLabel = "USER", description = "The source's login (sandbox: sa).")
    String sourceUser;

    @Option(names = "--source-password-env", paramLabel = "VAR",
            description = "The environment variable holding the source's password (never on the command line).")
    String sourcePasswordEnv;

    @Option(names = "--ssh", paramLabel = "USER@HOST[:PORT]", description = "Oracle: run Data Pump on the database "
            + "host over SSH, as this OS account.")
    String ssh;

    @Option(names = "--ssh-key", paramLabel = "FILE", description = "The private key for --ssh.")
    Path sshKey;

    @Option(names = "--ssh-known-hosts", paramLabel = "FILE",
            description = "The known_hosts file holding the host's key (default ~/.ssh/known_hosts).")
    Path sshKnownHosts;

    @Option(names = "--ssh-accept-host-key", paramLabel = "SHA256:...", description = "The SSH host key fingerprint "
            + "you checked and accept, as a refusal showed it: the host's key is then added to known_hosts (a "
            + "changed key is used for this run only).")
    String sshAcceptHostKey;

    @Option(names = "--steps", paramLabel = "all|ID,...", split = ",", description = "Steps to run (default all).")
    List<String> steps;

    @Option(names = "--prepare-only", description = "Check, count and record; execute nothing (first stage).")
    boolean prepareOnly;

    @Option(names = "--yes", description = "Execute: confirms the target named in the output is the one to change.")
    boolean yes;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who runs it (default: the OS user).")
    String operator = System.getProperty("user.name");

    /** Held from before the run folder is written or opened until the command ends. */
    private RunFolderLock folderLock;

    @Override
    public Integer call() throws Exception {
        try {
            return runHoldingTheFolder();
        } finally {
            if (folderLock != null) {
                folderLock.close();
            }
        }
    }

    private Integer runHoldingTheFolder() throws Exception {
        if (!prepareOnly && !yes) {
            throw new ParameterException(spec.commandLine(), "nothing was executed: add --yes to execute the steps, "
                    + "or --prepare-only to check and count without changing anything");
        }
        if (source == null) {
            TargetUrl.ofOption("--target", target); // a bad URL is exit 2 before any file is written
        }
        // Before anything is connected or written: the engine refuses these too, later.
        FreeText.requireOneLine("--operator", operator);
        FreeText.requireOneLine("--source-fingerprint", sourceFingerprint);
        SshSettings sshSettings = SshOption.parse(ssh, sshKey, sshKnownHosts);
        if (source == null) {
            if (sourceUser != null || sourcePasswordEnv != null || sshSettings != null) {
                throw new ParameterException(spec.commandLine(), (sourceUser != null ? "--source-user"
                        : sourcePasswordEnv != null ? "--source-password-env" : "--ssh") + " needs --source: give "
                        + "the source database's URL, or leave it out to run the cleanup only");
            }
        } else {
            if (prepareOnly) {
                throw new ParameterException(spec.commandLine(), "--prepare-only with --source: the clone makes the "
                        + "target the prepare would count in; run the clone with --yes, or leave out --source");
            }
            TargetUrl.ofOption("--source", source);
            TargetUrl.ofCloneTarget("--target", target);
        }
        char[] password = password(passwordEnv, "--password-env");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MigrationPlan given = plan == null ? null : readPlan();
        boolean resume = RunFolder.holdsRun(runDir);
        if (resume) {
            folderLock = RunFolderLock.forRun(runDir, COMMAND);
        } else {
            if (given == null) {
                // Refuses, saying what to do: no run here, or a run that never started.
                RunFolder.open(runDir, Clock.systemUTC());
            }
            RunFolder.checkNewFolder(runDir, "--run-dir");
            RunSession.cleanupSteps(given, stepIds()); // an unknown --steps id is refused before anything is made
        }
        // The plan says how the session is set up (DBMS, admin schema): a resumed run's is in its folder.
        RunFolder resumed = resume ? RunFolder.open(runDir, Clock.systemUTC()) : null;
        MigrationPlan planned = resume ? resumed.plan() : given;
        if (resume && given != null) {
            refuseAnotherPlan(resumed, given);
        }
        if (source != null) {
            try {
                Cloned cloned = clone(planned, given, resumed, password, out, err);
                if (cloned.exit() != null) {
                    return cloned.exit();
                }
                resumed = cloned.run();
                resume = true;
                sourceFingerprint = cloned.run().sourceFingerprint();
            } catch (CloneFailedException e) {
                err.println("envclone run: refused: " + e.getMessage() + " (" + e.left() + ")");
                return REFUSED;
            } catch (GuardException e) {
                err.println("envclone run: refused: " + e.getMessage());
                return REFUSED;
            }
        }
        try (TargetSession session = RunSession.openTarget(planned, target, user, password)) {
            if (!resume) {
                // The target lock and the guards first: a refused start leaves no run folder behind.
                try (TargetLock lock = TargetHold.acquire(given, runDir, session, COMMAND)) {
                    RunSession.checkNewTarget(session, given, sourceFingerprint);
                    folderLock = RunFolderLock.forNewRun(runDir, COMMAND);
                    RunFolder run = RunFolder.create(runDir, given, sourceFingerprint,
                            JdbcUrlTarget.withoutSecrets(target), operator, Clock.systemUTC());
                    TargetHold.recordWarning(run, lock, operator);
                    return runLoop(run, lock, session, out, err);
                }
            }
            try (TargetLock lock = TargetHold.hold(resumed, session, operator, COMMAND)) {
                return runLoop(resumed, lock, session, out, err);
            }
        } catch (GuardException e) {
            err.println("envclone run: refused: " + e.getMessage());
            return REFUSED;
        } catch (RefusedTableException e) {
            // From a preview (--prepare-only) or a postcondition: a table name read from the target failed its checks.
            err.println("envclone run: refused: " + e.getMessage());
            return REFUSED;
        } catch (TargetDatabaseException e) {
            err.println("envclone run: refused: " + e.getMessage() + " Nothing was executed.");
            return REFUSED;
        } catch (Exception e) {
            if (!TargetSession.fromDatabase(e)) {
                throw e;
            }
            err.println("envclone run: refused: cannot use the target " + JdbcUrlTarget.withoutSecrets(target)
                    + ": " + JdbcUrlTarget.withoutSecrets(e.getMessage()).replace('\n', ' '));
            return REFUSED;
        }
    }

    /** Open (guards, recovery, postconditions), then prepare or execute, as the engine's run loop does it. */
    private int runLoop(RunFolder run, TargetLock lock, TargetSession target, PrintWriter out, PrintWriter err)
            throws Exception {
        if (lock.warning() != null) {
            err.println("envclone run: warning: " + lock.warning());
        }
        List<Step> chosen = RunSession.cleanupSteps(run.plan(), stepIds());
        RunSession session = new RunSession(run, target, operator);
        RunLoop loop = new RunLoop(session, run);
        CancelToken cancel = new CancelToken();
        out.println("Target: " + loop.open(sourceFingerprint, cancel, out::println));
        if (prepareOnly) {
            loop.prepare(chosen, cancel, out::println);
            out.println("Prepared. Continue in the window with: envclone run --run-dir " + runDir
                    + " --target ... --yes");
            return Cli.OK;
        }
        // Continue: each step counts its rows again inside its own transaction (the pre-image), so the
        // counts recorded are those of the moment it runs, not of the prepare hours before.
        RunLoop.Result result = loop.execute(chosen, cancel, (message, done, total) -> { }, out::println);
        return switch (result.outcome()) {
            case DONE, PREPARED -> {
                out.println("All chosen steps are done and their effect is in the database. Journal: "
                        + run.folder().resolve(RunFolder.JOURNAL));
                yield Cli.OK;
            }
            case STEP_FAILED -> {
                err.println("envclone run: " + result.message());
                err.println("  statement: " + result.statement().replace('\n', ' '));
                yield STEP_FAILED;
            }
            case BLOCKED, REFUSED -> {
                err.println("envclone run: refused: " + result.message());
                yield REFUSED;
            }
            case EFFECT_MISSING -> {
                err.println("envclone run: " + result.message());
                yield STEP_FAILED;
            }
        };
    }

    /** The run folder after the clone steps, or the exit code they ended with. */
    private record Cloned(RunFolder run, Integer exit) {
    }

    /**
     * The clone steps, before the cleanup: the target must not be the source (by its address, before it exists),
     * the source's fingerprint is read from the source itself and must agree with one given or recorded, every
     * clone action's check passes before a new run folder is made, then each pending clone step runs, journaled.
     */
    private Cloned clone(MigrationPlan planned, MigrationPlan given, RunFolder resumed, char[] password,
                         PrintWriter out, PrintWriter err) throws Exception {
        CancelToken cancel = new CancelToken();
        char[] sourcePassword = password(sourcePasswordEnv, "--source-password-env");
        CloneRoutes.Source from = new CloneRoutes.Source(source, sourceUser, sourcePassword);
        CloneRoutes.Source onto = new CloneRoutes.Source(target, user, password);
        // --ssh on the command line, else the plan's SSH route (envclone plan --ssh).
        SshSettings sshSettings = ssh != null ? SshOption.parse(ssh, sshKey, sshKnownHosts)
                : planned.oracle() == null ? null : planned.oracle().ssh();
        Passwords passwords = new EnvironmentPasswords();
        RunFolder run = resumed;
        if (run == null) {
            // A refused start leaves nothing behind: every check before the run folder is made.
            try (CloneRoute route = CloneRoutes.open(planned, from, onto, runDir, sshSettings,
                    new CloneRoutes.Extras(java.time.Instant.now(), passwords, sshAcceptHostKey))) {
                CloneSteps.checkSourceFingerprint(route, sourceFingerprint, planned, null);
                CloneSteps.checkAll(route, cancel);
                folderLock = RunFolderLock.forNewRun(runDir, COMMAND);
                run = RunFolder.create(runDir, given, route.sourceFingerprint(),
                        JdbcUrlTarget.withoutSecrets(target), operator, Clock.systemUTC());
            }
        }
        // Opened for the run itself: the jobs and remote folders are named after the run's creation, so that a
        // resumed run finds those of its first start.
        try (CloneRoute route = CloneRoutes.open(planned, from, onto, runDir, sshSettings,
                new CloneRoutes.Extras(run.created(), passwords, sshAcceptHostKey))) {
            String fingerprint = route.sourceFingerprint();
            CloneSteps.checkSourceFingerprint(route, sourceFingerprint, planned, run);
            out.println("Source: " + fingerprint + " (" + route.name() + ")");
            CloneSteps.Result result;
            java.util.concurrent.CountDownLatch settled = new java.util.concurrent.CountDownLatch(1);
            // Ctrl-C during the clone: the action stops and removes its partial files before the JVM ends (it
            // then ends with the shell's interrupt status; the journal records the cancel).
            Thread onInterrupt = new Thread(() -> {
                cancel.cancel();
                try {
                    settled.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "envclone-cancel");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                result = new CloneSteps(run, route, operator).run(cancel, new CloneLines(out), out::println);
            } finally {
                settled.countDown();
                removeHook(onInterrupt);
            }
            return switch (result.outcome()) {
                case DONE -> new Cloned(run, null);
                case REFUSED -> {
                    err.println("envclone run: refused: " + result.message() + " (" + result.left() + ")");
                    yield new Cloned(run, REFUSED);
                }
                case FAILED, CANCELLED -> {
                    err.println("envclone run: " + result.message());
                    err.println("  left: " + result.left());
                    yield new Cloned(run, STEP_FAILED);
                }
            };
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs, and the run stops at the cancel.
        }
    }

    /** The clone's progress for the terminal: each tenth of the way, and the server's or tool's log lines. */
    private static final class CloneLines implements CloneListener {
        private final PrintWriter out;
        private int tenths = -1;

        CloneLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void progress(String message, int done, int total) {
            if (total <= 0) {
                return;
            }
            int now = (int) Math.min(10, (long) done * 10 / total);
            if (done == 0 || now > tenths) {
                tenths = done == 0 ? 0 : now;
                out.println("  " + (long) done * 100 / total + " %  " + message);
                out.flush();
            }
        }

        @Override
        public synchronized void logLine(String line) {
            out.println("  | " + line);
            out.flush();
        }
    }

    /** The same command again resumes the run; a different plan for the same folder is refused with what differs. */
    private void refuseAnotherPlan(RunFolder run, MigrationPlan given) throws java.io.IOException {
        List<String> differences = run.planDifferences(given);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("--run-dir " + runDir + " holds a run of another plan than --plan "
                    + plan + " (" + String.join("; ", differences) + "): leave out --plan to resume that run, or "
                    + "give another --run-dir for this plan");
        }
    }

    private MigrationPlan readPlan() throws java.io.IOException {
        if (!Files.isRegularFile(plan)) {
            throw new IllegalArgumentException("--plan " + plan + ": no such file: give the plan.json that "
                    + "envclone plan wrote");
        }
        try {
            return PlanJson.read(plan);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IllegalArgumentException("--plan " + plan + ": cannot be read (access denied): check the "
                    + "file's permissions");
        }
    }

    private List<String> stepIds() {
        return steps == null || steps.equals(List.of("all")) ? null : steps;
    }

    private char[] password(String variable, String option) {
        if (variable == null) {
            return null;
        }
        String value = System.getenv(variable);
        if (value == null) {
            throw new ParameterException(spec.commandLine(), option + " " + variable
                    + ": that environment variable is not set");
        }
        return value.toCharArray();
    }

}
