package dev.envclone.cli;

import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.db.TargetInspection;
import dev.envclone.db.TargetProbe;
import dev.envclone.db.TargetSession;
import dev.envclone.db.TargetUrl;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.NameRule;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "fingerprint", mixinStandardHelpOptions = true,
        description = {"Print a database's fingerprint (server, database, creation date or identity), reading only.",
            "Take the source's before the window and give it to plan or run as --source-fingerprint."})
final class FingerprintCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "JDBC-URL", description = "The database.")
    String target;

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "The environment variable with the password.")
    String passwordEnv;

    @Option(names = "--dbms", paramLabel = "sqlserver|oracle", description = "Oracle: use the admin schema named by "
            + "--schema.")
    Dbms dbms;

    @Option(names = "--schema", paramLabel = "NAME", description = "Oracle: the platform admin schema.")
    String schema;

    @Override
    public Integer call() throws Exception {
        TargetUrl.ofOption("--target", target);
        String password = passwordEnv == null ? "" : System.getenv(passwordEnv);
        if (password == null) {
            throw new ParameterException(spec.commandLine(), "--password-env " + passwordEnv + " is not set");
        }
        Dbms chosen = dbms;
        if (chosen == null && schema != null) {
            chosen = Dbms.ORACLE; // --schema names an Oracle schema (SQL Server has none to set): it implies Oracle
        } else if (chosen == null) {
            chosen = Dbms.SQLSERVER;
        }
        String admin = switch (chosen) {
            case SQLSERVER -> {
                if (schema != null) {
                    throw new ParameterException(spec.commandLine(), "--schema names the Oracle admin schema: "
                            + "leave it out with --dbms sqlserver (the URL names the catalog)");
                }
                yield null;
            }
            case ORACLE -> schema == null ? null : NameRule.ORACLE_IDENTIFIER.check("schema", schema);
        };
        try {
            TargetInspection.Facts facts = TargetProbe.inspect(target, user, password.toCharArray(), chosen, admin)
                    .facts();
            if (!facts.platformDatabase()) {
                spec.commandLine().getErr().println("envclone fingerprint: note: no OutSystems platform tables here");
            }
            spec.commandLine().getOut().println(facts.fingerprint());
            return Cli.OK;
        } catch (Exception e) {
            if (!TargetSession.fromDatabase(e)) {
                throw e;
            }
            spec.commandLine().getErr().println("envclone fingerprint: cannot read "
                    + JdbcUrlTarget.withoutSecrets(target) + ": " + Cli.oneLine(e.getMessage()));
            return RunCommand.REFUSED;
        }
    }
}
