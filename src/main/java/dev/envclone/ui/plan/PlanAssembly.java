package dev.envclone.ui.plan;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.DataPumpSettings;
import dev.envclone.procedure.InstallPath;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.OptionalPart;
import dev.envclone.procedure.OracleSettings;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.PlatformUsers;
import dev.envclone.procedure.Remap;
import dev.envclone.procedure.RestoreSettings;
import dev.envclone.procedure.SqlServerSettings;
import dev.envclone.procedure.SshSettings;
import dev.envclone.procedure.Tablespaces;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes a plan from the page's fields on top of a base plan of the same DBMS, and shows a plan in the fields
 * ({@link #texts}, the same mapping the other way). The fields give the names and clone settings the page shows;
 * the base gives what it does not (the restore settings, the session catalog, the source tablespaces of an Oracle
 * export, extra remaps, the temporary tablespace, the source fingerprint), so nothing set elsewhere is lost by
 * passing through the page. {@link PlanBuilder} derives the Oracle remaps from the roles, as the CLI does.
 */
final class PlanAssembly {
    private PlanAssembly() {
    }

    /**
     * @param value a field's text: "" for a required field left empty (the validator names it), null for an
     *     optional field left empty (the plan leaves the setting out)
     * @throws dev.envclone.procedure.PlanException naming every problem
     * @throws IllegalArgumentException for a list or target field whose shape is wrong
     */
    static MigrationPlan build(MigrationPlan base, InstallPath path, Set<OptionalPart> parts,
                               Function<PlanField, String> value) {
        PlanBuilder builder = new PlanBuilder(base.dbms()).installPath(path)
                .environments(value.apply(PlanField.SOURCE_ENVIRONMENT), value.apply(PlanField.TARGET_ENVIRONMENT))
                .parts(parts)
                .users(value.apply(PlanField.ADMIN_USER), value.apply(PlanField.RUNTIME_USER),
                        value.apply(PlanField.LOG_ADMIN_USER), value.apply(PlanField.LOG_RUNTIME_USER))
                .sourceFingerprint(base.sourceFingerprint());
        PlanBuilder named = switch (base.dbms()) {
            case SQLSERVER -> sqlServer(builder, base.sqlServer(), value);
            case ORACLE -> oracle(builder, base, value);
        };
        return named.build();
    }

    /** What each field shows for a plan: its users and its DBMS's names and clone settings. */
    static Map<PlanField, String> texts(MigrationPlan plan) {
        Map<PlanField, String> texts = new EnumMap<>(PlanField.class);
        texts.put(PlanField.ADMIN_USER, plan.users().admin());
        texts.put(PlanField.RUNTIME_USER, plan.users().runtime());
        texts.put(PlanField.LOG_ADMIN_USER, plan.users().logAdmin());
        texts.put(PlanField.LOG_RUNTIME_USER, plan.users().logRuntime());
        texts.putAll(switch (plan.dbms()) {
            case SQLSERVER -> sqlServerTexts(plan.sqlServer());
            case ORACLE -> oracleTexts(plan);
        });
        return texts;
    }

    private static Map<PlanField, String> sqlServerTexts(SqlServerSettings s) {
        Map<PlanField, String> texts = new EnumMap<>(PlanField.class);
        texts.put(PlanField.SOURCE_ADMIN_USER, s.sourceUsers().admin());
        texts.put(PlanField.SOURCE_RUNTIME_USER, s.sourceUsers().runtime());
        texts.put(PlanField.SOURCE_LOG_ADMIN_USER, s.sourceUsers().logAdmin());
        texts.put(PlanField.SOURCE_LOG_RUNTIME_USER, s.sourceUsers().logRuntime());
        texts.put(PlanField.SOURCE_CATALOG, s.platform().sourceCatalog());
        texts.put(PlanField.CATALOG, s.platform().catalog());
        texts.put(PlanField.SERVER, orEmpty(s.server()));
        texts.put(PlanField.BACKUP_FOLDER, s.backupFolder());
        texts.put(PlanField.DATA_FOLDER, s.dataFolder());
        texts.put(PlanField.LOG_FOLDER, s.logFolder());
        texts.put(PlanField.FILES, FieldValues.join(s.platform().files()));
        texts.put(PlanField.SOURCE_LOG_CATALOG, s.log() == null ? "" : s.log().sourceCatalog());
        texts.put(PlanField.LOG_CATALOG, s.log() == null ? "" : s.log().catalog());
        texts.put(PlanField.LOG_FILES, s.log() == null ? "" : FieldValues.join(s.log().files()));
        return texts;
    }

    private static Map<PlanField, String> oracleTexts(MigrationPlan plan) {
        Map<PlanField, String> texts = new EnumMap<>(PlanField.class);
        OracleSettings o = plan.oracle();
        texts.put(PlanField.SERVER_INSTANCE, orEmpty(o.serverInstance()));
        List<String> roles = o.tablespaces().all();
        List<PlanField> fields = List.of(PlanField.SYSTEM_TABLESPACE, PlanField.INDEX_TABLESPACE,
                PlanField.USER_TABLESPACE, PlanField.LOG_SYSTEM_TABLESPACE, PlanField.LOG_INDEX_TABLESPACE,
                PlanField.LOG_USER_TABLESPACE);
        for (int i = 0; i < fields.size(); i++) {
            texts.put(fields.get(i), roles.get(i));
        }
        PlatformUsers source = exportedUsers(o, plan.users());
        texts.put(PlanField.EXPORTED_ADMIN_USER, source.admin());
        texts.put(PlanField.EXPORTED_RUNTIME_USER, source.runtime());
        texts.put(PlanField.EXPORTED_LOG_ADMIN_USER, source.logAdmin());
        texts.put(PlanField.EXPORTED_LOG_RUNTIME_USER, source.logRuntime());
        texts.put(PlanField.APPLICATION_SCHEMAS, FieldValues.join(o.exportedSchemas().stream()
                .filter(schema -> !source.distinct().contains(schema))
                .map(schema -> new Remap(schema, o.importedName(schema))).toList()));
        List<String> sourceTablespaces = sourceTablespaces(o);
        texts.put(PlanField.APPLICATION_TABLESPACES, FieldValues.join(o.exportedTablespaces().stream()
                .filter(t -> !sourceTablespaces.contains(t))
                .map(t -> new Remap(t, o.importedTablespace(t))).toList()));
        DataPumpSettings d = o.dataPump();
        texts.put(PlanField.DIRECTORY, d.directory());
        texts.put(PlanField.DUMP_FILE, d.dumpFile());
        texts.put(PlanField.PARALLEL, Integer.toString(d.parallel()));
        SshSettings ssh = o.ssh();
        texts.put(PlanField.SSH_TARGET, ssh == null ? "" : ssh.target());
        texts.put(PlanField.SSH_KEY, ssh == null ? "" : orEmpty(ssh.keyFile()));
        texts.put(PlanField.SSH_KNOWN_HOSTS, ssh == null ? "" : orEmpty(ssh.knownHosts()));
        return texts;
    }

    private static PlanBuilder sqlServer(PlanBuilder builder, SqlServerSettings s,
                                         Function<PlanField, String> value) {
        builder.sqlServerCatalogs(value.apply(PlanField.SOURCE_CATALOG), value.apply(PlanField.CATALOG),
                        FieldValues.files(PlanField.FILES, value.apply(PlanField.FILES)))
                .sqlServerLocations(value.apply(PlanField.SERVER), value.apply(PlanField.BACKUP_FOLDER),
                        value.apply(PlanField.DATA_FOLDER), value.apply(PlanField.LOG_FOLDER),
                        s.sessionCatalog(), s.sessionUser());
        RestoreSettings r = s.restore();
        builder.sqlServerRestore(r.backupName(), r.recoveryModel(), r.owner(), r.dataFileGrowth(),
                r.logFileGrowth());
        builder.sqlServerSourceUsers(value.apply(PlanField.SOURCE_ADMIN_USER),
                value.apply(PlanField.SOURCE_RUNTIME_USER), value.apply(PlanField.SOURCE_LOG_ADMIN_USER),
                value.apply(PlanField.SOURCE_LOG_RUNTIME_USER));
        String sourceLog = value.apply(PlanField.SOURCE_LOG_CATALOG);
        String log = value.apply(PlanField.LOG_CATALOG);
        String logFiles = value.apply(PlanField.LOG_FILES);
        if (sourceLog != null || log != null || logFiles != null) {
            builder.sqlServerLogCatalogs(sourceLog, log,
                    logFiles == null ? null : FieldValues.files(PlanField.LOG_FILES, logFiles));
        }
        return builder;
    }

    private static PlanBuilder oracle(PlanBuilder builder, MigrationPlan base, Function<PlanField, String> value) {
        OracleSettings o = base.oracle();
        DataPumpSettings d = o.dataPump();
        builder.oracleSourceUsers(value.apply(PlanField.EXPORTED_ADMIN_USER),
                        value.apply(PlanField.EXPORTED_RUNTIME_USER), value.apply(PlanField.EXPORTED_LOG_ADMIN_USER),
                        value.apply(PlanField.EXPORTED_LOG_RUNTIME_USER))
                .oracleTablespaces(tablespaces(sourceTablespaces(o)), new Tablespaces(
                        value.apply(PlanField.SYSTEM_TABLESPACE), value.apply(PlanField.INDEX_TABLESPACE),
                        value.apply(PlanField.USER_TABLESPACE), value.apply(PlanField.LOG_SYSTEM_TABLESPACE),
                        value.apply(PlanField.LOG_INDEX_TABLESPACE), value.apply(PlanField.LOG_USER_TABLESPACE)))
                .oracleDataPump(new DataPumpSettings(value.apply(PlanField.DIRECTORY),
                        value.apply(PlanField.DUMP_FILE), d.exportLogFile(), d.importLogFile(),
                        FieldValues.parallel(value.apply(PlanField.PARALLEL))))
                .oracleLocations(value.apply(PlanField.SERVER_INSTANCE), o.datafileFolder(), o.sessionUser(),
                        o.sessionTablespace())
                .oracleTemporaryTablespace(o.temporaryTablespace())
                .oracleSsh(FieldValues.ssh(value.apply(PlanField.SSH_TARGET), value.apply(PlanField.SSH_KEY),
                        value.apply(PlanField.SSH_KNOWN_HOSTS)));
        for (Remap schema : FieldValues.remaps(PlanField.APPLICATION_SCHEMAS,
                value.apply(PlanField.APPLICATION_SCHEMAS))) {
            builder.oracleApplicationSchema(schema);
        }
        for (Remap tablespace : FieldValues.remaps(PlanField.APPLICATION_TABLESPACES,
                value.apply(PlanField.APPLICATION_TABLESPACES))) {
            builder.oracleApplicationTablespace(tablespace);
        }
        return builder;
    }

    /** The exported schemas the import turns into the target's platform users. */
    private static PlatformUsers exportedUsers(OracleSettings o, PlatformUsers targets) {
        return new PlatformUsers(exported(o.schemaRemaps(), targets.admin()),
                exported(o.schemaRemaps(), targets.runtime()), exported(o.schemaRemaps(), targets.logAdmin()),
                exported(o.schemaRemaps(), targets.logRuntime()));
    }

    /** The source tablespaces by role: the ones the import turns into the target's role tablespaces. */
    private static List<String> sourceTablespaces(OracleSettings o) {
        return o.tablespaces().all().stream().map(t -> exported(o.tablespaceRemaps(), t)).toList();
    }

    /** The exported name that the import turns into {@code target}: the remap's source, or the name itself. */
    private static String exported(List<Remap> remaps, String target) {
        return remaps.stream().filter(r -> r.to().equals(target)).map(Remap::from).findFirst().orElse(target);
    }

    private static Tablespaces tablespaces(List<String> roles) {
        return new Tablespaces(roles.get(0), roles.get(1), roles.get(2), roles.get(3), roles.get(4), roles.get(5));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
