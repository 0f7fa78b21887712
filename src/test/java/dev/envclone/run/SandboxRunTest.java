package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** sandbox create, then run --steps all: every cleanup target in the sandbox is clean, table by table. */
class SandboxRunTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void runAllCleansEveryTargetAndBlocksDatabaseConnectionsUntilUnmapped(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        CliProcess.Result first = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url, "--user", "sa", "--steps", "all", "--yes");
        assertEquals(3, first.code(), first.out() + first.err());
        assertTrue(first.err().contains("cleanup-database-connections: blocked: Extensions still map database "
                + "connections"), first.err());
        assertEquals(3, sandbox.count("ossys_dbconnection"), "blocked: nothing deleted");

        assertEquals(List.of("DefaultDNSName", "EnvironmentName", "LogRetentionDays", "MaxPageSize", "sessionversion",
                "version"), sandbox.rows("select NAME from ossys_Parameter order by NAME"));
        for (String table : List.of("ossys_App_Mobile_Config", "ossys_Mobile_Certificate", "ossys_Mobile_Config_Data",
                "ossys_modulefrontend", "ossys_moduleinternaladdress", "ossys_server", "ossys_PlatformSvcs_Observer",
                "ossys_cloudservices_observer", "OSUSR_SAM_CONFIGIDP", "OSUSR_SAM_CONFIGSP", "OSUSR_SAM_CONFIGINTERNAL",
                "OSUSR_SAM_CONFIGFILE", "OSUSR_SAM_CONFIGFILEBINARY", "OSUSR_SAM_CONFIGUSERMAPPINGS")) {
            assertEquals(0, sandbox.count(table), table);
        }
        assertEquals(List.of("Compiler Max Threads", "Platform Version"),
                sandbox.rows("select NAME from ossys_platformconfig order by NAME"));
        for (String table : List.of("OSSYS_SITE_PROPERTY", "OSSYS_SITE_PROPERTY_SHARED")) {
            assertEquals(List.of(), sandbox.rows("select p.ID from " + table + " p join OSSYS_SITE_PROPERTY_DEF_EXT x "
                    + "on x.SITE_PROPERTY_DEFINITION_ID = p.SITE_PROPERTY_DEFINITION_ID join "
                    + "OSSYS_SITE_PROPERTY_DEFINITION d on d.ID = p.SITE_PROPERTY_DEFINITION_ID where x.IS_SECRET = 1 "
                    + "and (p.PROPERTY_VALUE <> d.DEFAULT_VALUE or p.USER_MODIFIED <> 0)"), "secret values in " + table);
            assertTrue(sandbox.count(table) > 100, "the other site properties stay in " + table);
        }
        assertEquals(List.of("UseActiveDirectoryLogin|False", "UseIntegratedAuthenticationLogin|False",
                        "UseLDAPLogin|False", "UseLDAPStandard|True", "UseSAMLLogin|False"),
                sandbox.rows("select d.NAME, p.PROPERTY_VALUE from OSSYS_SITE_PROPERTY p join "
                        + "OSSYS_SITE_PROPERTY_DEFINITION d on d.ID = p.SITE_PROPERTY_DEFINITION_ID join ossys_Espace e "
                        + "on e.ID = d.ESPACE_ID where e.NAME = 'Users' order by d.NAME"));
        assertEquals(List.of("True", "True", "True", "True", "True"), sandbox.rows("select p.PROPERTY_VALUE from "
                + "OSSYS_SITE_PROPERTY p join OSSYS_SITE_PROPERTY_DEFINITION d on d.ID = p.SITE_PROPERTY_DEFINITION_ID "
                + "where d.ESPACE_ID = 6 and d.NAME like 'Use%'"), "the same names in another module stay");
        String blank = dbms == Dbms.SQLSERVER ? "" : " ";
        assertEquals(List.of(blank, blank), sandbox.rows("select s.PROPERTY_VALUE from OSSYS_SITE_PROPERTY_SHARED s "
                + "join OSSYS_SITE_PROPERTY_DEFINITION d on d.ID = s.SITE_PROPERTY_DEFINITION_ID where d.SS_KEY in "
                + "('1aaec1be-d60f-43d4-ba32-391f4c3080a6', '441f6eef-9c7f-4bb4-b3dd-7220272269ad')"));
        assertEquals(List.of("(Main)|OSRUNTIME|main", "Archive| | ", "Reporting| | "),
                sandbox.rows("select NAME, USERNAME, PASSWORD from ossys_dbcatalog order by NAME"));
        assertEquals(List.of("0", "0", "0"), sandbox.rows("select ISACTIVE from OSUSR_LTM_ENVIRONMENT"));
        assertEquals(List.of("1"), sandbox.rows("select ISACTIVE from OSUSR_OLD_ENVIRONMENT"),
                "an inactive module's LifeTime table stays");

        // The operator unmaps the extensions in Service Center; the run resumes and finishes.
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        CliProcess.Result second = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--target",
                sandbox.url, "--user", "sa", "--yes");
        assertEquals(0, second.code(), second.out() + second.err());
        assertTrue(second.out().contains("cleanup-front-ends: done already"), second.out());
        assertEquals(List.of("$OS_LOG_DB_7e3e8ce0"), sandbox.rows("select NAME from ossys_dbconnection"));
    }
}
