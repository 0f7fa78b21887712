package dev.envclone.cli;

import dev.envclone.report.ReportVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a report's signature and, with --run-dir, that the run folder's journal and pre-image "
                + "files still match what the report says.",
            "Exit 0: valid. Exit 1: invalid, with the reason."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPORT.pdf", description = "The report to check.")
    Path report;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "The run folder the report was written from.")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(report)) {
            throw new ParameterException(spec.commandLine(), report + " does not exist");
        }
        ReportVerifier.Verdict verdict = ReportVerifier.verify(Files.readAllBytes(report), runDir);
        if (verdict.valid()) {
            verdict.lines().forEach(spec.commandLine().getOut()::println);
            spec.commandLine().getOut().println("valid");
            return Cli.OK;
        }
        spec.commandLine().getErr().println("envclone verify: invalid: " + String.join("; ", verdict.lines()));
        return Cli.FAILED;
    }
}
