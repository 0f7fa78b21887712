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

    @Test
    void readsBackTheSshRoute() throws Exception {
        MigrationPlan plan = new PlanBuilder(Dbms.ORACLE).oracleSsh(new SshSettings("dbhost.example.com", 2222,
                "oracle", "/home/dba/.ssh/id_ed25519", "/home/dba/.ssh/known_hosts")).build();
        Path file = folder.resolve("plan.json");
        Files.writeString(file, PlanJson.write(plan));
        MigrationPlan read = PlanJson.read(file);
        assertEquals(plan, read);
        assertEquals("oracle@dbhost.example.com:2222", read.oracle().ssh().target());
    }

    @Test
    void readsAPlanWrittenBeforeTheSshRouteAsNoSshRoute() throws Exception {
        Path file = folder.resolve("plan.json");
        String written = PlanJson.write(new PlanBuilder(Dbms.ORACLE).build());
        Files.writeString(file, written.replace(",\n      \"ssh\" : null", ""));
        assertTrue(!Files.readString(file).contains("ssh"), "the older plan has no ssh field");
        assertEquals(null, PlanJson.read(file).oracle().ssh());
    }

    @Test
    void rejectsAHandEditedSshHostWithACommand() throws Exception {
        MigrationPlan plan = new PlanBuilder(Dbms.ORACLE).oracleSsh(new SshSettings("dbhost", 22, "oracle", null,
                null)).build();
        Path file = folder.resolve("plan.json");
        Files.writeString(file, PlanJson.write(plan).replace("\"host\" : \"dbhost\"",
                "\"host\" : \"dbhost;rm -rf /\""));
        // The ';' and the spaces and '/' of the command: every rule the value breaks.
        assertEquals(List.of("SSH host 'dbhost;rm -rf /' contains ';', and more that is not allowed: give the host's "
                + "name or IPv4 address, such as dbhost.example.com or 10.0.0.5."),
                assertThrows(PlanException.class, () -> PlanJson.read(file)).problems());
    }
}
