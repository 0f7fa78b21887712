package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.envclone.procedure.CleanupCatalog;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.RefusedTableException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CleanupRunningLifetimeTest {

    private static final String ENVIRONMENT_ENTITY = "3312b1cd-b12e-4a29-bcdc-51edcdd86ef1";

    /**
     * Two active LifeTime modules (the catalog orders their tables by name), one inactive one whose table must
     * stay, and another entity of the active module with an isactive column that is not the environment entity.
     */
    private static void seed(PlatformDatabase db, String lifetimeTable) throws SQLException {
        db.insert("ossys_Espace (ID, NAME, IS_ACTIVE)", 10, "LifeTime", 1);
        db.insert("ossys_Espace (ID, NAME, IS_ACTIVE)", 11, "LifeTime_Old", 0);
        db.insert("ossys_Espace (ID, NAME, IS_ACTIVE)", 12, "LifeTime_Copy", 1);
        String entity = "ossys_entity (ID, NAME, ESPACE_ID, PHYSICAL_TABLE_NAME, SS_KEY)";
        db.insert(entity, 1, "Environment", 10, lifetimeTable, ENVIRONMENT_ENTITY);
        db.insert(entity, 2, "Environment", 11, "OSUSR_LTO_ENVIRONMENT", ENVIRONMENT_ENTITY);
        db.insert(entity, 3, "Environment", 12, "OSUSR_ABC_ENVIRONMENT", ENVIRONMENT_ENTITY);
        db.insert(entity, 4, "Application", 10, "OSUSR_LTM_APPLICATION", "9d1b7c33-0000-4000-8000-000000000004");
        String flag = db.dbms() == Dbms.SQLSERVER ? "BIT" : "NUMBER(1)";
        for (String table : List.of("OSUSR_LTM_ENVIRONMENT", "OSUSR_LTO_ENVIRONMENT", "OSUSR_ABC_ENVIRONMENT",
                "OSUSR_LTM_APPLICATION")) {
            db.execute("CREATE TABLE " + table + " (ID INT NOT NULL PRIMARY KEY, NAME VARCHAR(100), ISACTIVE "
                    + flag + " NOT NULL)");
        }
        db.insert("OSUSR_LTM_ENVIRONMENT (ID, NAME, ISACTIVE)", 1, "Development", 1);
        db.insert("OSUSR_LTM_ENVIRONMENT (ID, NAME, ISACTIVE)", 2, "Production", 1);
        db.insert("OSUSR_LTM_ENVIRONMENT (ID, NAME, ISACTIVE)", 3, "Retired", 0);
        db.insert("OSUSR_ABC_ENVIRONMENT (ID, NAME, ISACTIVE)", 1, "Quality", 1);
        db.insert("OSUSR_LTO_ENVIRONMENT (ID, NAME, ISACTIVE)", 1, "Development", 1);
        db.insert("OSUSR_LTM_APPLICATION (ID, NAME, ISACTIVE)", 1, "Portal", 1);
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void deactivatesTheLifetimeEnvironmentsOfActiveModulesOnly(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            seed(db, "OSUSR_LTM_ENVIRONMENT");

            List<CleanupRun.Executed> executed = CleanupRun.run(db, CleanupCatalog.RUNNING_LIFETIME);

            assertEquals(List.of(
                    "update " + db.dialect().quote("OSUSR_ABC_ENVIRONMENT") + " set isactive=0",
                    "update " + db.dialect().quote("OSUSR_LTM_ENVIRONMENT") + " set isactive=0"),
                    CleanupRun.sqlOf(executed));
            assertEquals(List.of(1, 3), CleanupRun.countsOf(executed));
            assertEquals(List.of("1, 'Development', 0", "2, 'Production', 0", "3, 'Retired', 0"),
                    db.rows("OSUSR_LTM_ENVIRONMENT", "ID, NAME, ISACTIVE"));
            assertEquals(List.of("1, 'Quality', 0"), db.rows("OSUSR_ABC_ENVIRONMENT", "ID, NAME, ISACTIVE"));
            assertEquals(List.of("1, 'Development', 1"), db.rows("OSUSR_LTO_ENVIRONMENT", "ID, NAME, ISACTIVE"));
            assertEquals(List.of("1, 'Portal', 1"), db.rows("OSUSR_LTM_APPLICATION", "ID, NAME, ISACTIVE"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void rejectsAHostilePhysicalTableNameBeforeRunningAnything(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            seed(db, "X; DROP TABLE ossys_server");
            db.insert("ossys_server (ID, NAME, IP_ADDRESS, IS_ACTIVE)", 1, "FE1", "10.0.0.1", 1);

            assertThrows(RefusedTableException.class, () -> CleanupRun.run(db, CleanupCatalog.RUNNING_LIFETIME));

            assertEquals(1, db.count("ossys_server"));
            // Sorted before the hostile name, yet not run: every name is checked before the first statement.
            assertEquals(List.of("1, 'Quality', 1"), db.rows("OSUSR_ABC_ENVIRONMENT", "ID, NAME, ISACTIVE"));
        }
    }
}
