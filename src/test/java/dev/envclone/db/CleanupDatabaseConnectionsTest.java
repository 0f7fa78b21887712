package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.envclone.procedure.CleanupCatalog;
import dev.envclone.sql.Dbms;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CleanupDatabaseConnectionsTest {

    private static final List<String> CONNECTIONS = List.of(
            "1, '$OS_LOG_DB_7e3e8ce0', 'SqlServer', 'log'",
            "2, '$os_log_db_7E3E8CE0', 'SqlServer', 'log, other spelling'",
            "3, 'CRM', 'SqlServer', 'crm'",
            "4, 'ERP', 'Oracle', 'erp'");

    private static void seed(PlatformDatabase db) throws SQLException {
        for (String row : CONNECTIONS) {
            db.execute("insert into ossys_dbconnection (ID, NAME, PROVIDER_KEY, CONNECTION_STRING) values ("
                    + row + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void deletesEveryConnectionButTheLogOneInAnyLetterCase(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            seed(db);

            List<CleanupRun.Executed> executed = CleanupRun.run(db, CleanupCatalog.DATABASE_CONNECTIONS);

            assertEquals(List.of(2), CleanupRun.countsOf(executed));
            assertEquals(CONNECTIONS.subList(2, 4), executed.get(0).preImage());
            // Both spellings stay because the comparison ignores case (SQL Server's collation; Oracle's
            // NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI session, which the document sets for this statement).
            assertEquals(CONNECTIONS.subList(0, 2),
                    db.rows("ossys_dbconnection", "ID, NAME, PROVIDER_KEY, CONNECTION_STRING"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void failsAndChangesNothingWhileAnExtensionStillUsesAConnection(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            seed(db);
            db.insert("OSSYS_EXTENSION_DBCONNECTION (ID, EXTENSION_ID, LOGICAL_DATABASE, DBCONNECTION_ID)",
                    1, 7, "CrmDatabase", 3);

            // The document's warning: remap the extension to "(not configured)" in Service Center first.
            assertThrows(SQLException.class, () -> CleanupRun.run(db, CleanupCatalog.DATABASE_CONNECTIONS));

            assertEquals(CONNECTIONS, db.rows("ossys_dbconnection", "ID, NAME, PROVIDER_KEY, CONNECTION_STRING"));
        }
    }
}
