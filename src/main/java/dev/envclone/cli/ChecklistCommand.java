package dev.envclone.cli;

import dev.envclone.procedure.PlanJson;
import dev.envclone.report.ChecklistPdf;
import dev.envclone.report.PaperSize;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "checklist", mixinStandardHelpOptions = true,
        description = "Write the printable checklist of a plan: every step, manual ones included, with a box to "
                + "tick and lines for who did it, when, and a note.")
final class ChecklistCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--plan", required = true, paramLabel = "plan.json", description = "The plan (envclone plan).")
    Path plan;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "The checklist to write.")
    Path out;

    @Option(names = "--paper", paramLabel = "A4|LETTER", description = "Paper size (default: ${DEFAULT-VALUE}).")
    PaperSize paper = PaperSize.A4;

    @Override
    public Integer call() throws Exception {
        if (!java.nio.file.Files.isRegularFile(plan)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--plan " + plan
                    + " is not a plan file: write one with envclone plan");
        }
        ReportFiles.refuseExisting(spec, out);
        byte[] pdf = ChecklistPdf.blank(PlanJson.read(plan), paper, Instant.now());
        ReportFiles.write(out, pdf, "checklist");
        spec.commandLine().getOut().println("Wrote " + out + ": print it and keep it beside the keyboard.");
        return Cli.OK;
    }
}
