package dev.envclone.procedure;

import dev.envclone.sql.Dbms;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a plan from the names an operator gives, filling in the document's defaults for the rest. Every setter
 * takes null as "keep the default", so the command line and the wizard can pass their fields straight through.
 * On Oracle, the remaps follow from the roles: the source admin user is remapped to the target admin user, the
 * source system tablespace to the target one, and so on; explicit remaps are added on top and checked like them.
 */
public final class PlanBuilder {
    private final Dbms dbms;
    private InstallPath installPath = InstallPath.FRESH;
    private String sourceEnvironment = "Production";
    private String targetEnvironment = "Pre-Production";
    private Set<OptionalPart> parts = EnumSet.allOf(OptionalPart.class);
    private String admin;
    private String runtime;
    private String logAdmin;
    private String logRuntime;
    // SQL Server
    private SqlServerSettings sqlServer = SqlServerSettings.defaults();
    private String sourceCatalog;
    private String catalog;
    private List<DatabaseFile> files;
    private String sourceLogCatalog;
    private String logCatalog;
    private List<DatabaseFile> logFiles;
    // Oracle
    private PlatformUsers sourceUsers;
    private Tablespaces sourceTablespaces = Tablespaces.defaults();
    private Tablespaces tablespaces = Tablespaces.defaults();
    private final List<Remap> applicationSchemas = new ArrayList<>();
    private final List<Remap> applicationTablespaces = new ArrayList<>();
    private final List<Remap> extraSchemaRemaps = new ArrayList<>();
    private final List<Remap> extraTablespaceRemaps = new ArrayList<>();
    private DataPumpSettings dataPump = DataPumpSettings.defaults();
    private String serverInstance;
    private String datafileFolder;
    private String oracleSessionUser;
    private String sessionTablespace;
    private String sourceFingerprint;
    // The clone's restore (SQL Server) and the users' temporary tablespace (Oracle): issue 11, item 3
    private String backupName;
    private RecoveryModel recoveryModel;
    private String owner;
    private String dataFileGrowth;
    private String logFileGrowth;
    private String temporaryTablespace;
    private SshSettings ssh;
    private Clock clock = Clock.systemUTC();

    public PlanBuilder(Dbms dbms) {
        this.dbms = dbms;
    }

    public PlanBuilder installPath(InstallPath value) {
        installPath = value == null ? installPath : value;
        return this;
    }

    public PlanBuilder environments(String source, String target) {
        sourceEnvironment = source == null ? sourceEnvironment : source;
        targetEnvironment = target == null ? targetEnvironment : target;
        return this;
    }

    public PlanBuilder parts(Set<OptionalPart> value) {
        parts = value == null ? parts : EnumSet.copyOf(value.isEmpty() ? EnumSet.noneOf(OptionalPart.class) : value);
        return this;
    }

    /** The platform users on the target (null keeps each default). */
    public PlanBuilder users(String admin, String runtime, String logAdmin, String logRuntime) {
        this.admin = admin;
        this.runtime = runtime;
        this.logAdmin = logAdmin;
        this.logRuntime = logRuntime;
        return this;
    }

    public PlanBuilder sqlServerCatalogs(String sourceCatalog, String catalog, List<DatabaseFile> files) {
        this.sourceCatalog = sourceCatalog;
        this.catalog = catalog;
        this.files = files;
        return this;
    }

    /** A log database in a catalog of its own, cloned beside the platform catalog. */
    public PlanBuilder sqlServerLogCatalogs(String sourceLogCatalog, String logCatalog, List<DatabaseFile> files) {
        this.sourceLogCatalog = sourceLogCatalog;
        this.logCatalog = logCatalog;
        this.logFiles = files;
        return this;
    }

    public PlanBuilder sqlServerLocations(String server, String backupFolder, String dataFolder, String logFolder,
                                          String sessionCatalog, String sessionUser) {
        SqlServerSettings d = sqlServer;
        sqlServer = new SqlServerSettings(server == null ? d.server() : server, d.platform(), d.log(),
                or(backupFolder, d.backupFolder()), or(dataFolder, d.dataFolder()), or(logFolder, d.logFolder()),
                or(sessionCatalog, d.sessionCatalog()), or(sessionUser, d.sessionUser()), d.restore(), d.sourceUsers());
        return this;
    }

