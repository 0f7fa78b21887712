package dev.envclone.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The run's target and how to log in to it, for the commands that open an existing run's target (restore, check):
 * the password only through an environment variable, never on the command line.
 */
final class TargetLogin {
    @Option(names = "--target", required = true, paramLabel = "JDBC-URL", description = "The run's target.")
    String target;

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "The environment variable holding the password (never on the command line).")
    String passwordEnv;

    /** The password the variable holds, or null without --password-env; bad input when it is not set. */
    char[] password(CommandSpec spec) {
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
}
