package dev.envclone.cli;

import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sandbox", mixinStandardHelpOptions = true, subcommands = SandboxCommand.Create.class,
        description = "The rehearsal database: an H2 file shaped like a restored platform database.")
final class SandboxCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a rehearsal database with rows for every cleanup step.",
                "The last line printed is the JDBC URL to pass as --target (user sa, empty password)."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dbms", required = true, paramLabel = "sqlserver|oracle", description = "The DBMS to imitate.")
        Dbms dbms;

        @Option(names = "--db", required = true, paramLabel = "PATH",
                description = "The database file, without .mv.db; it must not exist yet.")
        Path db;

        @Option(names = "--size", paramLabel = "small|large", description = "small (default) or large "
                + "(5,000 modules, 200,000 site properties).")
        SandboxSize size = SandboxSize.SMALL;

        @Override
        public Integer call() throws Exception {
            Sandbox.checkPath("--db", db);
            String url = Sandbox.create(dbms, db, size);
            spec.commandLine().getOut().println("Created a " + size.name().toLowerCase(java.util.Locale.ROOT) + " "
                    + dbms.displayName() + " rehearsal database at " + db.toAbsolutePath().normalize() + ".mv.db"
                    + switch (dbms) {
                        case SQLSERVER -> "";
                        case ORACLE -> " (platform schema " + Sandbox.ORACLE_SCHEMA + ")";
                    } + ".");
            spec.commandLine().getOut().println(url);
            return Cli.OK;
        }
    }
}
