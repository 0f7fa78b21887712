package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envclone.procedure.CleanupCatalog;
import dev.envclone.sql.Dbms;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CleanupDeploymentZonesTest {

    private static final List<String> ZONE_SETTINGS = List.of(
            "Application Deployment Configuration",
            "Default Application Deploy Instance",
            "Previous Deployment Zone Used",
            "Previous Deployment Zone Key",
            "Configured Application Deploy");

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void deletesZonesAndOnlyTheFiveDeploymentSettings(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            db.insert("ossys_modulefrontend (ID, ESPACE_ID, SERVER_ID)", 1, 5, 1);
            db.insert("ossys_modulefrontend (ID, ESPACE_ID, SERVER_ID)", 2, 6, 2);
            db.insert("ossys_moduleinternaladdress (ID, ESPACE_ID, ADDRESS)", 1, 5, "10.0.0.5");
            for (String name : ZONE_SETTINGS) {
                db.insert("ossys_platformconfig (NAME, VAL)", name, "zone-config");
            }
            db.insert("ossys_platformconfig (NAME, VAL)", "Deployment Zone Timeout", "keep");
            db.insert("ossys_platformconfig (NAME, VAL)", "Environment Name", "keep");

            List<CleanupRun.Executed> executed = CleanupRun.run(db, CleanupCatalog.DEPLOYMENT_ZONES);

            assertEquals(List.of(2, 1, 5), CleanupRun.countsOf(executed));
            assertEquals(0, db.count("ossys_modulefrontend"));
            assertEquals(0, db.count("ossys_moduleinternaladdress"));
            assertEquals(List.of("'Deployment Zone Timeout', 'keep'", "'Environment Name', 'keep'"),
                    db.rows("ossys_platformconfig", "NAME, VAL"));
        }
    }
}
