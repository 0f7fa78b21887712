package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.CleanupCatalog;
import dev.envclone.procedure.CleanupContext;
import dev.envclone.sql.CleanupItem;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.ExpectedEntities;
import dev.envclone.sql.RefusedTableException;
import dev.envclone.sql.TableDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Table names read from ossys_entity are checked like names typed by the operator, before anything runs: the
 * entity and module the step asked for, an application table of the platform schema, a table that exists; and the
 * statement names the table as the data dictionary spells it.
 */
class DiscoveredTablesTest {
    private static final String LIFETIME_KEY = "3312b1cd-b12e-4a29-bcdc-51edcdd86ef1";
    private static final String ENTITY = "ossys_entity (ID, NAME, ESPACE_ID, PHYSICAL_TABLE_NAME, SS_KEY)";

    @TempDir
    Path folder;

    private static String refusal(PlatformDatabase db) {
        return assertThrows(RefusedTableException.class, () -> CleanupRun.run(db, CleanupCatalog.SAML)).getMessage();
    }

    private static void assertSamlRowsKept(PlatformDatabase db) throws Exception {
        assertEquals(2, db.count("OSUSR_SAM_CONFIGIDP"));
        assertEquals(1, db.count("OSUSR_SAM_CONFIG_USERMAPPINGS"));
        assertEquals(2, db.count("OSUSR_SAM_CONFIGFILEBINARY"));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void usesTheDictionarySpellingOfAStoredNameInAnotherCase(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            // The table was created unquoted (OSUSR_SAM_CONFIGSP); ossys_entity holds another case. Quoted as
            // stored, the name would not reach the table on Oracle.
            SamlFixture.seed(db, "osusr_sam_ConfigSP");

            List<CleanupRun.Executed> executed = CleanupRun.run(db, CleanupCatalog.SAML);

            assertTrue(CleanupRun.sqlOf(executed).contains("delete from " + db.dialect().quote("OSUSR_SAM_CONFIGSP")),
                    CleanupRun.sqlOf(executed).toString());
            assertEquals(0, db.count("OSUSR_SAM_CONFIGSP"));
            assertEquals(0, db.count("OSUSR_SAM_CONFIGIDP"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesAPlatformTable(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            SamlFixture.seed(db, "OSSYS_PARAMETER");
            db.insert("ossys_Parameter (ID, NAME, VAL)", 1, "EnvironmentName", "Production");

            assertEquals("SAML configuration table of entity ConfigSP in module SAML: ossys_entity.physical_table_name "
                    + "'OSSYS_PARAMETER' is a platform table (OSSYS_), not an application table: the step empties "
                    + "only application tables (OSUSR_). Nothing of the step ran. Check ossys_entity in the restored "
                    + "database, or clean these tables by hand and mark the step done by the DBA.", refusal(db));

            assertEquals(1, db.count("ossys_Parameter"));
            assertSamlRowsKept(db);
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesANameQualifiedWithAnotherSchema(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            db.execute("CREATE SCHEMA OTHER", "CREATE TABLE OTHER.OSUSR_X (ID INT)", "INSERT INTO OTHER.OSUSR_X VALUES (1)");
            SamlFixture.seed(db, "OTHER.OSUSR_X");

            assertTrue(refusal(db).contains("'OTHER.OSUSR_X' names a table of schema OTHER; envclone cleans only "
                    + "tables of the platform schema."));

            assertEquals(1, db.count("OTHER.OSUSR_X"));
            assertSamlRowsKept(db);
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesATableThatExistsOnlyInAnotherSchema(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            db.execute("CREATE SCHEMA OTHER", "CREATE TABLE OTHER.OSUSR_ELSE_DATA (ID INT)",
                    "INSERT INTO OTHER.OSUSR_ELSE_DATA VALUES (1)");
            SamlFixture.seed(db, "OSUSR_ELSE_DATA");

            String schema = dbms == Dbms.SQLSERVER ? "PUBLIC or dbo" : PlatformDatabase.ADMIN_USER;
            assertTrue(refusal(db).contains("'OSUSR_ELSE_DATA' is not a table of schema " + schema
                    + " (the data dictionary was searched ignoring case)."));

            assertEquals(1, db.count("OTHER.OSUSR_ELSE_DATA"));
            assertSamlRowsKept(db);
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesATableThatDoesNotExistBeforeAnyPreImage(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms); Connection session = db.openSession()) {
            SamlFixture.seed(db, "OSUSR_SAM_CONFIGSP_OLD");
            StepExecutor executor = new StepExecutor(TargetSession.on(session, db.dialect(), PlatformDatabase.ADMIN_USER));
            Path preImages = folder.resolve("step");

            RefusedTableException refused = assertThrows(RefusedTableException.class, () -> executor.execute(
                    samlItems(db), null, preImages, StepExecutor.Checkpoints.NONE, new CancelToken(),
                    ProgressListener.NONE));

            assertTrue(refused.getMessage().contains("entity ConfigSP in module SAML: ossys_entity.physical_table_name "
                    + "'OSUSR_SAM_CONFIGSP_OLD' is not a table of schema"), refused.getMessage());
            assertFalse(Files.exists(preImages), "no pre-image folder");
            assertSamlRowsKept(db);
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesATableThatIsNotAnApplicationTable(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            db.execute("CREATE TABLE KEEP_AUDIT (ID INT)", "INSERT INTO KEEP_AUDIT VALUES (1)");
            SamlFixture.seed(db, "KEEP_AUDIT");

            assertTrue(refusal(db).contains("'KEEP_AUDIT' is not an application table: OutSystems application tables "
                    + "start with OSUSR_."));

            assertEquals(1, db.count("KEEP_AUDIT"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesAViewNamedLikeAnApplicationTable(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            SamlFixture.seed(db, "OSUSR_SAM_CONFIGSP");
            db.execute("CREATE VIEW OSUSR_SAM_CONFIGSP_V AS SELECT * FROM OSUSR_SAL_CUSTOMER",
                    "UPDATE ossys_entity SET PHYSICAL_TABLE_NAME = 'OSUSR_SAM_CONFIGSP_V' WHERE NAME = 'ConfigSP'");

            assertTrue(refusal(db).contains("'OSUSR_SAM_CONFIGSP_V' is not a table of schema"));

            assertEquals(2, db.count("OSUSR_SAL_CUSTOMER"));
        }
    }

    @Test
    void refusesANameThatMatchesTwoOracleTablesDifferingOnlyInCase() throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(Dbms.ORACLE)) {
            SamlFixture.seed(db, "osusr_sam_configsp");
            db.execute("CREATE TABLE \"osusr_sam_configsp\" (ID INT)");

            assertTrue(refusal(db).contains("matches several tables of schema OSADMIN that differ only in case "));

            assertEquals(1, db.count("OSUSR_SAM_CONFIGSP"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesSamlEntitiesFoundInTwoModules(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            SamlFixture.seed(db, "OSUSR_SAM_CONFIGSP");
            // An application that happens to name an entity ConfigIdP: the document would empty its table too.
            db.insert(ENTITY, 8, "ConfigIdP", 2, "OSUSR_SAL_CUSTOMER", "e8");

            assertEquals("SAML configuration tables: ossys_entity lists the entities ConfigIdP, ConfigSP, "
                    + "ConfigInternal, ConfigFile, ConfigFileBinary, Config_UserMappings in 2 modules (SAML (id 3), "
                    + "Sales (id 2)); envclone does not guess which one to empty. Nothing of the step ran. Check "
                    + "ossys_entity in the restored database, or clean these tables by hand and mark the step done by "
                    + "the DBA.", refusal(db));

            assertEquals(2, db.count("OSUSR_SAL_CUSTOMER"));
            assertSamlRowsKept(db);
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesARowOfAnEntityTheStepDidNotAskFor(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            SamlFixture.seed(db, "OSUSR_SAM_CONFIGSP");
            // A query that lists more than its step asks for: every row is checked against the step's entities.
            TableDiscovery wider = new TableDiscovery("shown", "FROM ossys_entity INNER JOIN ossys_espace ON "
                    + "ossys_espace.id = ossys_entity.espace_id", "d.entity_name", "delete from ", "", null,
                    ExpectedEntities.named("SAML configuration table", List.of("ConfigIdP", "ConfigSP",
                            "ConfigInternal", "ConfigFile", "ConfigFileBinary", "Config_UserMappings")), null);

            RefusedTableException refused = assertThrows(RefusedTableException.class, () -> resolve(db, wider));

            assertTrue(refused.getMessage().contains("'OSUSR_SAL_CUSTOMER' belongs to entity Customer, which the "
                    + "step did not ask for"), refused.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesALifetimeRowOfAnInactiveModule(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            seedLifetime(db);
            TableDiscovery anyModule = lifetimeDiscovery("where ossys_entity.ss_key = '" + LIFETIME_KEY + "'");

            RefusedTableException refused = assertThrows(RefusedTableException.class, () -> resolve(db, anyModule));

            assertTrue(refused.getMessage().startsWith("LifeTime environment table of entity Environment in module "
                    + "LifeTime_Old: ossys_entity.physical_table_name 'OSUSR_LTO_ENVIRONMENT' belongs to module "
                    + "LifeTime_Old, which is not active."), refused.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void refusesALifetimeRowWithAnotherSsKey(Dbms dbms) throws Exception {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            seedLifetime(db);
            TableDiscovery anyEntity = lifetimeDiscovery("where ossys_espace.is_active = 1");

            RefusedTableException refused = assertThrows(RefusedTableException.class, () -> resolve(db, anyEntity));

            assertTrue(refused.getMessage().contains("'OSUSR_LTM_APPLICATION' belongs to an entity with ss_key "
                    + "e-application, not the one the step asks for (" + LIFETIME_KEY + ")"), refused.getMessage());
        }
    }

    private static void seedLifetime(PlatformDatabase db) throws Exception {
        db.insert("ossys_Espace (ID, NAME, IS_ACTIVE)", 10, "LifeTime", 1);
        db.insert("ossys_Espace (ID, NAME, IS_ACTIVE)", 11, "LifeTime_Old", 0);
        db.insert(ENTITY, 1, "Environment", 10, "OSUSR_LTM_ENVIRONMENT", LIFETIME_KEY);
        db.insert(ENTITY, 2, "Environment", 11, "OSUSR_LTO_ENVIRONMENT", LIFETIME_KEY);
        db.insert(ENTITY, 3, "Application", 10, "OSUSR_LTM_APPLICATION", "e-application");
        for (String table : List.of("OSUSR_LTM_ENVIRONMENT", "OSUSR_LTO_ENVIRONMENT", "OSUSR_LTM_APPLICATION")) {
            db.execute("CREATE TABLE " + table + " (ID INT, ISACTIVE INT)");
        }
    }

    /** The LifeTime step's discovery with another WHERE: what the step expects stays the catalog's. */
    private static TableDiscovery lifetimeDiscovery(String where) {
        return new TableDiscovery("shown", "from ossys_entity inner join ossys_espace on espace_id = ossys_espace.id "
                + where, "d.physical_table_name", "update ", " set isactive=0", null,
                ExpectedEntities.keyed("LifeTime environment table", LIFETIME_KEY), "isactive = 0");
    }

    private static List<CleanupItem> samlItems(PlatformDatabase db) {
        return CleanupCatalog.SAML.statementsFor(new CleanupContext(db.dialect(), PlatformDatabase.ADMIN_USER));
    }

    private static void resolve(PlatformDatabase db, TableDiscovery discovery) throws Exception {
        try (Connection session = db.openSession()) {
            TargetSession.prepare(session, db.dialect(), PlatformDatabase.ADMIN_USER);
            CleanupStatements.resolve(session, db.dialect(), List.of(discovery));
        }
    }
}
