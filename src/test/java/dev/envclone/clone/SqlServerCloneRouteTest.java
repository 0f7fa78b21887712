package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.Secret;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.sql.Dbms;
import org.junit.jupiter.api.Test;

/** The route refuses URLs that name other catalogs than the plan's before it connects anywhere. */
class SqlServerCloneRouteTest {
    private static final MigrationPlan PLAN = SqlServerCloneStatementsTest.customPlan();

    private static SqlServerLogin login(String database) {
        // Port 9 (discard) on loopback: were the route to connect, it would fail with a connection error instead.
        return new SqlServerLogin("jdbc:sqlserver://127.0.0.1:9;databaseName=" + database + ";encrypt=true",
                "envclone", Secret.of("x".toCharArray()));
    }

    @Test
    void aSourceUrlNamingAnotherCatalogIsRefused() {
        CloneFailedException refused = assertThrows(CloneFailedException.class,
                () -> SqlServerCloneRoute.open(PLAN, login("OUTSYSTEMS"), login("OS_QA")));
        assertEquals("--source names database OUTSYSTEMS, but the plan's source catalog is OS_PROD: give "
                + ";databaseName=OS_PROD in the URL, or make the plan again.", refused.getMessage());
        assertEquals("nothing was changed", refused.left());
    }

    @Test
    void aTargetUrlNamingAnotherCatalogIsRefused() {
        CloneFailedException refused = assertThrows(CloneFailedException.class,
                () -> SqlServerCloneRoute.open(PLAN, login("OS_PROD"), login("OS_PROD")));
        assertTrue(refused.getMessage().startsWith("--target names database OS_PROD, but the plan's new catalog is "
                + "OS_QA"), refused.getMessage());
    }

    @Test
    void anOraclePlanHasNoSqlServerRoute() {
        CloneFailedException refused = assertThrows(CloneFailedException.class,
                () -> SqlServerCloneRoute.open(new PlanBuilder(Dbms.ORACLE).build(), login("OS_PROD"),
                        login("OS_QA")));
        assertTrue(refused.getMessage().contains("no SQL Server settings"), refused.getMessage());
    }

    @Test
    void theLoginNeverShowsItsPassword() {
        SqlServerLogin login = new SqlServerLogin("jdbc:sqlserver://db;databaseName=OS_PROD", "envclone",
                Secret.of("Tr0ub4dor&3".toCharArray()));
        assertEquals("SqlServerLogin[jdbc:sqlserver://db;databaseName=OS_PROD, envclone]", login.toString());
    }
}
