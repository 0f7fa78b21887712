package dev.envclone.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreSettingsTest {
    @TempDir
    Path temp;

    @Test
    void theDefaultBackupNameIsTheUtcTimeThePlanIsBuilt() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T23:04:05Z"), ZoneOffset.ofHours(9));
        MigrationPlan plan = new PlanBuilder(Dbms.SQLSERVER).clock(clock).build();
        assertEquals(new RestoreSettings("envclone_20261201T230405Z", RecoveryModel.SIMPLE, "sa", "512MB", "256MB"),
                plan.sqlServer().restore());
    }

    @Test
    void anOraclePlanLeavesTheTemporaryTablespaceToTheDatabase() {
        assertNull(new PlanBuilder(Dbms.ORACLE).build().oracle().temporaryTablespace());
    }

    @Test
    void aPlanJsonWithoutRestoreSettingsIsRefusedWithWhatToDo() throws Exception {
        MigrationPlan plan = new PlanBuilder(Dbms.SQLSERVER).sqlServerRestore("x", null, null, null, null).build();
        String json = PlanJson.write(plan);
        String older = json.replaceAll("(?s),\\s*\"restore\" : \\{[^}]*\\}", "");
        Path file = Files.writeString(temp.resolve("plan.json"), older);
        PlanException e = assertThrows(PlanException.class, () -> PlanJson.read(file));
        assertEquals(List.of("the plan has no restore settings (backup name, recovery model, owner, file growth): "
                + "make the plan again with this envclone"), e.problems());
    }

    @Test
    void aPercentageGrowthIsRefusedNamingTheField() {
        PlanException e = assertThrows(PlanException.class, () -> new PlanBuilder(Dbms.SQLSERVER)
                .sqlServerRestore(null, null, null, "10%", null).build());
        assertEquals(List.of("data file growth '10%' is not allowed: give a whole number of MB or GB such as 512MB "
                + "or 1GB (fixed increments, not a percentage)."), e.problems());
    }
}
