package dev.envclone.cli;

import dev.envclone.run.RunFolder;
import dev.envclone.run.RunFolderLock;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "mark", mixinStandardHelpOptions = true,
        description = {"Record in a run's journal what was done outside envclone: a step skipped (with the reason), "
                + "done by a DBA (name and note), or a manual step ticked off.",
            "A tick is for manual and Configuration Tool steps; done by a DBA for cleanup and clone steps; a skip for "
                + "cleanup, clone and manual steps. Names, notes and reasons are one line of printable text."})
final class MarkCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--run-dir", required = true, paramLabel = "DIR", description = "The run folder.")
    Path runDir;

    @Option(names = "--step", required = true, paramLabel = "ID", description = "The step (envclone status).")
    String step;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--skip", paramLabel = "REASON",
                description = "Skip the step (cleanup, clone or manual), for this reason.")
        String skipReason;

        @Option(names = "--done-by-dba", paramLabel = "NAME",
                description = "The DBA who did the step (cleanup or clone) by hand.")
        String dba;

        @Option(names = "--tick", description = "The manual or Configuration Tool step is done.")
        boolean tick;
    }

    @Option(names = "--note", paramLabel = "TEXT", description = "A note kept with the entry.")
    String note;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who records it (default: the OS user).")
    String operator = System.getProperty("user.name");

    @Override
    public Integer call() throws Exception {
        try (RunFolderLock held = RunFolderLock.forRun(runDir, "envclone mark")) {
            RunFolder run = RunFolder.open(runDir, Clock.systemUTC());
            if (what.skipReason != null) {
                run.skip(step, what.skipReason, operator);
            } else if (what.dba != null) {
                run.doneByDba(step, what.dba, note, operator);
            } else {
                run.tick(step, note, operator);
            }
            spec.commandLine().getOut().println("Step " + step + ": " + run.state().of(step).label() + ".");
            return Cli.OK;
        }
    }
}
