package dev.envclone.procedure;

import dev.envclone.sql.Dbms;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything the procedure needs to know before it starts: which environments, which DBMS and install path, the
 * names on the target, and which optional parts apply. Immutable; {@link PlanValidator} checks one.
 *
 * @param users the platform users on the target (on Oracle: the schemas after the import)
 * @param sqlServer the SQL Server settings; null on Oracle
 * @param oracle the Oracle settings; null on SQL Server
 * @param sourceFingerprint the source database's fingerprint ({@code envclone fingerprint}); a run refuses a
 *     target that has it. Null when not recorded.
 */
public record MigrationPlan(String sourceEnvironment, String targetEnvironment, Dbms dbms, InstallPath installPath,
                            PlatformUsers users, Set<OptionalPart> parts, SqlServerSettings sqlServer,
                            OracleSettings oracle, String sourceFingerprint) {
    public MigrationPlan {
        parts = parts == null || parts.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(OptionalPart.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(parts));
    }

    public boolean includes(OptionalPart part) {
        return parts.contains(part);
    }

    /** The database the cleanup runs against, as the operator knows it: catalog or admin schema. */
    public String targetDatabaseName() {
        return switch (dbms) {
            case SQLSERVER -> sqlServer.platform().catalog();
            case ORACLE -> users.admin();
        };
    }

    /** The same, with what it is: {@code catalog OUTSYSTEMS_QA} or {@code schema OSADMIN}. */
    public String targetDatabase() {
        return switch (dbms) {
            case SQLSERVER -> "catalog ";
            case ORACLE -> "schema ";
        } + targetDatabaseName();
    }

    /**
     * The schema a source's fingerprint is read in: on Oracle the source's own admin user, the exported schema the
     * import turns into the plan's admin user (a remap's source, or the same name), so that it reads as the
     * target's would if the target's URL reached the source (Oracle's fingerprint names the current schema); null
     * on SQL Server, whose URL names the catalog. Every reader of a source fingerprint (the clone routes, the
     * prerequisites page, {@code envclone fingerprint --run-dir}) reads it there.
     */
    public String sourceAdminSchema() {
        return switch (dbms) {
            case SQLSERVER -> null;
            case ORACLE -> oracle == null ? users.admin() : oracle.schemaRemaps().stream()
                    .filter(r -> r.to().equals(users.admin())).map(Remap::from).findFirst().orElse(users.admin());
        };
    }
}
