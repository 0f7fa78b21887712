package dev.envclone.cli;

import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.db.TargetInspection;
import dev.envclone.db.TargetProbe;
import dev.envclone.db.TargetSession;
import dev.envclone.db.TargetUrl;
import dev.envclone.run.RunFolder;
import dev.envclone.run.RunFolderLock;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.NameRule;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "fingerprint", mixinStandardHelpOptions = true,
        description = {"Print a database's fingerprint (server, database, creation date or identity), reading only.",
            "Take the source's before the window and give it to plan or run as --source-fingerprint; or record it "
                + "into a run made without one with --run-dir (what the wizard's Record on the prerequisites page "
                + "does)."})
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

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Record the fingerprint read as the source's in "
            + "this run (one made without a source fingerprint, before its cleanup began): its guards then refuse "
            + "this database as the target. The DBMS and (Oracle) the schema come from the run's plan.")
    Path runDir;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who records it (default: the OS user).")
    String operator = System.getProperty("user.name");

    @Override
    public Integer call() throws Exception {
        TargetUrl.ofOption("--target", target);
        if (runDir != null) {
            return record();
        }
        String password = password();
        Dbms chosen = dbms;
        if (chosen == null && schema != null) {
            chosen = Dbms.ORACLE; // --schema names an Oracle schema (SQL Server has none to set): it implies Oracle
        } else if (chosen == null) {
            chosen = Dbms.SQLSERVER;
        }
        String admin = schemaFor(chosen, null, "leave it out with --dbms sqlserver (the URL names the catalog)");
        try {
            TargetInspection.Facts facts = TargetProbe.inspect(target, user, password.toCharArray(), chosen, admin)
                    .facts();
            if (!facts.platformDatabase()) {
                spec.commandLine().getErr().println("envclone fingerprint: note: no OutSystems platform tables here");
            }
            spec.commandLine().getOut().println(facts.fingerprint());
            return Cli.OK;
        } catch (Exception e) {
            return cannotRead(e);
        }
    }

    /** Reads the source as the wizard's Test does and journals its fingerprint into the run (its Record). */
    private Integer record() throws Exception {
        String password = password();
        try (RunFolderLock held = RunFolderLock.forRun(runDir, "envclone fingerprint")) {
            RunFolder run = RunFolder.open(runDir, Clock.systemUTC());
            Dbms planned = run.plan().dbms();
            if (dbms != null && dbms != planned) {
                throw new ParameterException(spec.commandLine(), "--dbms " + dbms.cliName() + ": the run in "
                        + runDir + " is for " + planned.displayName() + "; leave out --dbms with --run-dir");
            }
            String admin = schemaFor(planned, run.sourceAdminSchema(),
                    "the run is for SQL Server (the URL names the catalog)");
            TargetInspection.Facts facts;
            try {
                facts = TargetProbe.inspect(target, user, password.toCharArray(), planned, admin).facts();
            } catch (Exception e) {
                return cannotRead(e);
            }
            if (!facts.platformDatabase()) {
                spec.commandLine().getErr().println("envclone fingerprint: refused: " + facts.fingerprint()
                        + " is not an OutSystems platform database (no ossys_ tables"
                        + (admin == null ? "" : " in schema " + admin) + "): it is not recorded as the source");
                return RunCommand.REFUSED;
            }
            boolean written = run.recordSourceFingerprint(facts.fingerprint(), JdbcUrlTarget.withoutSecrets(target),
                    operator);
            spec.commandLine().getOut().println(facts.fingerprint());
            spec.commandLine().getErr().println("envclone fingerprint: " + (written ? "recorded as the source "
                    + "fingerprint of the run in " + runDir : "already the source fingerprint of the run in "
                    + runDir + "; nothing written"));
            return Cli.OK;
        }
    }

    private String password() {
        String password = passwordEnv == null ? "" : System.getenv(passwordEnv);
        if (password == null) {
            throw new ParameterException(spec.commandLine(), "--password-env " + passwordEnv + " is not set");
        }
        return password;
    }

    /**
     * The schema the fingerprint is read in: on Oracle {@code --schema} (checked as an identifier), else
     * {@code oracleDefault}; on SQL Server none, and {@code --schema} refused with {@code why}.
     */
    private String schemaFor(Dbms dbms, String oracleDefault, String why) {
        return switch (dbms) {
            case SQLSERVER -> {
                if (schema != null) {
                    throw new ParameterException(spec.commandLine(), "--schema names the Oracle admin schema: " + why);
                }
                yield null;
            }
            case ORACLE -> schema == null ? oracleDefault : NameRule.ORACLE_IDENTIFIER.check("schema", schema);
        };
    }

    /** The database did not answer as asked: said in one line, exit REFUSED; anything else is not handled here. */
    private Integer cannotRead(Exception e) throws Exception {
        if (!TargetSession.fromDatabase(e)) {
            throw e;
        }
        spec.commandLine().getErr().println("envclone fingerprint: cannot read " + JdbcUrlTarget.withoutSecrets(target)
                + ": " + Cli.oneLine(e.getMessage()));
        return RunCommand.REFUSED;
    }
}
