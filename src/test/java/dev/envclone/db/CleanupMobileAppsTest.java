package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envclone.procedure.CleanupCatalog;
import dev.envclone.sql.Dbms;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CleanupMobileAppsTest {

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void emptiesTheThreeMobileConfigurationTablesAndNothingElse(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            db.insert("ossys_App_Mobile_Config (ID, APPLICATION_ID, PLATFORM, CONFIGURATION)", 1, 10, "iOS", "{}");
            db.insert("ossys_App_Mobile_Config (ID, APPLICATION_ID, PLATFORM, CONFIGURATION)", 2, 10, "Android",
                    "{}");
            db.insert("ossys_Mobile_Certificate (ID, NAME, CERTIFICATE_DATA)", 1, "Production push", "MIIB");
            db.insert("ossys_Mobile_Config_Data (ID, APP_MOBILE_CONFIG_ID, CONFIG_KEY, CONFIG_VALUE)", 1, 1,
                    "BundleId", "com.example.app");
            db.insert("ossys_Mobile_Config_Data (ID, APP_MOBILE_CONFIG_ID, CONFIG_KEY, CONFIG_VALUE)", 2, 2,
                    "PackageName", "com.example.app");
            db.insert("ossys_Mobile_Config_Data (ID, APP_MOBILE_CONFIG_ID, CONFIG_KEY, CONFIG_VALUE)", 3, 2,
                    "KeystoreAlias", "release");
            db.insert("ossys_Parameter (ID, NAME, VAL)", 1, "DefaultDomain", "keep");

            List<CleanupRun.Executed> executed = CleanupRun.run(db, CleanupCatalog.MOBILE_APPS);

            assertEquals(List.of(2, 1, 3), CleanupRun.countsOf(executed));
            assertEquals(List.of("1, 'Production push', 'MIIB'"), executed.get(1).preImage());
            assertEquals(0, db.count("ossys_App_Mobile_Config"));
            assertEquals(0, db.count("ossys_Mobile_Certificate"));
            assertEquals(0, db.count("ossys_Mobile_Config_Data"));
            assertEquals(List.of("1, 'DefaultDomain', 'keep'"), db.rows("ossys_Parameter", "ID, NAME, VAL"));
        }
    }
}
