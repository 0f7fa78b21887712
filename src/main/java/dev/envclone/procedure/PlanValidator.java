package dev.envclone.procedure;

import dev.envclone.sql.Dialect;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.InvalidNameException;
import dev.envclone.sql.NameRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a plan, whether built from the command line, a form, or a plan.json from disk: every name against its
 * rule, and the plan against itself (a remap of a schema that is not exported, a restore over the source catalog,
 * a user that will not exist after the import). Returns the plan with names normalized (Oracle names in upper
 * case); throws {@link PlanException} listing every problem.
 */
public final class PlanValidator {
    private final List<String> problems = new ArrayList<>();

    private PlanValidator() {
    }

    /** The rule for Data Pump's PARALLEL, for a form that checks the field alone: the message, or null. */
    public static String parallelProblem(int parallel) {
        return parallel < 1 || parallel > 64 ? "parallel " + parallel + " is out of range: give 1 to 64" : null;
    }

    /** The rules for the SSH route's settings, for a form that checks them alone: every problem, or none. */
    public static List<String> sshProblems(SshSettings ssh) {
        PlanValidator validator = new PlanValidator();
        validator.checkSsh(ssh);
        return List.copyOf(validator.problems);
    }

    public static MigrationPlan check(MigrationPlan plan) {
        PlanValidator validator = new PlanValidator();
        MigrationPlan checked = validator.checkPlan(plan);
        if (!validator.problems.isEmpty()) {
            throw new PlanException(validator.problems);
        }
        return checked;
    }

    private MigrationPlan checkPlan(MigrationPlan plan) {
        if (plan.dbms() == null || plan.installPath() == null) {
            problems.add("the plan names no " + (plan.dbms() == null ? "DBMS (sqlserver or oracle)"
                    : "install path (fresh or reconfigure)"));
            return plan;
        }
        String source = name("source environment", NameRule.ENVIRONMENT, plan.sourceEnvironment());
        String target = name("target environment", NameRule.ENVIRONMENT, plan.targetEnvironment());
        if (source != null && source.equalsIgnoreCase(target)) {
            problems.add("source and target environment are both '" + source
                    + "': the clone must go to another environment");
        }
        NameRule identifier = Dialect.of(plan.dbms()).identifierRule();
        PlatformUsers in = plan.users();
        PlatformUsers users = in == null ? null : new PlatformUsers(
                name("admin user", identifier, in.admin()),
                name("runtime user", identifier, in.runtime()),
                name("log admin user", identifier, in.logAdmin()),
                name("log runtime user", identifier, in.logRuntime()));
        if (users == null) {
            problems.add("the plan names no platform users");
        }
        SqlServerSettings sqlServer = switch (plan.dbms()) {
            case SQLSERVER -> plan.sqlServer() == null ? missing("SQL Server settings") : checkSqlServer(plan.sqlServer());
            case ORACLE -> null;
        };
        OracleSettings oracle = switch (plan.dbms()) {
            case SQLSERVER -> null;
            case ORACLE -> plan.oracle() == null ? missing("Oracle settings") : checkOracle(plan.oracle(), users);
        };
        String fingerprint = plan.sourceFingerprint();
        if (fingerprint != null && (fingerprint.isBlank() || fingerprint.length() > 500
                || fingerprint.chars().anyMatch(Character::isISOControl))) {
            problems.add("source fingerprint must be one line of at most 500 characters, as envclone fingerprint "
                    + "prints it");
        }
        return new MigrationPlan(source, target, plan.dbms(), plan.installPath(), users, plan.parts(), sqlServer,
                oracle, fingerprint);
    }

    private SqlServerSettings checkSqlServer(SqlServerSettings s) {
        CatalogClone platform = checkClone("", s.platform());
        CatalogClone log = s.log() == null ? null : checkClone("log ", s.log());
        if (platform != null && log != null) {
            Set<String> catalogs = new HashSet<>();
            for (String catalog : List.of(platform.sourceCatalog(), platform.catalog(), log.sourceCatalog(),
                    log.catalog())) {
                if (catalog != null && !catalogs.add(catalog.toLowerCase(Locale.ROOT))) {
                    problems.add("catalog '" + catalog + "' is named twice among the platform and log "
                            + "catalogs: each database needs its own source and target catalog");
                    break;
                }
            }
        }
        return new SqlServerSettings(
                optional("database server", NameRule.SQLSERVER_SERVER, s.server()),
                platform, log,
                name("backup folder", NameRule.WINDOWS_FOLDER, s.backupFolder()),
                name("data folder", NameRule.WINDOWS_FOLDER, s.dataFolder()),
                name("log folder", NameRule.WINDOWS_FOLDER, s.logFolder()),
                name("session catalog", NameRule.SQLSERVER_IDENTIFIER, s.sessionCatalog()),
                optional("session user", NameRule.SQLSERVER_IDENTIFIER, s.sessionUser()),
                s.restore() == null ? missing("restore settings (backup name, recovery model, owner, file growth): "
                        + "make the plan again with this envclone") : checkRestore(s.restore()),
                checkSourceUsers(s.sourceUsers()));
    }

