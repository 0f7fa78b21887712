package dev.envclone.cli;

import dev.envclone.db.UrlSecrets;
import dev.envclone.files.FileWriteException;
import dev.envclone.log.LogFile;
import dev.envclone.log.Uncaught;
import dev.envclone.procedure.PlanException;
import dev.envclone.run.GuardException;
import dev.envclone.run.JournalException;
import dev.envclone.sql.InvalidNameException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs the envclone command line. Exit codes: 0 done; 1 an unexpected failure (the message says which file or
 * resource); 2 bad input, with a one-line message naming what is wrong and nothing written or executed; 3 refused
 * by a guard (the target, an edited run folder); 4 a step failed and was rolled back ({@code run}), or a valid
 * report whose signer is not trusted ({@code verify}).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int REFUSED = 3;
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    /**
     * What the process does with an error no command caught (an Error, a failure on another thread): the whole
     * chain into the log file, one line on {@code err} naming it. Main installs it before the command runs.
     */
    public static Thread.UncaughtExceptionHandler uncaught(PrintWriter err) {
        return new Uncaught(message -> {
            err.println("envclone: " + oneLine(message));
            err.flush();
        });
    }

    /**
     * The process's command line: {@link #run}, or a {@code run} started again with a heap cap when plain
     * {@code java -jar} gave it none ({@link HeapCap}).
     */
    public static int main(String[] args, PrintWriter out, PrintWriter err) {
        HeapCap.endWithTheFirstProcess();
        Optional<List<String>> capped = HeapCap.relaunch(args);
        if (capped.isEmpty()) {
            return run(args, out, err);
        }
        LOG.info("envclone run started again with {}: this JVM was given no heap cap", HeapCap.OPTIONS);
        try {
            return HeapCap.run(capped.get());
        } catch (IOException e) {
            LOG.warn("envclone run could not be started again with a heap cap; it runs in place", e);
            return run(args, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    public static int run(String[] args, PrintWriter out, PrintWriter given) {
        // Every line the operator is told on standard error (a refusal, a failed step) is also in the log.
        PrintWriter err = new PrintWriter(new LoggedLines(given), true);
        String command = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        LOG.info("envclone {} started: {}", command, Arrays.stream(args).map(UrlSecrets::mask)
                .collect(Collectors.joining(" ")));
        int code = execute(args, out, err);
        LOG.info("envclone {} ended with exit code {}", command, code);
        return code;
    }

    private static int execute(String[] args, PrintWriter out, PrintWriter err) {
        // Picocli looks for Groovy's Closure class unless told not to; a class that is not there is looked for in
        // every jar on the class path, which opens them all (about 45 ms, decision 0026). envclone has no Groovy.
        System.setProperty("picocli.disable.closures", "true");
        // Subcommands first: the settings below reach the subcommands the root has when they are made.
        CommandLine commandLine = Subcommands.addTo(new CommandLine(new EnvcloneCommand()), args)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err);
        // A class, not two lambdas: picocli's handler interfaces are Java 5 class files, which the class-data-sharing
        // archive keeps only if nothing links them while it is made, and a lambda's proxy is made (and links its
        // interface) then. Outside the archive they are read from picocli's jar, which opens every jar before it.
        Failures failures = new Failures(err);
        commandLine.setParameterExceptionHandler(failures);
        commandLine.setExecutionExceptionHandler(failures);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** What the operator is told when picocli rejects the arguments, or a command stops on an exception. */
    private static final class Failures implements CommandLine.IParameterExceptionHandler,
            CommandLine.IExecutionExceptionHandler {
        private final PrintWriter err;

        Failures(PrintWriter err) {
            this.err = err;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] arguments) {
            err.println(prefix(e.getCommandLine()) + oneLine(e.getMessage()));
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
            LOG.warn("{} stopped on {}", cmd.getCommandSpec().qualifiedName(), e.getClass().getName(), e);
            if (e instanceof JournalException || e instanceof GuardException) {
                // An edited run folder, or one another process holds, is refused by every command that opens it,
                // in the same words.
                err.println(prefix(cmd) + "refused: " + oneLine(e.getMessage()));
                return REFUSED;
            }
            if (e instanceof PlanException || e instanceof InvalidNameException
                    || e instanceof IllegalArgumentException) {
                err.println(prefix(cmd) + oneLine(e.getMessage()));
                return BAD_INPUT;
            }
            if (e instanceof IOException io) {
                // The message names the file and what envclone was doing; a class name would only add noise.
                err.println(prefix(cmd) + oneLine(FileWriteException.describe(io)));
                return FAILED;
            }
            err.println(prefix(cmd) + oneLine(String.valueOf(e.getMessage())) + " (" + e.getClass().getSimpleName()
                    + "); " + LogFile.details());
            return FAILED;
        }
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }

    /**
     * Messages can quote a user's value with a line break in it; the report stays one line. A URL or driver message
     * quoted in it loses its secrets (a URL with a password is refused before use; this is the defence behind it).
     */
    static String oneLine(String message) {
        return UrlSecrets.mask(message).replace("\r", "\\r").replace("\n", "\\n");
    }
}
