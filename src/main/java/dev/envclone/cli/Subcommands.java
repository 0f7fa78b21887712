package dev.envclone.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * envclone's subcommands by name, each built only when the command line asks for it. Picocli builds every
 * subcommand it is given before it parses a word: their option fields' types are loaded and their initialisers run,
 * and with them the report's BouncyCastle (whose signed jars the JVM then verifies) and the run's engine classes,
 * which made a two-line {@code envclone plan} about three times slower than its own work. So a command line that
 * names a subcommand gets that one only; any other (no subcommand, {@code --help}, a misspelt name) gets all of
 * them, in the order {@code --help} lists them, so picocli's help and its "did you mean" stay as they were.
 */
final class Subcommands {
    static final List<String> NAMES = List.of("plan", "sandbox", "fingerprint", "run", "mark", "status", "restore",
            "check", "report", "verify", "checklist");

    private Subcommands() {
    }

    /** Adds to {@code root} the subcommand {@code args} names, or every one when it names none of them. */
    static CommandLine addTo(CommandLine root, String[] args) {
        List<String> wanted = named(args).map(List::of).orElse(NAMES);
        wanted.forEach(name -> root.addSubcommand(name, create(name)));
        return root;
    }

    /** The subcommand's name: the first word that is not an option (envclone's own options take no value). */
    static Optional<String> named(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return NAMES.contains(arg) ? Optional.of(arg) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    // A switch, not a map of constructor references: a reference is linked, and its class loaded, when the map is
    // made; a case is reached only for the name asked for.
    private static Object create(String name) {
        return switch (name) {
            case "plan" -> new PlanCommand();
            case "sandbox" -> new SandboxCommand();
            case "fingerprint" -> new FingerprintCommand();
            case "run" -> new RunCommand();
            case "mark" -> new MarkCommand();
            case "status" -> new StatusCommand();
            case "restore" -> new RestoreCommand();
            case "check" -> new CheckCommand();
            case "report" -> new ReportCommand();
            case "verify" -> new VerifyCommand();
            case "checklist" -> new ChecklistCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }
}
