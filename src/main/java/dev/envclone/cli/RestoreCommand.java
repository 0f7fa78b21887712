package dev.envclone.cli;

import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.db.TargetDatabaseException;
import dev.envclone.db.TargetLock;
import dev.envclone.db.TargetSession;
import dev.envclone.db.TargetUrl;
import dev.envclone.run.FreeText;
import dev.envclone.run.GuardException;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunFolderLock;
import dev.envclone.run.RunSession;
import dev.envclone.run.StepRestore;
import dev.envclone.run.TargetHold;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Put back the rows executed cleanup steps changed, from their pre-images: deleted rows "
                + "inserted again, updated rows set back, in one transaction, the later step first. Only on the "
                + "run's own target, and only while the rows are as the steps left them. The step is pending "
                + "afterwards: envclone run executes it again.",
            "Exit codes: 0 restored, 2 bad input, 3 refused (not executed by envclone, another target, rows "
                + "changed since, a pre-image changed; nothing was restored)."})
final class RestoreCommand implements Callable<Integer> {
    private static final String COMMAND = "envclone restore";

    @Spec
    CommandSpec spec;

    @Option(names = "--run-dir", required = true, paramLabel = "DIR", description = "The run folder.")
    Path runDir;

    @Option(names = "--step", required = true, paramLabel = "ID[,ID...]", split = ",",
            description = "The executed steps to restore.")
    List<String> steps;

    @Mixin
    TargetLogin login;

    @Option(names = "--yes", description = "Restore: confirms the target named in the output is the one to change.")
    boolean yes;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who restores (default: the OS user).")
    String operator = System.getProperty("user.name");

    @Override
    public Integer call() throws Exception {
        if (!yes) {
            throw new ParameterException(spec.commandLine(), "nothing was restored: add --yes to put the rows of "
                    + String.join(", ", steps) + " back on the target");
        }
        TargetUrl.ofOption("--target", login.target);
        FreeText.requireOneLine("--operator", operator);
        char[] password = login.password(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RunFolderLock folderLock = RunFolderLock.forRun(runDir, COMMAND)) {
            RunFolder run = RunFolder.open(runDir, Clock.systemUTC());
            try (TargetSession session = RunSession.openTarget(run.plan(), login.target, login.user, password);
                 TargetLock lock = TargetHold.hold(run, session, operator, COMMAND)) {
                if (lock.warning() != null) {
                    err.println("envclone restore: warning: " + lock.warning());
                }
                out.println("Target: " + JdbcUrlTarget.withoutSecrets(login.target));
                for (StepRestore.Restored restored : new StepRestore(run, session, operator).restore(steps)) {
                    out.println(restored.step() + ": " + restored.total() + " rows put back from attempt "
                            + restored.attempt() + "; its pre-image queries select the saved rows again. It is "
                            + "pending: envclone run executes it again.");
                }
                return Cli.OK;
            } catch (GuardException e) {
                err.println("envclone restore: refused: " + e.getMessage());
                return Cli.REFUSED;
            } catch (TargetDatabaseException e) {
                err.println("envclone restore: refused: " + e.getMessage() + " Nothing was restored.");
                return Cli.REFUSED;
            } catch (Exception e) {
                if (!TargetSession.fromDatabase(e)) {
                    throw e;
                }
                err.println("envclone restore: refused: cannot use the target "
                        + JdbcUrlTarget.withoutSecrets(login.target) + ": "
                        + JdbcUrlTarget.withoutSecrets(e.getMessage()).replace('\n', ' '));
                return Cli.REFUSED;
            }
        }
    }
}
