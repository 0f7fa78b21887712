package dev.envclone.cli;

import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.run.FreeText;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.PostconditionCheck;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a run: every step's state, then its journal, entry by entry.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--run-dir", required = true, paramLabel = "DIR", description = "The run folder.")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RunFolder run = RunFolder.open(runDir, Clock.systemUTC());
        RunState state = run.state();
        List<Step> steps = ProcedureCatalog.stepsFor(run.plan());
        out.println("Run " + FreeText.escaped(runDir.toString()) + ": "
                + FreeText.quoted(run.plan().sourceEnvironment()) + " -> "
                + FreeText.quoted(run.plan().targetEnvironment()) + " (" + run.plan().dbms().displayName() + ")");
        for (int i = 0; i < steps.size(); i++) {
            JournalEntry checked = PostconditionCheck.last(run.journal().entries(), steps.get(i).id());
            out.printf("  %2d  %-14s %s%s%n", i + 1, state.of(steps.get(i).id()).label(), steps.get(i).title(),
                    checked == null ? "" : " [" + FreeText.escaped(PostconditionCheck.summary(checked)) + "]");
        }
        out.println();
        out.println("Journal (" + run.journal().entries().size() + " entries, last hash " + run.journal().lastHash()
                + "):");
        if (run.journal().hadTornTail()) {
            out.println("  (its last line was cut short by a crash while it was written; it is dropped before the next "
                    + "entry)");
        }
        if (run.journal().aheadOfHead()) {
            out.println("  (entry " + run.journal().entries().size() + " is not yet in journal.head: the process "
                    + "ended between the two writes, or the entry was added by hand; only a signed report tells)");
        }
        // Every value read from the journal is printed escaped, the free text quoted: an entry is one line, and no
        // text in it (a note, a name) can print as an entry of its own.
        for (JournalEntry entry : run.journal().entries()) {
            out.println("  #" + entry.seq() + " " + FreeText.escaped(entry.time()) + " " + entry.event()
                    + (entry.step() == null ? "" : " " + FreeText.escaped(entry.step())) + " by "
                    + FreeText.quoted(entry.operator()) + summary(entry));
        }
        return 0;
    }

    /**
     * The entry's totals, reasons and notes; the per-statement details (text, files, hashes, counts) stay in the
     * journal file, where the report reads them.
     */
    private static String summary(JournalEntry entry) {
        String details = entry.data().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("statement."))
                .map(e -> FreeText.escaped(e.getKey()) + "=" + FreeText.quoted(e.getValue()))
                .collect(Collectors.joining(", "));
        return details.isEmpty() ? "" : ": " + details;
    }
}
