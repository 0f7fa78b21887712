package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** envclone check: the target came back as itself, measured against the source's rows in the pre-images. */
class AfterInstallCheckTest {
    private static final List<String> SECURITY = List.of("ClientApplicationToken", "privateKeyValidation",
            "OutSystems.HubEdition.MobileLogin_AuthenticationHMACKey",
            "OutSystems.HubEdition.MobileLogin_AuthenticationEncryptKey",
            "OutSystems.HubEdition.References.AuthenticationEncryptKey", "OutSystems.HubEdition.References.HashKey",
            "OutSystems.SystemComponents.Users.AuthenticationEncryptKey", "OutSystems.SystemComponents.Users.HashKey",
            "LifetTime.FallbackAuthToken", "OutSystems.IdentityService.AllowIdPAuthOnly",
            "OutSystems.IdentityService.Claims.Username", "OutSystems.IdentityService.isActive",
            "OutSystems.IdentityService.LoginClient.ClientId", "OutSystems.IdentityService.LoginClient.NativeClientId",
            "OutSystems.IdentityService.LoginClient.WebClientId", "OutSystems.IdentityService.Scopes",
            "OutSystems.IdentityService.ServiceUrl", "OutSystems.SiteProperties.EncryptionKey");

    @TempDir
    Path folder;