    /**
     * The source environment's users that the restore brings into the clone, which the security-context step
     * drops (null keeps each default: OSADMIN, OSRUNTIME, OSLOG).
     */
    public PlanBuilder sqlServerSourceUsers(String admin, String runtime, String logAdmin, String logRuntime) {
        SqlServerSettings d = sqlServer;
        PlatformUsers u = PlatformUsers.defaults(Dbms.SQLSERVER);
        sqlServer = new SqlServerSettings(d.server(), d.platform(), d.log(), d.backupFolder(), d.dataFolder(),
                d.logFolder(), d.sessionCatalog(), d.sessionUser(), d.restore(), new PlatformUsers(or(admin, u.admin()),
                or(runtime, u.runtime()), or(logAdmin, u.logAdmin()), or(logRuntime, u.logRuntime())));
        return this;
    }

    /** The users of the source environment, which expdp exports (null keeps each default). */
    public PlanBuilder oracleSourceUsers(String admin, String runtime, String logAdmin, String logRuntime) {
        PlatformUsers d = PlatformUsers.defaults(Dbms.ORACLE);
        sourceUsers = new PlatformUsers(or(admin, d.admin()), or(runtime, d.runtime()), or(logAdmin, d.logAdmin()),
                or(logRuntime, d.logRuntime()));
        return this;
    }

    public PlanBuilder oracleTablespaces(Tablespaces source, Tablespaces target) {
        sourceTablespaces = source == null ? sourceTablespaces : source;
        tablespaces = target == null ? tablespaces : target;
        return this;
    }

    /** An application schema (multiple schemas): exported, and remapped when {@code to} differs. */
    public PlanBuilder oracleApplicationSchema(Remap schema) {
        applicationSchemas.add(schema);
        return this;
    }

    /** A tablespace of the application schemas: exported, and remapped when {@code to} differs. */
    public PlanBuilder oracleApplicationTablespace(Remap tablespace) {
        applicationTablespaces.add(tablespace);
        return this;
    }

    public PlanBuilder oracleRemaps(List<Remap> schemaRemaps, List<Remap> tablespaceRemaps) {
        extraSchemaRemaps.addAll(schemaRemaps);
        extraTablespaceRemaps.addAll(tablespaceRemaps);
        return this;
    }

    public PlanBuilder oracleDataPump(DataPumpSettings value) {
        dataPump = value == null ? dataPump : value;
        return this;
    }

    public PlanBuilder oracleLocations(String serverInstance, String datafileFolder, String sessionUser,
                                       String sessionTablespace) {
        this.serverInstance = serverInstance;
        this.datafileFolder = datafileFolder;
        this.oracleSessionUser = sessionUser;
        this.sessionTablespace = sessionTablespace;
        return this;
    }

    /**
     * The backup file name part, and the clone's recovery model, owner and file growth after the restore (null keeps
     * each default: a backup name made from the time of {@link #build()}, SIMPLE, sa, 512MB, 256MB).
     */
    public PlanBuilder sqlServerRestore(String backupName, RecoveryModel recoveryModel, String owner,
                                        String dataFileGrowth, String logFileGrowth) {
        this.backupName = backupName;
        this.recoveryModel = recoveryModel;
        this.owner = owner;
        this.dataFileGrowth = dataFileGrowth;
        this.logFileGrowth = logFileGrowth;
        return this;
    }

    /** The temporary tablespace of the users create-users.sql creates (null: the database's default). */
    public PlanBuilder oracleTemporaryTablespace(String value) {
        temporaryTablespace = value;
        return this;
    }

    /** The database host for Data Pump's SSH route (null: no SSH route, DBMS_DATAPUMP or a DBA). */
    public PlanBuilder oracleSsh(SshSettings value) {
        ssh = value;
        return this;
    }

    /** The clock the default backup name is read from. */
    PlanBuilder clock(Clock value) {
        clock = value;
        return this;
    }

    /** The source database's fingerprint, as {@code envclone fingerprint} prints it (null: not recorded). */
    public PlanBuilder sourceFingerprint(String value) {
        sourceFingerprint = value;
        return this;
    }