    private RestoreSettings checkRestore(RestoreSettings r) {
        if (r.recoveryModel() == null) {
            problems.add("recovery model is empty: give SIMPLE, FULL or BULK_LOGGED");
        }
        return new RestoreSettings(name("backup name", NameRule.BACKUP_NAME, r.backupName()), r.recoveryModel(),
                name("clone owner", NameRule.LOGIN, r.owner()),
                name("data file growth", NameRule.FILE_GROWTH, r.dataFileGrowth()),
                name("log file growth", NameRule.FILE_GROWTH, r.logFileGrowth()));
    }

    /**
     * The source's users, which the security-context step drops from the clone. A plan.json written before they
     * were part of the plan gets the document's defaults (the step previews what it finds before it runs). A
     * built-in principal is refused: dbo, guest, sys and INFORMATION_SCHEMA cannot be dropped, public and the
     * fixed db_ roles are roles.
     */
    private PlatformUsers checkSourceUsers(PlatformUsers in) {
        PlatformUsers d = PlatformUsers.defaults(Dbms.SQLSERVER);
        PlatformUsers users = in == null ? d : in;
        return new PlatformUsers(sourceUser("source admin user", users.admin(), d.admin()),
                sourceUser("source runtime user", users.runtime(), d.runtime()),
                sourceUser("source log admin user", users.logAdmin(), d.logAdmin()),
                sourceUser("source log runtime user", users.logRuntime(), d.logRuntime()));
    }

    private String sourceUser(String field, String value, String fallback) {
        String checked = name(field, NameRule.SQLSERVER_IDENTIFIER, value);
        if (checked != null && BUILT_IN_PRINCIPALS.contains(checked.toLowerCase(Locale.ROOT))) {
            problems.add(field + " '" + checked + "' is a built-in principal of every database, not a platform "
                    + "user: give the source environment's user (default " + fallback + ")");
            return null;
        }
        return checked;
    }

    private static final Set<String> BUILT_IN_PRINCIPALS = Set.of("dbo", "guest", "sys", "information_schema",
            "public", "db_owner", "db_accessadmin", "db_securityadmin", "db_ddladmin", "db_backupoperator",
            "db_datareader", "db_datawriter", "db_denydatareader", "db_denydatawriter");

