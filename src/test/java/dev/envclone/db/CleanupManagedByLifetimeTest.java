package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envclone.procedure.CleanupCatalog;
import dev.envclone.sql.Dbms;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CleanupManagedByLifetimeTest {

    private static final String PROPERTY = "ID, SITE_PROPERTY_DEFINITION_ID, TENANT_ID, PROPERTY_VALUE, USER_MODIFIED";

    private static void seedProperties(PlatformDatabase db) throws SQLException {
        db.insert("ossys_Espace (ID, NAME, IS_ACTIVE)", 1, "LifeTimeSDK", 1);
        db.insert("ossys_Espace (ID, NAME, IS_ACTIVE)", 2, "Sales", 1);
        String definition = "OSSYS_SITE_PROPERTY_DEFINITION (ID, ESPACE_ID, NAME, DEFAULT_VALUE, SS_KEY)";
        db.insert(definition, 40, 1, "EnvironmentKey", "", "1aaec1be-d60f-43d4-ba32-391f4c3080a6");
        db.insert(definition, 41, 1, "RegistrationToken", "", "441f6eef-9c7f-4bb4-b3dd-7220272269ad");
        db.insert(definition, 42, 1, "PollingInterval", "60", "5f0e7c36-0000-4000-8000-000000000042");
        db.insert(definition, 43, 2, "EnvironmentKey", "", "5f0e7c36-0000-4000-8000-000000000043");
        String shared = "OSSYS_SITE_PROPERTY_SHARED (" + PROPERTY + ")";
        db.insert(shared, 1, 40, 1, "prod-environment-key", 1);
        db.insert(shared, 2, 41, 1, "prod-registration-token", 1);
        db.insert(shared, 3, 42, 1, "120", 1);
        db.insert(shared, 4, 43, 1, "sales-key", 1);
        // The statement changes the shared table only: a per-module value of the same definition stays.
        db.insert("OSSYS_SITE_PROPERTY (" + PROPERTY + ")", 1, 40, 1, "module-copy", 1);
    }

    private static void seedObservers(PlatformDatabase db) throws SQLException {
        db.insert("ossys_PlatformSvcs_Observer (ID, OBSERVER_KEY)", 1, "lifetime-prod");
        db.insert("ossys_PlatformSvcs_Observer (ID, OBSERVER_KEY)", 2, "lifetime-prod-2");
        db.insert("ossys_cloudservices_observer (ID, OBSERVER_KEY)", 1, "cloud-prod");
    }

    /**
     * The blank the document writes: '' on SQL Server; ' ' on Oracle, where '' would be stored as NULL and, as
     * the H2 test of Oracle mode shows, a NULL is what the SQL Server text would leave there.
     */
    private static String blank(Dbms dbms) {
        return dbms == Dbms.SQLSERVER ? "''" : "' '";
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void clearsTheObserversAndBlanksTheLifetimeIdentity(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            seedProperties(db);
            seedObservers(db);

            List<CleanupRun.Executed> executed = CleanupRun.run(db, CleanupCatalog.MANAGED_BY_LIFETIME);

            assertEquals(List.of(2, 1, 2), CleanupRun.countsOf(executed));
            assertEquals(0, db.count("ossys_PlatformSvcs_Observer"));
            assertEquals(0, db.count("ossys_cloudservices_observer"));
            assertEquals(List.of(
                    "1, 40, 1, " + blank(dbms) + ", 1",
                    "2, 41, 1, " + blank(dbms) + ", 1",
                    "3, 42, 1, '120', 1",
                    "4, 43, 1, 'sales-key', 1"), db.rows("OSSYS_SITE_PROPERTY_SHARED", PROPERTY));
            assertEquals(List.of("1, 40, 1, 'module-copy', 1"), db.rows("OSSYS_SITE_PROPERTY", PROPERTY));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void skipsTheObserverTablesWhenThePlatformVersionHasNone(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            db.execute("DROP TABLE ossys_PlatformSvcs_Observer", "DROP TABLE ossys_cloudservices_observer");
            seedProperties(db);

            List<CleanupRun.Executed> executed = CleanupRun.run(db, CleanupCatalog.MANAGED_BY_LIFETIME);

            assertEquals(1, executed.size());
            assertEquals("ossys_Site_Property_Shared", executed.get(0).change().table());
            assertEquals(2, executed.get(0).updateCount());
        }
    }
}
