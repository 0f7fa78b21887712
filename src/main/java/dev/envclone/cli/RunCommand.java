package dev.envclone.cli;

import dev.envclone.db.CancelToken;
import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.db.TargetDatabaseException;
import dev.envclone.db.StepBlockedException;
import dev.envclone.db.StepFailedException;
import dev.envclone.db.StepPreview;
import dev.envclone.db.StepResult;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanJson;
import dev.envclone.procedure.Step;
import dev.envclone.run.FreeText;
import dev.envclone.run.GuardException;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunSession;
import dev.envclone.run.RunState;
import dev.envclone.run.StepState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
            "Exit codes: 0 done, 2 bad input, 3 refused by a guard, 4 a step failed and was rolled back."})
final class RunCommand implements Callable<Integer> {
    static final int REFUSED = Cli.REFUSED;
    static final int STEP_FAILED = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--run-dir", required = true, paramLabel = "DIR", description = "The run folder.")
    Path runDir;

    @Option(names = "--plan", paramLabel = "plan.json", description = "Start a new run from this plan.")
    Path plan;

    @Option(names = "--target", required = true, paramLabel = "JDBC-URL", description = "The restored database.")
    String target;

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "The environment variable holding the password (never on the command line).")
    String passwordEnv;

    @Option(names = "--source-fingerprint", paramLabel = "FP",
            description = "The source database's fingerprint; the run refuses a target that has it.")
    String sourceFingerprint;

    @Option(names = "--steps", paramLabel = "all|ID,...", split = ",", description = "Steps to run (default all).")
    List<String> steps;

    @Option(names = "--prepare-only", description = "Check, count and record; execute nothing (first stage).")
    boolean prepareOnly;

    @Option(names = "--yes", description = "Execute: confirms the target named in the output is the one to change.")
    boolean yes;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who runs it (default: the OS user).")
    String operator = System.getProperty("user.name");

    @Override
    public Integer call() throws Exception {
        if (!prepareOnly && !yes) {
            throw new ParameterException(spec.commandLine(), "nothing was executed: add --yes to execute the steps, "
                    + "or --prepare-only to check and count without changing anything");
        }
        // Before anything is connected or written: the engine refuses these too, later.
        FreeText.requireOneLine("--operator", operator);
        FreeText.requireOneLine("--source-fingerprint", sourceFingerprint);
        char[] password = password();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunFolder run;
        List<Step> chosen;
        if (plan != null) {
            MigrationPlan checked = PlanJson.read(plan);
            chosen = RunSession.cleanupSteps(checked, stepIds());
            run = RunFolder.create(runDir, checked, sourceFingerprint, JdbcUrlTarget.withoutSecrets(target),
                    operator, Clock.systemUTC());
        } else {
            run = RunFolder.open(runDir, Clock.systemUTC());
            chosen = RunSession.cleanupSteps(run.plan(), stepIds());
        }
        try (Connection connection = connect(password)) {
            RunSession session = new RunSession(run, connection, operator);
            String fingerprint = session.checkTarget(sourceFingerprint);
            out.println("Target: " + fingerprint);
            session.recover().forEach(line -> out.println("Recovered " + line));
            if (prepareOnly) {
                RunState state = run.state();
                for (Step step : chosen) {
                    if (!state.of(step.id()).finished()) {
                        StepPreview preview = session.preview(step);
                        String rows = preview.total() == 0 ? "nothing to do (the clone carries no rows for it)"
                                : preview.total() + " rows to change";
                        out.println(line(session, step, rows
                                + (preview.blockedBy() != null ? " (blocked: " + preview.blockedBy() + ")" : "")));
                    }
                }
                session.prepared();
                out.println("Prepared. Continue in the window with: envclone run --run-dir " + runDir
                        + " --target ... --yes");
                return Cli.OK;
            }
            // Continue: each step counts its rows again inside its own transaction (the pre-image), so the
            // counts recorded are those of the moment it runs, not of the prepare hours before.
            return execute(session, run, chosen, out, err);
        } catch (GuardException e) {
            err.println("envclone run: refused: " + e.getMessage());
            return REFUSED;
        } catch (TargetDatabaseException e) {
            err.println("envclone run: refused: " + e.getMessage() + " Nothing was executed.");
            return REFUSED;
        } catch (SQLException e) {
            err.println("envclone run: refused: cannot use the target " + JdbcUrlTarget.withoutSecrets(target)
                    + ": "
                    + e.getMessage().replace('\n', ' '));
            return REFUSED;
        }
    }

    private int execute(RunSession session, RunFolder run, List<Step> chosen, PrintWriter out, PrintWriter err)
            throws Exception {
        for (Step step : chosen) {
            StepState state = run.state().of(step.id());
            if (state.finished()) {
                out.println(line(session, step, state.label() + " already"));
                continue;
            }
            try {
                StepResult result = session.execute(step, new CancelToken(), (message, done, total) -> { });
                long changed = result.changed().stream().mapToLong(Integer::longValue).sum();
                out.println(line(session, step, "done, " + changed + " rows changed"));
            } catch (StepFailedException e) {
                err.println("envclone run: " + line(session, step, e.getMessage()));
                err.println("  statement: " + e.statement().replace('\n', ' '));
                return STEP_FAILED;
            } catch (StepBlockedException e) {
                err.println("envclone run: refused: " + line(session, step, "blocked: " + e.getMessage()));
                return REFUSED;
            }
        }
        out.println("All chosen steps are done. Journal: " + run.folder().resolve(RunFolder.JOURNAL));
        return Cli.OK;
    }

    private List<String> stepIds() {
        return steps == null || steps.equals(List.of("all")) ? null : steps;
    }

    private Connection connect(char[] password) throws SQLException {
        return JdbcUrlTarget.open(target, user, password);
    }

    private char[] password() {
        if (passwordEnv == null) {
            return null;
        }
        String value = System.getenv(passwordEnv);
        if (value == null) {
            throw new ParameterException(spec.commandLine(), "--password-env " + passwordEnv
                    + ": that environment variable is not set");
        }
        return value.toCharArray();
    }

    private static String line(RunSession session, Step step, String what) {
        return "Step " + session.number(step) + " " + step.id() + ": " + what;
    }
}