    private CatalogClone checkClone(String prefix, CatalogClone clone) {
        String source = name("source " + prefix + "catalog", NameRule.SQLSERVER_IDENTIFIER, clone.sourceCatalog());
        String target = name("target " + prefix + "catalog", NameRule.SQLSERVER_IDENTIFIER, clone.catalog());
        if (source != null && source.equalsIgnoreCase(target)) {
            problems.add("target " + prefix + "catalog '" + target + "' is the source catalog: restore into a "
                    + "new catalog so that the restore cannot overwrite the source database");
        }
        List<DatabaseFile> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DatabaseFile file : clone.files()) {
            String logical = name(prefix + "logical file name", NameRule.SQLSERVER_IDENTIFIER, file.logicalName());
            if (logical != null && !seen.add(logical.toLowerCase(Locale.ROOT))) {
                problems.add(prefix + "logical file '" + logical + "' is listed twice");
            }
            files.add(new DatabaseFile(logical, file.log()));
        }
        if (files.stream().noneMatch(f -> !f.log()) || files.stream().noneMatch(DatabaseFile::log)) {
            problems.add("the " + prefix + "file list needs at least one data file (:D) and one log file (:L), as "
                    + "RESTORE FILELISTONLY lists them");
        }
        return new CatalogClone(source, target, files);
    }

    private OracleSettings checkOracle(OracleSettings o, PlatformUsers users) {
        NameRule id = NameRule.ORACLE_IDENTIFIER;
        List<String> schemas = names("exported schema", id, o.exportedSchemas());
        List<String> exportedTablespaces = names("exported tablespace", id, o.exportedTablespaces());
        List<Remap> schemaRemaps = remaps("schema", o.schemaRemaps(), schemas);
        List<Remap> tablespaceRemaps = remaps("tablespace", o.tablespaceRemaps(), exportedTablespaces);
        Tablespaces t = o.tablespaces();
        Tablespaces tablespaces = new Tablespaces(name("system tablespace", id, t.system()),
                name("index tablespace", id, t.index()), name("user tablespace", id, t.user()),
                name("log system tablespace", id, t.logSystem()), name("log index tablespace", id, t.logIndex()),
                name("log user tablespace", id, t.logUser()));
        DataPumpSettings d = o.dataPump();
        DataPumpSettings dataPump = new DataPumpSettings(name("Data Pump directory", id, d.directory()),
                name("dump file", NameRule.DUMP_FILE, d.dumpFile()),
                name("export log file", NameRule.DUMP_FILE, d.exportLogFile()),
                name("import log file", NameRule.DUMP_FILE, d.importLogFile()), d.parallel());
        if (parallelProblem(d.parallel()) != null) {
            problems.add(parallelProblem(d.parallel()));
        } else if (d.parallel() > 1 && dataPump.dumpFile() != null && !dataPump.dumpFile().contains("%U")) {
            problems.add("dump file '" + dataPump.dumpFile() + "' has no %U: with parallel " + d.parallel()
                    + " Data Pump needs one file per worker (e.g. envclone_%U.dmp)");
        }
        OracleSettings checked = new OracleSettings(
                optional("server instance", NameRule.ORACLE_SERVICE, o.serverInstance()),
                schemas, exportedTablespaces, schemaRemaps, tablespaceRemaps, tablespaces, dataPump,
                optional("datafile folder", NameRule.SERVER_FOLDER, o.datafileFolder()),
                optional("session user", id, o.sessionUser()),
                optional("session tablespace", id, o.sessionTablespace()),
                optional("temporary tablespace", id, o.temporaryTablespace()),
                o.ssh() == null ? null : checkSsh(o.ssh()));
        if (problems.isEmpty() && users != null) {
            requireImported("user", users.distinct(), schemas, checked::importedName,
                    "export the source user and remap it with REMAP_SCHEMA, or name the user the import creates");
            requireImported("tablespace", tablespaces.all(), exportedTablespaces, checked::importedTablespace,
                    "remap a source tablespace to it with REMAP_TABLESPACE, or name a tablespace the import fills");
        }
        return checked;
    }

    /**
     * The SSH route's host, port, account and files. The files are checked for their form only: the run reads
     * them, and says then which one it cannot read.
     */
    private SshSettings checkSsh(SshSettings s) {
        if (s.port() < 1 || s.port() > 65535) {
            problems.add("SSH port " + s.port() + " is out of range: give a port from 1 to 65535 (22 by default)");
        }
        return new SshSettings(name("SSH host", NameRule.SSH_HOST, s.host()), s.port(),
                name("SSH user", NameRule.OS_USER, s.user()),
                optional("SSH key file", NameRule.LOCAL_FILE, s.keyFile()),
                optional("SSH known_hosts file", NameRule.LOCAL_FILE, s.knownHosts()));
    }

    /** Each target name must be what some exported name becomes after the import. */
    private void requireImported(String what, List<String> targets, List<String> exported,
                                 Function<String, String> imported, String advice) {
        Set<String> afterImport = new HashSet<>();
        exported.forEach(e -> afterImport.add(imported.apply(e)));
        for (String target : targets) {
            if (!afterImport.contains(target)) {
                problems.add(what + " " + target + " will not exist after the import: " + advice);
            }
        }
    }

    private List<Remap> remaps(String what, List<Remap> remaps, List<String> exported) {
        List<Remap> checked = new ArrayList<>();
        Set<String> from = new HashSet<>();
        for (Remap remap : remaps) {
            String f = name(what + " remap source", NameRule.ORACLE_IDENTIFIER, remap.from());
            String t = name(what + " remap target", NameRule.ORACLE_IDENTIFIER, remap.to());
            if (f != null && !exported.contains(f)) {
                problems.add("REMAP_" + what.toUpperCase(Locale.ROOT) + " " + f + ":" + t + " remaps " + what + " "
                        + f + ", which is not exported (exported: " + String.join(", ", exported)
                        + "): export it or remove the remap");
            }
            if (f != null && !from.add(f)) {
                problems.add(what + " " + f + " is remapped twice");
            }
            checked.add(new Remap(f, t));
        }
        return checked;
    }

    private List<String> names(String field, NameRule rule, List<String> values) {
        List<String> checked = new ArrayList<>();
        for (String value : values) {
            String name = name(field, rule, value);
            if (name != null && checked.contains(name)) {
                problems.add(field + " " + name + " is listed twice");
            } else if (name != null) {
                checked.add(name);
            }
        }
        if (values.isEmpty()) {
            problems.add("no " + field + " is listed");
        }
        return checked;
    }

    private String name(String field, NameRule rule, String value) {
        try {
            return rule.check(field, value);
        } catch (InvalidNameException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private String optional(String field, NameRule rule, String value) {
        return value == null ? null : name(field, rule, value);
    }

    private <T> T missing(String what) {
        problems.add("the plan has no " + what);
        return null;
    }
}
