package dev.envclone.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PlanJsonTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void readsBackTheSamePlan(Dbms dbms) throws Exception {
        MigrationPlan plan = new PlanBuilder(dbms).installPath(InstallPath.RECONFIGURE)
                .parts(java.util.EnumSet.of(OptionalPart.SAML)).build();
        Path file = folder.resolve("plan.json");
        Files.writeString(file, PlanJson.write(plan));
        assertEquals(plan, PlanJson.read(file));
    }

    @Test
    void rejectsAHandEditedPlanWithAHostileName() throws Exception {
        Path file = folder.resolve("plan.json");
        Files.writeString(file, PlanJson.write(new PlanBuilder(Dbms.ORACLE).build())
                .replace("\"admin\" : \"OSADMIN\"", "\"admin\" : \"OSADMIN\\\"; DROP USER SYS --\""));
        PlanException e = assertThrows(PlanException.class, () -> PlanJson.read(file));
        assertTrue(e.getMessage().startsWith("admin user 'OSADMIN\"; DROP USER SYS --' contains"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownFormat() throws Exception {
        Path file = folder.resolve("plan.json");
        Files.writeString(file, PlanJson.write(new PlanBuilder(Dbms.SQLSERVER).build())
                .replace("\"format\" : 1", "\"format\" : 99"));
        assertEquals(List.of(file + " has plan format 99; this envclone reads format 1"),
                assertThrows(PlanException.class, () -> PlanJson.read(file)).problems());
    }
}
