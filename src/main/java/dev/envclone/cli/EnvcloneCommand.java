package dev.envclone.cli;

import picocli.CommandLine.Command;

// Its subcommands are added by Subcommands, only the one the command line names.
@Command(name = "envclone", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Migrate an OutSystems 11 environment using a database clone (SQL Server or Oracle).",
            "Run with no arguments to open the wizard."},
        footer = {"", "Exit codes: 0 done, 1 failed, 2 bad input (nothing written or executed)."})
final class EnvcloneCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
