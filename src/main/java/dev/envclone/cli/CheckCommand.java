package dev.envclone.cli;

import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.db.TargetSession;
import dev.envclone.db.TargetUrl;
import dev.envclone.run.AfterInstallCheck;
import dev.envclone.run.FreeText;
import dev.envclone.run.GuardException;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunFolderLock;
import dev.envclone.run.RunSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"After the install: read-only checks that the target came back as itself, against the "
                + "source's rows in the run's pre-images (new security keys, its own front-ends, no zone or LifeTime "
                + "row of the source, the database connections defined again, the version parameters, the "
                + "catalogs' credentials). Before the install it says which checks cannot pass yet.",
            "Exit codes: 0 every check ok, 2 bad input, 3 refused (another target), 4 a warning or a check that "
                + "cannot pass yet, 5 a check failed (the source's state is in the target)."})
final class CheckCommand implements Callable<Integer> {
    static final int WARNINGS = 4;
    static final int FAILED = 5;
    private static final String COMMAND = "envclone check";

    @Spec
    CommandSpec spec;

    @Option(names = "--run-dir", required = true, paramLabel = "DIR", description = "The run folder.")
    Path runDir;

    @Mixin
    TargetLogin login;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who checks (default: the OS user).")
    String operator = System.getProperty("user.name");

    @Override
    public Integer call() throws Exception {
        TargetUrl.ofOption("--target", login.target);
        FreeText.requireOneLine("--operator", operator);
        char[] password = login.password(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RunFolderLock lock = RunFolderLock.forRun(runDir, COMMAND)) {
            RunFolder run = RunFolder.open(runDir, Clock.systemUTC());
            try (TargetSession session = RunSession.openTarget(run.plan(), login.target, login.user, password)) {
                out.println("Target: " + new RunSession(run, session, operator).checkTarget(null));
                List<AfterInstallCheck.Finding> findings = new AfterInstallCheck(run, session)
                        .checkAndRecord(operator);
                for (AfterInstallCheck.Finding finding : findings) {
                    out.println(finding.outcome().label() + ": " + finding.check() + ": " + finding.detail());
                }
                return switch (AfterInstallCheck.worst(findings)) {
                    case OK -> Cli.OK;
                    case NOT_YET, WARNING -> WARNINGS;
                    case FAILED -> FAILED;
                };
            } catch (GuardException e) {
                err.println("envclone check: refused: " + e.getMessage());
                return Cli.REFUSED;
            } catch (Exception e) {
                if (!TargetSession.fromDatabase(e)) {
                    throw e;
                }
                err.println("envclone check: cannot use the target " + JdbcUrlTarget.withoutSecrets(login.target)
                        + ": " + JdbcUrlTarget.withoutSecrets(e.getMessage()).replace('\n', ' '));
                return Cli.REFUSED;
            }
        }
    }
}