    /**
     * The run opened first (database-connections.md saved with the mappings), the extensions unmapped as Service
     * Center does, then every cleanup step executed.
     */
    private SandboxRunFixture cleaned(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("create table SAVED_PARAMETERS as select * from ossys_Parameter");
        CliProcess.Result prepared = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url, "--user", "sa", "--prepare-only");
        assertEquals(0, prepared.code(), prepared.out() + prepared.err());
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        CliProcess.Result run = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--target",
                sandbox.url, "--user", "sa", "--yes");
        assertEquals(0, run.code(), run.out() + run.err());
        return sandbox;
    }

    private static CliProcess.Result check(SandboxRunFixture sandbox) {
        return CliProcess.inProcess("check", "--run-dir", sandbox.runDir.toString(), "--target", sandbox.url,
                "--user", "sa", "--operator", "Ana Operator");
    }

    /** What the Configuration Tool and Service Center do to the target: new keys, its own front-end, and so on. */
    private static void install(SandboxRunFixture sandbox) throws Exception {
        for (String step : List.of("install-prerequisites", "install-platform-server", "config-tool-platform",
                "config-tool-log", "config-tool-session", "install-service-center")) {
            assertEquals(0, CliProcess.inProcess("mark", "--run-dir", sandbox.runDir.toString(), "--step", step,
                    "--tick").code(), step);
        }
        for (int i = 0; i < SECURITY.size(); i++) {
            sandbox.execute("insert into ossys_Parameter (ID, NAME, VAL) values (" + (500 + i) + ", '"
                    + SECURITY.get(i) + "', 'target-" + i + "')");
        }
        // The Configuration Tool writes the installed version into the version parameters.
        sandbox.execute("update ossys_Parameter set VAL = '11.31.0' where NAME in ('version', 'sessionversion')");
        sandbox.execute("insert into ossys_server (ID, NAME, IP_ADDRESS, IS_ACTIVE) values (41, 'qa-fe-01', "
                + "'10.30.0.11', 1)");
        sandbox.execute("insert into ossys_dbconnection (ID, NAME, PROVIDER_KEY, CONNECTION_STRING) values (12, "
                + "'SalesDB', 'SqlServer', 'Server=sales-qa;Database=Sales')");
        sandbox.execute("insert into ossys_dbconnection (ID, NAME, PROVIDER_KEY, CONNECTION_STRING) values (13, "
                + "'Warehouse', 'Oracle', 'Data Source=wh-qa')");
        sandbox.execute("update ossys_dbcatalog set USERNAME = 'qa_user', PASSWORD = 'enc:qa' where NAME <> '(Main)'");
        // The extensions' logical databases mapped again (Service Center).
        sandbox.execute("insert into OSSYS_EXTENSION_DBCONNECTION (ID, EXTENSION_ID, LOGICAL_DATABASE, "
                + "DBCONNECTION_ID) values (71, 501, 'Sales', 12)");
        sandbox.execute("insert into OSSYS_EXTENSION_DBCONNECTION (ID, EXTENSION_ID, LOGICAL_DATABASE, "
                + "DBCONNECTION_ID) values (72, 502, 'Warehouse', 13)");
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void rightAfterTheCleanupItSaysWhatCannotPassYet(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = cleaned(dbms);

        CliProcess.Result result = check(sandbox);

        assertEquals(4, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("not yet: security keys: 18 of the deleted parameters are not there yet "
                + "(ClientApplicationToken, privateKeyValidation,"), result.out());
        assertTrue(result.out().contains("the Configuration Tool creates them; it has not run yet."));
        assertTrue(result.out().contains("not yet: front-ends: the target's front-ends register themselves when its "
                + "installed services start."), result.out());
        assertTrue(result.out().contains("ok: deployment zones: none of the source's zone rows is back"));
        assertTrue(result.out().contains("warning: database connections: not defined again yet: SalesDB, Warehouse"),
                result.out());
        assertTrue(result.out().contains("warning: catalog credentials: no credentials yet for "), result.out());
        assertTrue(result.out().contains("not yet: version parameters: version prod-version and sessionversion "
                + "prod-sessionversion differ from the platform's 11.31.0: the Configuration Tool sets them when it "
                + "runs."), result.out());
        // The version parameters are shown (a version is no secret); no other value is.
        for (String secret : sandbox.rows("select VAL from SAVED_PARAMETERS where NAME not in ('version', "
                + "'sessionversion')")) {
            assertFalse(result.out().contains(secret), "no value is shown");
        }
        JournalEntry checked = RunFolder.open(sandbox.runDir, Clock.systemUTC()).journal().entries().stream()
                .filter(e -> e.event() == JournalEvent.AFTER_INSTALL_CHECKED).findFirst().orElseThrow();
        assertEquals("not yet", checked.get("check.01.outcome"));
        assertEquals("warning", checked.get("outcome"));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void afterTheInstallEveryCheckIsOk(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = cleaned(dbms);
        install(sandbox);

        CliProcess.Result result = check(sandbox);

        assertEquals(0, result.code(), result.out() + result.err());
        assertEquals(8, result.out().lines().filter(l -> l.startsWith("ok: ")).count(), result.out());
        assertTrue(result.out().contains("ok: front-ends: 1 front-end of the target's own listed, none of the "
                + "source's"), result.out());
        assertTrue(result.out().contains("ok: version parameters: version and sessionversion are the platform's "
                + "11.31.0"), result.out());
        Path report = folder.resolve("report.pdf");
        assertEquals(0, RestoreTest.withHome(folder.resolve("home"), () -> CliProcess.inProcess("report",
                "--run-dir", sandbox.runDir.toString(), "--out", report.toString())).code());
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(report.toFile())) {
            String all = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(all.contains("After the install") && all.contains("by Ana Operator (envclone check): ok."),
                    "the report shows the check");
        }
    }

    @org.junit.jupiter.api.Test
    void aCleanupTheGivenPlanLeavesOutIsNoWarning() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        Path plan = folder.resolve("plan-without-lifetime");
        assertEquals(0, CliProcess.inProcess("plan", "--dbms", "sqlserver", "--out", plan.toString(), "--parts",
                "mobile-apps,secret-site-properties,deployment-zones,multiple-catalogs,saml,"
                        + "extension-db-connections").code());
        assertEquals(0, CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                plan.resolve("plan.json").toString(), "--target", sandbox.url, "--user", "sa", "--prepare-only")
                .code());

        CliProcess.Result result = check(sandbox);

        assertTrue(result.out().contains("ok: LifeTime registration: not part of this plan (cleanup-lifetime-managed "
                + "is left out)"), result.out());
        assertTrue(result.out().contains("not yet: security keys: the cleanup step cleanup-environment-security has "
                + "not run yet (prepared): run it, then check again."), result.out());
        assertEquals(0, CliProcess.inProcess("mark", "--run-dir", sandbox.runDir.toString(), "--step",
                "cleanup-front-ends", "--skip", "the DBA ran it in SSMS").code());
        assertTrue(check(sandbox).out().contains("warning: front-ends: the step cleanup-front-ends was skipped, not "
                + "executed by envclone: there are no saved rows to compare with; check it by hand."));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aConnectionDefinedAgainButNotMappedIsAWarning(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = cleaned(dbms);
        install(sandbox);
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION where DBCONNECTION_ID = 13");

        CliProcess.Result result = check(sandbox);

        assertEquals(4, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("warning: database connections: defined again but not mapped to an "
                + "extension as in the source: Warehouse"), result.out());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aSourceKeyOrFrontEndLeftInPlaceFailsNamingIt(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = cleaned(dbms);
        install(sandbox);
        // The source's token, as the clone carried it.
        sandbox.execute("delete from ossys_Parameter where NAME = 'ClientApplicationToken'");
        sandbox.execute("insert into ossys_Parameter select * from SAVED_PARAMETERS where NAME = "
                + "'ClientApplicationToken'");
        sandbox.execute("insert into ossys_server (ID, NAME, IP_ADDRESS, IS_ACTIVE) values (42, 'prod-fe-internal', "
                + "'10.20.0.11', 1)");

        CliProcess.Result result = check(sandbox);

        assertEquals(5, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("failed: security keys: ClientApplicationToken still hold the source's "
                + "value"), result.out());
        assertTrue(result.out().contains("failed: front-ends: the source's front-end prod-fe-internal listed"),
                result.out());
        String token = sandbox.rows("select VAL from SAVED_PARAMETERS where NAME = 'ClientApplicationToken'").get(0);
        assertFalse(result.out().contains(token), "the value is not shown");
    }
}
