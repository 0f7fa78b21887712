package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.CleanupItem;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.ExpectedEntities;
import dev.envclone.sql.RowChange;
import dev.envclone.sql.TableDiscovery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CleanupStatementsTest {

    private static final RowChange OBSERVER_DELETE =
            RowChange.delete("ossys_PlatformSvcs_Observer", null).whenTableExists();

    private static List<RowChange> resolvePrepared(PlatformDatabase db, List<CleanupItem> items)
            throws SQLException {
        try (Connection session = db.openSession()) {
            TargetSession.prepare(session, db.dialect(), PlatformDatabase.ADMIN_USER);
            return CleanupStatements.resolve(session, db.dialect(), items);
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void expandsADiscoveryInTheOrderItsQueryReturns(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            db.insert("ossys_Espace (ID, NAME, IS_ACTIVE)", 1, "App", 1);
            String entity = "ossys_entity (ID, NAME, ESPACE_ID, PHYSICAL_TABLE_NAME, SS_KEY)";
            db.insert(entity, 1, "A", 1, "OSUSR_X_A", "k");
            db.insert(entity, 2, "B", 1, "OSUSR_X_B", "k");
            db.insert(entity, 3, "C", 1, "OSUSR_X_C", "other");
            db.execute("CREATE TABLE OSUSR_X_A (ID INT)", "CREATE TABLE OSUSR_X_B (ID INT)");
            TableDiscovery discovery = new TableDiscovery("shown", "from ossys_entity inner join ossys_espace on "
                    + "ossys_espace.id = ossys_entity.espace_id where ss_key = 'k'", "d.entity_name desc",
                    "delete from ", "", "ID > 0", ExpectedEntities.keyed("test table", "k"), null);

            List<RowChange> changes = resolvePrepared(db, List.of(RowChange.delete("ossys_server", null),
                    discovery));

            String b = db.dialect().quote("OSUSR_X_B");
            String a = db.dialect().quote("OSUSR_X_A");
            assertEquals(List.of("delete from ossys_server", "delete from " + b + " where ID > 0",
                    "delete from " + a + " where ID > 0"), changes.stream().map(RowChange::sql).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void keepsAStatementWhoseRequiredTableExistsInAnotherLetterCase(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            List<CleanupItem> items = List.of(OBSERVER_DELETE,
                    RowChange.delete("OSSYS_CLOUDSERVICES_OBSERVER", null).whenTableExists());

            assertEquals(items, resolvePrepared(db, items));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void dropsAStatementWhoseRequiredTableIsMissing(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            db.execute("DROP TABLE ossys_PlatformSvcs_Observer");
            RowChange plain = RowChange.delete("ossys_server", null);

            assertEquals(List.of(plain), resolvePrepared(db, List.of(OBSERVER_DELETE, plain)));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void doesNotTakeTheUnderscoreOfATableNameAsAWildcard(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            db.execute("DROP TABLE ossys_PlatformSvcs_Observer",
                    "CREATE TABLE ossysXPlatformSvcsXObserver (ID INT NOT NULL PRIMARY KEY)");

            assertEquals(List.of(), resolvePrepared(db, List.of(OBSERVER_DELETE)));
        }
    }

    @Test
    void looksForARequiredSqlServerTableInDboAfterTheDefaultSchema() throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(Dbms.SQLSERVER);
             Connection session = db.openSession()) {
            db.execute("CREATE SCHEMA dbo", "CREATE TABLE dbo.ossys_Tenant (ID INT NOT NULL PRIMARY KEY)");

            assertTrue(CleanupStatements.tableExists(session, db.dialect(), "ossys_Tenant"));
            assertFalse(CleanupStatements.tableExists(session, db.dialect(), "ossys_Missing"));
        }
    }

    @Test
    void reachesTheOracleAdminSchemaOnlyOncePrepared() throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(Dbms.ORACLE);
             Connection session = db.openSession()) {
            // A login other than the admin user: its own schema has no platform tables ...
            assertThrows(SQLException.class,
                    () -> PlatformDatabase.query(session, "select count(*) from ossys_server"));
            assertEquals(List.of(), CleanupStatements.resolve(session, db.dialect(), List.of(OBSERVER_DELETE)));

            TargetSession.prepare(session, db.dialect(), PlatformDatabase.ADMIN_USER);

            assertEquals(List.of("0"), PlatformDatabase.query(session, "select count(*) from ossys_server"));
            assertEquals(List.of(OBSERVER_DELETE),
                    CleanupStatements.resolve(session, db.dialect(), List.of(OBSERVER_DELETE)));
        }
    }
}
