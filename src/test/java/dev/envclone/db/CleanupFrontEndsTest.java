package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envclone.procedure.CleanupCatalog;
import dev.envclone.sql.Dbms;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CleanupFrontEndsTest {

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void deletesEverySourceFrontEnd(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            db.insert("ossys_server (ID, NAME, IP_ADDRESS, IS_ACTIVE)", 1, "PROD-FE1", "10.0.0.11", 1);
            db.insert("ossys_server (ID, NAME, IP_ADDRESS, IS_ACTIVE)", 2, "PROD-FE2", "10.0.0.12", 0);
            db.insert("ossys_Parameter (ID, NAME, VAL)", 1, "DefaultDomain", "keep");

            List<CleanupRun.Executed> executed = CleanupRun.run(db, CleanupCatalog.FRONT_ENDS);

            assertEquals(List.of(2), CleanupRun.countsOf(executed));
            assertEquals(List.of("1, 'PROD-FE1', '10.0.0.11', 1", "2, 'PROD-FE2', '10.0.0.12', 0"),
                    executed.get(0).preImage());
            assertEquals(0, db.count("ossys_server"));
            assertEquals(1, db.count("ossys_Parameter"));
        }
    }
}
