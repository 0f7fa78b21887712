package dev.envclone;

import dev.envclone.cli.Cli;
import dev.envclone.log.LogProvider;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * envclone's entry point: arguments go to the command line, none opens the wizard. The command line never loads
 * JavaFX: the wizard's classes are reached only on the no-argument path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Before anything logs: SLF4J is told its binding instead of searching every jar for one.
        LogProvider.choose();
        if (args.length == 0) {
            dev.envclone.ui.WizardLauncher.launch(args);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        // An Error out of a command, or a failure on another thread: logged, and one line naming the log file.
        Thread.setDefaultUncaughtExceptionHandler(Cli.uncaught(err));
        System.exit(Cli.main(args, out, err));
    }
}
