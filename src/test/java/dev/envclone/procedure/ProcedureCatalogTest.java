package dev.envclone.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.Dbms;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProcedureCatalogTest {

    private static List<String> ids(Dbms dbms, InstallPath path) {
        return ProcedureCatalog.stepsFor(new PlanBuilder(dbms).installPath(path).build()).stream().map(Step::id)
                .toList();
    }

    @Test
    void sqlServerFreshInstallationFollowsTheDocument() {
        assertEquals(List.of("prerequisites", "backup-database", "restore-database", "security-context", "cleanup-environment-security",
                "cleanup-mobile-apps", "cleanup-secret-site-properties", "cleanup-deployment-zones",
                "cleanup-front-ends", "cleanup-multiple-catalogs", "cleanup-saml", "cleanup-lifetime-managed",
                "lifetime-unregister", "cleanup-lifetime-running", "install-prerequisites",
                "install-platform-server", "config-tool-platform", "config-tool-log", "config-tool-session",
                "install-service-center", "upload-license", "environment-purpose",
                "remove-extension-db-connections", "cleanup-database-connections", "recreate-database-connections",
                "install-development-environment",
                "multiple-catalogs", "application-configuration", "republish-factory", "start-services",
                "reconfigure-saml", "lifetime-register", "disable-lifetime"), ids(Dbms.SQLSERVER, InstallPath.FRESH));
    }

    @Test
    void oracleReconfigureFollowsTheDocument() {
        assertEquals(List.of("prerequisites", "find-schemas", "export-schemas", "create-users", "import-schemas",
                "cleanup-environment-security", "cleanup-mobile-apps", "cleanup-secret-site-properties",
                "cleanup-deployment-zones", "cleanup-front-ends", "cleanup-multiple-catalogs", "cleanup-saml",
                "cleanup-lifetime-managed", "lifetime-unregister", "cleanup-lifetime-running", "stop-services",
                "stop-iis", "clear-share-bar", "config-tool-platform", "config-tool-log", "config-tool-session",
                "start-iis", "apply-and-exit", "upload-license", "environment-purpose",
                "remove-extension-db-connections", "cleanup-database-connections", "recreate-database-connections",
                "multiple-catalogs",
                "application-configuration", "republish-factory", "start-services", "reconfigure-saml",
                "lifetime-register", "disable-lifetime"), ids(Dbms.ORACLE, InstallPath.RECONFIGURE));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void excludedPartsLeaveOnlyTheStepsThatAlwaysApply(Dbms dbms) {
        MigrationPlan plan = new PlanBuilder(dbms).parts(EnumSet.noneOf(OptionalPart.class)).build();
        List<String> cleanups = ProcedureCatalog.cleanupSteps(plan).stream().map(Step::id).toList();
        List<String> always = List.of("cleanup-environment-security", "cleanup-front-ends",
                "cleanup-database-connections");
        // SQL Server's restored users are dropped by a step of its own; Oracle creates its users afresh.
        assertEquals(switch (dbms) {
            case SQLSERVER -> java.util.stream.Stream.concat(java.util.stream.Stream.of("security-context"),
                    always.stream()).toList();
            case ORACLE -> always;
        }, cleanups);
        assertTrue(ProcedureCatalog.allSteps(plan).size() > ProcedureCatalog.stepsFor(plan).size());
    }

    @Test
    void configurationToolFieldsCarryThePlansNamesAndNeverAPassword() {
        MigrationPlan plan = new PlanBuilder(Dbms.ORACLE).users("NEW_OSADMIN", null, null, null)
                .oracleRemaps(List.of(), List.of()).oracleSourceUsers(null, null, null, null).build();
        Step platform = ProcedureCatalog.stepsFor(plan).stream().filter(s -> s.id().equals("config-tool-platform"))
                .findFirst().orElseThrow();
        assertEquals(StepKind.CONFIGURATION_TOOL, platform.kind());
        assertTrue(platform.fields().contains(new ConfigField("Admin user", "NEW_OSADMIN")), platform.fields()
                .toString());
        assertTrue(platform.fields().contains(new ConfigField("Admin Tablespace", "OSSYS")));
        platform.fields().stream().filter(f -> f.label().contains("password"))
                .forEach(f -> assertEquals(null, f.value(), f.label()));
    }

    @Test
    void stepsPointToTheirSectionOfTheDocument() {
        MigrationPlan plan = new PlanBuilder(Dbms.ORACLE).build();
        Step frontEnds = ProcedureCatalog.stepsFor(plan).stream().filter(s -> s.id().equals("cleanup-front-ends"))
                .findFirst().orElseThrow();
        assertEquals("Migrate an environment with Oracle database > Prepare the database > Clean up the front-ends "
                + "listing", frontEnds.reference().toString());
    }
}
