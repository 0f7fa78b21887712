package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.TargetSession;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.procedure.StepKind;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The route has an action for every Oracle clone step of the plan, in the plan's order, on real sessions (H2). */
class DataPumpOverJdbcTest {

    private static List<String> actions(MigrationPlan plan) throws SQLException {
        java.sql.Connection login = DriverManager.getConnection("jdbc:h2:mem:dpsource;MODE=Oracle", "sa", "");
        try (java.sql.Statement statement = login.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + plan.sourceAdminSchema());
        }
        TargetSession source = TargetSession.on(login, Dialect.of(Dbms.ORACLE), null);
        TargetSession target = TargetSession.on(DriverManager.getConnection("jdbc:h2:mem:dptarget;MODE=Oracle",
                "sa", ""), Dialect.of(Dbms.ORACLE), null);
        try (DataPumpOverJdbc route = new DataPumpOverJdbc(plan, source, target,
                Instant.parse("2026-12-02T01:39:00Z"), (f, v) -> null)) {
            assertTrue(route.sourceFingerprint().contains("dpsource"), route.sourceFingerprint());
            // Read in the source's admin schema, as the guards read a target, not in the Data Pump login's own;
            // the login's session is left in its own schema for the export.
            assertTrue(route.sourceFingerprint().endsWith("/" + plan.sourceAdminSchema()), route.sourceFingerprint());
            assertEquals("PUBLIC", source.connection().getSchema());
            return route.actions().stream().map(CloneAction::stepId).toList();
        }
    }

    private static List<String> cloneSteps(MigrationPlan plan) {
        return ProcedureCatalog.stepsFor(plan).stream().filter(s -> s.kind() == StepKind.CLONE).map(Step::id)
                .toList();
    }

    @Test
    void everyCloneStepOfAPlanWithoutRemapsHasItsAction() throws SQLException {
        assertEquals(List.of("export-schemas", "create-users", "import-schemas"), actions(DataPumpSqlTest.DEFAULT));
        assertEquals(cloneSteps(DataPumpSqlTest.DEFAULT), actions(DataPumpSqlTest.DEFAULT));
    }

    @Test
    void aRemappedPlanAlsoRevokesTheOriginalPrivileges() throws SQLException {
        assertEquals(cloneSteps(DataPumpSqlTest.CUSTOM), actions(DataPumpSqlTest.CUSTOM));
        assertEquals("revoke-original-privileges", actions(DataPumpSqlTest.CUSTOM).get(3));
    }
}
