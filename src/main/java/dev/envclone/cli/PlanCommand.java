package dev.envclone.cli;

import dev.envclone.procedure.DataPumpSettings;
import dev.envclone.procedure.DatabaseFile;
import dev.envclone.procedure.InstallPath;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.OptionalPart;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.RecoveryModel;
import dev.envclone.procedure.Remap;
import dev.envclone.procedure.SshSettings;
import dev.envclone.run.PlanArtifacts;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.NameRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the migration plan and its scripts: plan.json, checklist.md, "
                + "cleanup-before-install.sql, cleanup-after-install.sql, and backup-on-source.sql and "
                + "restore-on-target.sql (SQL Server) or expdp.par, create-users.sql, impdp.par and "
                + "revoke-after-import.sql (Oracle).",
            "Names left out take the document's defaults. Nothing is executed."})
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dbms", required = true, paramLabel = "sqlserver|oracle", description = "The DBMS.")
    Dbms dbms;

    @Option(names = "--path", paramLabel = "fresh|reconfigure",
            description = "Fresh installation (default) or reconfigure an existing installation.")
    InstallPath path;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
    Path out;

    @Option(names = "--source-env", paramLabel = "NAME", description = "Source environment (default Production).")
    String sourceEnvironment;

    @Option(names = "--target-env", paramLabel = "NAME",
            description = "Target environment (default Pre-Production).")
    String targetEnvironment;

    @Option(names = "--parts", paramLabel = "all|none|PART,...", split = ",",
            description = "Optional parts that apply (default all): mobile-apps, secret-site-properties, "
                    + "deployment-zones, multiple-catalogs, saml, managed-by-lifetime, running-lifetime, "
                    + "extension-db-connections.")
    List<String> parts;

    @Option(names = "--admin-user", paramLabel = "NAME", description = "Platform admin user (default OSADMIN).")
    String adminUser;

    @Option(names = "--runtime-user", paramLabel = "NAME", description = "Platform runtime user (default OSRUNTIME).")
    String runtimeUser;

    @Option(names = "--log-admin-user", paramLabel = "NAME",
            description = "Log admin user (default OSLOG on SQL Server, OSADMIN_LOG on Oracle).")
    String logAdminUser;

    @Option(names = "--log-runtime-user", paramLabel = "NAME",
            description = "Log runtime user (default OSLOG on SQL Server, OSRUNTIME_LOG on Oracle).")
    String logRuntimeUser;

    @Option(names = "--session-user", paramLabel = "NAME", description = "Session database user.")
    String sessionUser;

    // The source environment's users: Oracle exports their schemas; on SQL Server the restore brings them into the
    // clone, and the security-context step drops them.
    @Option(names = "--source-admin-user", paramLabel = "NAME",
            description = "Source admin user (default OSADMIN): Oracle's exported schema; SQL Server's restored user.")
    String sourceAdmin;

    @Option(names = "--source-runtime-user", paramLabel = "NAME", description = "Source runtime user (default OSRUNTIME).")
    String sourceRuntime;

    @Option(names = "--source-log-admin-user", paramLabel = "NAME",
            description = "Source log admin user (default OSLOG on SQL Server, OSADMIN_LOG on Oracle).")
    String sourceLogAdmin;

    @Option(names = "--source-log-runtime-user", paramLabel = "NAME",
            description = "Source log runtime user (default OSLOG on SQL Server, OSRUNTIME_LOG on Oracle).")
    String sourceLogRuntime;

    @Option(names = "--source-fingerprint", paramLabel = "FP",
            description = "The source database's fingerprint (envclone fingerprint): runs refuse a target that has it.")
    String sourceFingerprint;

    @ArgGroup(exclusive = false, heading = "%nSQL Server:%n")
    SqlServerOptions sqlServer;

    @ArgGroup(exclusive = false, heading = "%nOracle:%n")
    OracleOptions oracle;

    static final class SqlServerOptions {
        @Option(names = "--log-user", paramLabel = "NAME", description = "Both log users at once (default OSLOG).")
        String logUser;

        @Option(names = "--source-log-user", paramLabel = "NAME",
                description = "Both source log users at once (default OSLOG).")
        String sourceLogUser;

        @Option(names = "--server", paramLabel = "HOST[\\INSTANCE]", description = "Target database server.")
        String server;

        @Option(names = "--source-catalog", paramLabel = "NAME", description = "Source catalog (default OUTSYSTEMS).")
        String sourceCatalog;

        @Option(names = "--catalog", paramLabel = "NAME", description = "New catalog (default OUTSYSTEMS_CLONE).")
        String catalog;

        @Option(names = "--files", paramLabel = "NAME:D|L,...", split = ",",
                description = "Logical files of the source catalog, as RESTORE FILELISTONLY lists them "
                        + "(default SOURCE:D,SOURCE_log:L).")
        List<String> files;

        @Option(names = "--source-log-catalog", paramLabel = "NAME", description = "Source log catalog, if separate.")
        String sourceLogCatalog;

        @Option(names = "--log-catalog", paramLabel = "NAME", description = "New log catalog, if separate.")
        String logCatalog;

        @Option(names = "--log-files", paramLabel = "NAME:D|L,...", split = ",",
                description = "Logical files of the source log catalog.")
        List<String> logFiles;

        @Option(names = "--backup-folder", paramLabel = "FOLDER", description = "Backup folder (default D:\\SQLBackup).")
        String backupFolder;

        @Option(names = "--data-folder", paramLabel = "FOLDER", description = "Data file folder (default D:\\SQLData).")
        String dataFolder;

        @Option(names = "--log-folder", paramLabel = "FOLDER", description = "Log file folder (default L:\\SQLLog).")
        String logFolder;

        @Option(names = "--session-catalog", paramLabel = "NAME", description = "Session catalog (default ASPState).")
        String sessionCatalog;

        // The backup file and the clone's settings after the restore (issue 11, item 3)
        @Option(names = "--backup-name", paramLabel = "NAME",
                description = "Backup files are SOURCECATALOG_NAME.bak (default envclone_ and the UTC time the plan "
                        + "is made); backup-on-source.sql refuses a file that exists.")
        String backupName;

        @Option(names = "--recovery-model", paramLabel = "SIMPLE|FULL|BULK_LOGGED",
                description = "The clone's recovery model after the restore (default SIMPLE).")
        RecoveryModel recoveryModel;

        @Option(names = "--owner", paramLabel = "LOGIN", description = "The clone's owner after the restore (default sa).")
        String owner;

        @Option(names = "--data-file-growth", paramLabel = "N(MB|GB)",
                description = "FILEGROWTH of the restored data files (default 512MB).")
        String dataFileGrowth;

        @Option(names = "--log-file-growth", paramLabel = "N(MB|GB)",
                description = "FILEGROWTH of the restored log files (default 256MB).")
        String logFileGrowth;

    }

    static final class OracleOptions {
        @Option(names = "--server-instance", paramLabel = "TNS|HOST:PORT/SERVICE", description = "Target database.")
        String serverInstance;

        @Option(names = "--tablespace", paramLabel = "ROLE=NAME",
                description = "Target tablespace by role: system, index, user, log-system, log-index, log-user.")
        Map<String, String> tablespaces;

        @Option(names = "--source-tablespace", paramLabel = "ROLE=NAME", description = "Source tablespace by role.")
        Map<String, String> sourceTablespaces;

        @Option(names = "--application-schema", paramLabel = "SOURCE[:TARGET]",
                description = "An application schema to export (multiple schemas), remapped when TARGET differs.")
        List<String> applicationSchemas = new ArrayList<>();

        @Option(names = "--application-tablespace", paramLabel = "SOURCE[:TARGET]",
                description = "A tablespace of the application schemas, remapped when TARGET differs.")
        List<String> applicationTablespaces = new ArrayList<>();

        @Option(names = "--remap-schema", paramLabel = "FROM:TO", description = "An extra REMAP_SCHEMA.")
        List<String> remapSchemas = new ArrayList<>();

        @Option(names = "--remap-tablespace", paramLabel = "FROM:TO", description = "An extra REMAP_TABLESPACE.")
        List<String> remapTablespaces = new ArrayList<>();

        @Option(names = "--directory", paramLabel = "NAME", description = "Data Pump directory (default DATA_PUMP_DIR).")
        String directory;

        @Option(names = "--dump-file", paramLabel = "NAME", description = "Dump file (default envclone_%%U.dmp).")
        String dumpFile;

        @Option(names = "--parallel", paramLabel = "N", description = "Data Pump workers (default 1).")
        Integer parallel;

        @Option(names = "--datafile-folder", paramLabel = "FOLDER",
                description = "Folder for new datafiles (default: Oracle-managed files).")
        String datafileFolder;


        @Option(names = "--session-tablespace", paramLabel = "NAME", description = "Session tablespace.")
        String sessionTablespace;

        @Option(names = "--temporary-tablespace", paramLabel = "NAME",
                description = "Temporary tablespace of the users create-users.sql creates (default: the database's).")
        String temporaryTablespace;

        // Data Pump's SSH route: expdp/impdp run on the database host (issue 12)
        @Option(names = "--ssh", paramLabel = "USER@HOST[:PORT]",
                description = "The database host for expdp/impdp over SSH (port 22 by default); without it the "
                        + "clone runs through DBMS_DATAPUMP or is done by a DBA.")
        String ssh;

        @Option(names = "--ssh-key", paramLabel = "FILE",
                description = "Private key for --ssh (default: a password, asked when the run needs it).")
        String sshKey;

        @Option(names = "--ssh-known-hosts", paramLabel = "FILE",
                description = "known_hosts file holding the host's key for --ssh (default ~/.ssh/known_hosts).")
        String sshKnownHosts;
    }

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is a file: give a folder");
        }
        // Named as the option here; the plan's own check names the field ("database server").
        if (sqlServer != null && sqlServer.server != null) {
            NameRule.SQLSERVER_SERVER.check("--server", sqlServer.server);
        }
        if (oracle != null && oracle.serverInstance != null) {
            NameRule.ORACLE_SERVICE.check("--server-instance", oracle.serverInstance);
        }
        MigrationPlan plan = build();
        Map<String, String> written = PlanArtifacts.write(plan, out);
        spec.commandLine().getOut().println("Plan for " + plan.sourceEnvironment() + " -> "
                + plan.targetEnvironment() + " (" + plan.dbms().displayName() + ", "
                + plan.installPath().cliName() + "): " + ProcedureCatalog.stepsFor(plan).size() + " steps.");
        spec.commandLine().getOut().println("Wrote " + String.join(", ", written.keySet()) + " to " + out + ".");
        return Cli.OK;
    }

    private MigrationPlan build() {
        String otherGroup = switch (dbms) {
            case SQLSERVER -> oracle == null ? null : "Oracle options were given with --dbms sqlserver";
            case ORACLE -> sqlServer == null ? null : "SQL Server options were given with --dbms oracle";
        };
        if (otherGroup != null) {
            throw new ParameterException(spec.commandLine(), otherGroup);
        }
        PlanBuilder builder = new PlanBuilder(dbms).installPath(path)
                .environments(sourceEnvironment, targetEnvironment)
                .parts(parseParts())
                .sourceFingerprint(sourceFingerprint);
        PlanBuilder withDbms = switch (dbms) {
            case SQLSERVER -> withSqlServer(builder);
            case ORACLE -> withOracle(builder);
        };
        return withDbms.build();
    }

    private PlanBuilder withSqlServer(PlanBuilder builder) {
        SqlServerOptions s = sqlServer == null ? new SqlServerOptions() : sqlServer;
        builder.users(adminUser, runtimeUser, first(logAdminUser, s.logUser), first(logRuntimeUser, s.logUser))
                .sqlServerCatalogs(s.sourceCatalog, s.catalog, files(s.files))
                .sqlServerLocations(s.server, s.backupFolder, s.dataFolder, s.logFolder, s.sessionCatalog,
                        sessionUser)
                .sqlServerRestore(s.backupName, s.recoveryModel, s.owner, s.dataFileGrowth, s.logFileGrowth);
        if (s.sourceLogCatalog != null || s.logCatalog != null || s.logFiles != null) {
            builder.sqlServerLogCatalogs(s.sourceLogCatalog, s.logCatalog, files(s.logFiles));
        }
        builder.sqlServerSourceUsers(sourceAdmin, sourceRuntime, first(sourceLogAdmin, s.sourceLogUser),
                first(sourceLogRuntime, s.sourceLogUser));
        return builder;
    }

    private PlanBuilder withOracle(PlanBuilder builder) {
        OracleOptions o = oracle == null ? new OracleOptions() : oracle;
        builder.users(adminUser, runtimeUser, logAdminUser, logRuntimeUser)
                .oracleSourceUsers(sourceAdmin, sourceRuntime, sourceLogAdmin, sourceLogRuntime)
                .oracleTablespaces(TablespaceRoles.of(o.sourceTablespaces), TablespaceRoles.of(o.tablespaces))
                .oracleRemaps(o.remapSchemas.stream().map(Remap::parse).toList(),
                        o.remapTablespaces.stream().map(Remap::parse).toList())
                .oracleLocations(o.serverInstance, o.datafileFolder, sessionUser, o.sessionTablespace)
                .oracleTemporaryTablespace(o.temporaryTablespace);
        if (o.ssh == null && (o.sshKey != null || o.sshKnownHosts != null)) {
            throw new ParameterException(spec.commandLine(), "--ssh-key and --ssh-known-hosts belong to --ssh: give "
                    + "--ssh USER@HOST[:PORT] too");
        }
        if (o.ssh != null) {
            try {
                builder.oracleSsh(SshSettings.parse(o.ssh, o.sshKey, o.sshKnownHosts));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--ssh: " + e.getMessage());
            }
        }
        o.applicationSchemas.forEach(schema -> builder.oracleApplicationSchema(sourceToTarget(schema)));
        o.applicationTablespaces.forEach(t -> builder.oracleApplicationTablespace(sourceToTarget(t)));
        DataPumpSettings d = DataPumpSettings.defaults();
        builder.oracleDataPump(new DataPumpSettings(first(o.directory, d.directory()),
                first(o.dumpFile, d.dumpFile()), d.exportLogFile(), d.importLogFile(),
                o.parallel == null ? d.parallel() : o.parallel));
        return builder;
    }

    private Set<OptionalPart> parseParts() {
        if (parts == null || parts.equals(List.of("all"))) {
            return EnumSet.allOf(OptionalPart.class);
        }
        if (parts.equals(List.of("none"))) {
            return EnumSet.noneOf(OptionalPart.class);
        }
        Set<OptionalPart> chosen = EnumSet.noneOf(OptionalPart.class);
        parts.forEach(p -> chosen.add(OptionalPart.fromCliName(p)));
        return chosen;
    }

    /** {@code SOURCE} or {@code SOURCE:TARGET}. */
    private static Remap sourceToTarget(String text) {
        return text.contains(":") ? Remap.parse(text) : new Remap(text, text);
    }

    private static List<DatabaseFile> files(List<String> specs) {
        return specs == null ? null : specs.stream().map(DatabaseFile::parse).toList();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

}
