package dev.envclone.cli;

import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.db.TargetInspection;
import dev.envclone.db.TargetUrl;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
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
        try (Connection connection = JdbcUrlTarget.open(target, user, password.toCharArray())) {
            connection.setReadOnly(true);
            if (schema != null) {
                connection.setSchema(dev.envclone.sql.NameRule.ORACLE_IDENTIFIER.check("schema", schema));
            }
            TargetInspection.Facts facts = TargetInspection.inspect(connection, Dialect.of(
                    dbms == null ? Dbms.SQLSERVER : dbms));
            if (!facts.platformDatabase()) {
                spec.commandLine().getErr().println("envclone fingerprint: note: no OutSystems platform tables here");
            }
            spec.commandLine().getOut().println(facts.fingerprint());
            return Cli.OK;
        } catch (SQLException e) {
            spec.commandLine().getErr().println("envclone fingerprint: cannot read "
                    + JdbcUrlTarget.withoutSecrets(target) + ": " + Cli.oneLine(e.getMessage()));
            return RunCommand.REFUSED;
        }
    }
}
