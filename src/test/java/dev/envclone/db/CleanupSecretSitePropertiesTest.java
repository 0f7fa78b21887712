package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envclone.procedure.CleanupCatalog;
import dev.envclone.sql.Dbms;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CleanupSecretSitePropertiesTest {

    private static final String PROPERTY = "ID, SITE_PROPERTY_DEFINITION_ID, TENANT_ID, PROPERTY_VALUE, USER_MODIFIED";

    /** Definitions 10 and 13 are secret, 11 is explicitly not, 12 has no extension row at all. */
    private static void seed(PlatformDatabase db) throws SQLException {
        db.insert("ossys_Espace (ID, NAME, IS_ACTIVE)", 1, "Users", 1);
        db.insert("ossys_Espace (ID, NAME, IS_ACTIVE)", 2, "Sales", 1);
        String definition = "OSSYS_SITE_PROPERTY_DEFINITION (ID, ESPACE_ID, NAME, DEFAULT_VALUE, SS_KEY)";
        db.insert(definition, 10, 2, "ApiKey", "default-key", "a1");
        db.insert(definition, 11, 2, "BaseUrl", "https://default", "a2");
        db.insert(definition, 12, 2, "Timeout", "30", "a3");
        db.insert(definition, 13, 1, "ClientSecret", null, "a4");
        String ext = "OSSYS_SITE_PROPERTY_DEF_EXT (SITE_PROPERTY_DEFINITION_ID, IS_SECRET)";
        db.insert(ext, 10, 1);
        db.insert(ext, 11, 0);
        db.insert(ext, 13, 1);
        String property = "OSSYS_SITE_PROPERTY (" + PROPERTY + ")";
        db.insert(property, 1, 10, 1, "encrypted-A", 1);
        db.insert(property, 2, 10, 2, "encrypted-B", 0);
        db.insert(property, 3, 11, 1, "https://prod", 1);
        db.insert(property, 4, 12, 1, "60", 1);
        db.insert(property, 5, 13, 1, "encrypted-C", 1);
        String shared = "OSSYS_SITE_PROPERTY_SHARED (" + PROPERTY + ")";
        db.insert(shared, 1, 10, 1, "encrypted-S", 1);
        db.insert(shared, 2, 11, 1, "https://shared", 1);
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void resetsOnlySecretPropertiesToTheirDefaults(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            seed(db);

            List<CleanupRun.Executed> executed = CleanupRun.run(db, CleanupCatalog.SECRET_SITE_PROPERTIES);

            assertEquals(List.of(3, 1), CleanupRun.countsOf(executed));
            assertEquals(List.of(
                    "1, 10, 1, 'encrypted-A', 1",
                    "2, 10, 2, 'encrypted-B', 0",
                    "5, 13, 1, 'encrypted-C', 1"), executed.get(0).preImage());
            assertEquals(List.of(
                    "1, 10, 1, 'default-key', 0",
                    "2, 10, 2, 'default-key', 0",
                    "3, 11, 1, 'https://prod', 1",
                    "4, 12, 1, '60', 1",
                    "5, 13, 1, NULL, 0"), db.rows("OSSYS_SITE_PROPERTY", PROPERTY));
            assertEquals(List.of(
                    "1, 10, 1, 'default-key', 0",
                    "2, 11, 1, 'https://shared', 1"), db.rows("OSSYS_SITE_PROPERTY_SHARED", PROPERTY));
        }
    }
}