    /** The plan, checked; throws {@link PlanException} naming every problem. */
    public MigrationPlan build() {
        PlatformUsers d = PlatformUsers.defaults(dbms);
        PlatformUsers users = new PlatformUsers(or(admin, d.admin()), or(runtime, d.runtime()),
                or(logAdmin, d.logAdmin()), or(logRuntime, d.logRuntime()));
        MigrationPlan plan = new MigrationPlan(sourceEnvironment, targetEnvironment, dbms, installPath, users, parts,
                switch (dbms) {
                    case SQLSERVER -> buildSqlServer();
                    case ORACLE -> null;
                }, switch (dbms) {
                    case SQLSERVER -> null;
                    case ORACLE -> buildOracle(users);
                }, sourceFingerprint);
        return PlanValidator.check(plan);
    }

    private SqlServerSettings buildSqlServer() {
        CatalogClone p = sqlServer.platform();
        String source = or(sourceCatalog, p.sourceCatalog());
        CatalogClone platform = new CatalogClone(source, or(catalog, p.catalog()),
                files != null ? files : CatalogClone.defaultFiles(source));
        CatalogClone log = null;
        if (sourceLogCatalog != null || logCatalog != null) {
            String logSource = or(sourceLogCatalog, "OUTSYSTEMS_LOG");
            log = new CatalogClone(logSource, or(logCatalog, platform.catalog() + "_LOG"),
                    logFiles != null ? logFiles : CatalogClone.defaultFiles(logSource));
        }
        RestoreSettings d = RestoreSettings.defaults(clock.instant());
        RestoreSettings restore = new RestoreSettings(or(backupName, d.backupName()),
                recoveryModel == null ? d.recoveryModel() : recoveryModel, or(owner, d.owner()),
                or(dataFileGrowth, d.dataFileGrowth()), or(logFileGrowth, d.logFileGrowth()));
        return new SqlServerSettings(sqlServer.server(), platform, log, sqlServer.backupFolder(),
                sqlServer.dataFolder(), sqlServer.logFolder(), sqlServer.sessionCatalog(), sqlServer.sessionUser(),
                restore, sqlServer.sourceUsers());
    }

    private OracleSettings buildOracle(PlatformUsers users) {
        PlatformUsers source = sourceUsers != null ? sourceUsers : PlatformUsers.defaults(Dbms.ORACLE);
        Set<String> schemas = new LinkedHashSet<>(source.distinct());
        List<Remap> schemaRemaps = new ArrayList<>();
        addRoleRemap(schemaRemaps, source.admin(), users.admin());
        addRoleRemap(schemaRemaps, source.runtime(), users.runtime());
        addRoleRemap(schemaRemaps, source.logAdmin(), users.logAdmin());
        addRoleRemap(schemaRemaps, source.logRuntime(), users.logRuntime());
        for (Remap schema : applicationSchemas) {
            schemas.add(schema.from());
            addRoleRemap(schemaRemaps, schema.from(), schema.to());
        }
        schemaRemaps.addAll(extraSchemaRemaps);
        List<Remap> tablespaceRemaps = new ArrayList<>();
        List<String> from = sourceTablespaces.all();
        List<String> to = tablespaces.all();
        for (int i = 0; i < from.size(); i++) {
            addRoleRemap(tablespaceRemaps, from.get(i), to.get(i));
        }
        Set<String> exportedTablespaces = new LinkedHashSet<>(from);
        for (Remap tablespace : applicationTablespaces) {
            exportedTablespaces.add(tablespace.from());
            addRoleRemap(tablespaceRemaps, tablespace.from(), tablespace.to());
        }
        tablespaceRemaps.addAll(extraTablespaceRemaps);
        return new OracleSettings(serverInstance, List.copyOf(schemas), List.copyOf(exportedTablespaces), schemaRemaps,
                tablespaceRemaps, tablespaces, dataPump, datafileFolder, oracleSessionUser, sessionTablespace,
                temporaryTablespace, ssh);
    }

    /** Adds {@code from:to} when the names differ and {@code from} is not remapped yet. */
    private static void addRoleRemap(List<Remap> remaps, String from, String to) {
        if (from == null || to == null || from.equalsIgnoreCase(to)
                || remaps.stream().anyMatch(r -> r.from().equalsIgnoreCase(from))) {
            return;
        }
        remaps.add(new Remap(from, to));
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
