package dev.envclone.ui.plan;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.InstallPath;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.OptionalPart;
import dev.envclone.procedure.OracleSettings;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.PlatformUsers;
import dev.envclone.procedure.Remap;
import dev.envclone.procedure.RestoreSettings;
import dev.envclone.procedure.SqlServerSettings;
import dev.envclone.procedure.Tablespaces;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes a plan from the page's fields on top of a base plan of the same DBMS. The fields give the names the page
 * shows; the base gives what it does not (the catalog's logical files, the folders, a separate log catalog, Data
 * Pump, the source users and tablespaces of an Oracle export, the restore settings, the temporary tablespace, the
 * source fingerprint), so nothing set elsewhere is
 * lost by passing through the page. {@link PlanBuilder} derives the Oracle remaps from the roles, as the CLI does.
 */
final class PlanAssembly {
    private PlanAssembly() {
    }

    /**
     * @param value a field's text: "" for a required field left empty (the validator names it), null for an
     *     optional field left empty (the plan leaves the setting out)
     * @throws dev.envclone.procedure.PlanException naming every problem
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

    private static PlanBuilder sqlServer(PlanBuilder builder, SqlServerSettings s,
                                         Function<PlanField, String> value) {
        CatalogClone platform = s.platform();
        String source = value.apply(PlanField.SOURCE_CATALOG);
        // The logical files belong to the source catalog: another source catalog gets the default file names.
        builder.sqlServerCatalogs(source, value.apply(PlanField.CATALOG),
                        platform.sourceCatalog().equals(source) ? platform.files() : null)
                .sqlServerLocations(value.apply(PlanField.SERVER), s.backupFolder(), s.dataFolder(), s.logFolder(),
                        s.sessionCatalog(), s.sessionUser());
        RestoreSettings r = s.restore();
        builder.sqlServerRestore(r.backupName(), r.recoveryModel(), r.owner(), r.dataFileGrowth(),
                r.logFileGrowth());
        builder.sqlServerSourceUsers(value.apply(PlanField.SOURCE_ADMIN_USER),
                value.apply(PlanField.SOURCE_RUNTIME_USER), value.apply(PlanField.SOURCE_LOG_ADMIN_USER),
                value.apply(PlanField.SOURCE_LOG_RUNTIME_USER));
        if (s.log() != null) {
            builder.sqlServerLogCatalogs(s.log().sourceCatalog(), s.log().catalog(), s.log().files());
        }
        return builder;
    }

    private static PlanBuilder oracle(PlanBuilder builder, MigrationPlan base, Function<PlanField, String> value) {
        OracleSettings o = base.oracle();
        PlatformUsers targets = base.users();
        PlatformUsers source = new PlatformUsers(exported(o.schemaRemaps(), targets.admin()),
                exported(o.schemaRemaps(), targets.runtime()), exported(o.schemaRemaps(), targets.logAdmin()),
                exported(o.schemaRemaps(), targets.logRuntime()));
        List<String> sourceTablespaces = o.tablespaces().all().stream()
                .map(t -> exported(o.tablespaceRemaps(), t)).toList();
        builder.oracleSourceUsers(source.admin(), source.runtime(), source.logAdmin(), source.logRuntime())
                .oracleTablespaces(tablespaces(sourceTablespaces), new Tablespaces(
                        value.apply(PlanField.SYSTEM_TABLESPACE), value.apply(PlanField.INDEX_TABLESPACE),
                        value.apply(PlanField.USER_TABLESPACE), value.apply(PlanField.LOG_SYSTEM_TABLESPACE),
                        value.apply(PlanField.LOG_INDEX_TABLESPACE), value.apply(PlanField.LOG_USER_TABLESPACE)))
                .oracleDataPump(o.dataPump())
                .oracleLocations(value.apply(PlanField.SERVER_INSTANCE), o.datafileFolder(), o.sessionUser(),
                        o.sessionTablespace())
                .oracleTemporaryTablespace(o.temporaryTablespace());
        // Whatever else the base exports (application schemas and their tablespaces) keeps its remap.
        for (String schema : o.exportedSchemas()) {
            if (!source.distinct().contains(schema)) {
                builder.oracleApplicationSchema(new Remap(schema, o.importedName(schema)));
            }
        }
        for (String tablespace : o.exportedTablespaces()) {
            if (!sourceTablespaces.contains(tablespace)) {
                builder.oracleApplicationTablespace(new Remap(tablespace, o.importedTablespace(tablespace)));
            }
        }
        return builder;
    }

    /** The exported name that the import turns into {@code target}: the remap's source, or the name itself. */
    private static String exported(List<Remap> remaps, String target) {
        return remaps.stream().filter(r -> r.to().equals(target)).map(Remap::from).findFirst().orElse(target);
    }

    private static Tablespaces tablespaces(List<String> roles) {
        return new Tablespaces(roles.get(0), roles.get(1), roles.get(2), roles.get(3), roles.get(4), roles.get(5));
    }
}
