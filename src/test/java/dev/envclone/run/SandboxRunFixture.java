package dev.envclone.run;

import dev.envclone.cli.CliProcess;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small sandbox, a plan for it, and helpers to read what is in the sandbox now. */
public final class SandboxRunFixture {
    public final Dbms dbms;
    public final Path folder;
    public final String url;
    public final Path plan;
    public final Path runDir;

    public SandboxRunFixture(Dbms dbms, Path folder) throws Exception {
        this.dbms = dbms;
        this.folder = folder;
        this.url = Sandbox.create(dbms, folder.resolve("sandbox"), SandboxSize.SMALL);
        CliProcess.Result planned = CliProcess.inProcess("plan", "--dbms", dbms.cliName(), "--out",
                folder.resolve("plan").toString());
        if (planned.code() != 0) {
            throw new IllegalStateException(planned.err());
        }
        this.plan = folder.resolve("plan").resolve("plan.json");
        this.runDir = folder.resolve("run");
    }

    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, "sa", "");
        if (dbms == Dbms.ORACLE) {
            connection.setSchema(Sandbox.ORACLE_SCHEMA);
        }
        return connection;
    }

    public List<String> rows(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c > 1 ? "|" : "").append(result.getString(c));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    public long count(String table) throws SQLException {
        return Long.parseLong(rows("select count(*) from " + table).get(0));
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Every cleanup target of the sandbox is clean, table by table, and the rows that must stay are there (all
     * but the database-connections step, which the caller checks once the extensions are unmapped).
     */
    public void assertCleaned() throws SQLException {
        SandboxRunFixture sandbox = this;
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

    }

    /** A fixture for a sandbox made elsewhere (the wizard's rehearsal), to read and check it. */
    public static SandboxRunFixture existing(Dbms dbms, String url) {
        return new SandboxRunFixture(dbms, url);
    }

    private SandboxRunFixture(Dbms dbms, String url) {
        this.dbms = dbms;
        this.folder = null;
        this.url = url;
        this.plan = null;
        this.runDir = null;
    }
}
