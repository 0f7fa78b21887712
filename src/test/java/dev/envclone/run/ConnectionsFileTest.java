package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** database-connections.md: the connections the cleanup deletes, saved when the run first opens its target. */
class ConnectionsFileTest {
    @TempDir
    Path folder;

    private CliProcess.Result prepare(SandboxRunFixture sandbox) throws java.io.IOException {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--run-dir", sandbox.runDir.toString(),
                "--target", sandbox.url, "--user", "sa", "--prepare-only"));
        if (!RunFolder.holdsRun(sandbox.runDir)) {
            args.addAll(List.of("--plan", sandbox.plan.toString()));
        }
        return CliProcess.inProcess(args.toArray(String[]::new));
    }

    /**
     * The golden file per DBMS, the target's fingerprint left out (it names the sandbox's file). After a deliberate
     * change: {@code -Dgolden.update=true}.
     */
    @ParameterizedTest
    @EnumSource(Dbms.class)
    void theConnectionsAndTheirMappingsAreSavedBeforeAnyCleanupStep(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        CliProcess.Result prepared = prepare(sandbox);
        assertEquals(0, prepared.code(), prepared.err());
        assertTrue(prepared.out().contains("Saved the definitions of 2 database connections (before the cleanup "
                + "deletes them) in " + sandbox.runDir.resolve(ConnectionsFile.FILE)), prepared.out());
        String text = Files.readString(sandbox.runDir.resolve(ConnectionsFile.FILE))
                .replaceFirst("Read from `[^`]*`", "Read from `TARGET`");
        Path golden = Path.of("src/test/resources/golden/database-connections", dbms.cliName() + ".md");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, text);
        }
        assertEquals(Files.readString(golden), text);
        JournalEntry saved = RunFolder.open(sandbox.runDir, Clock.systemUTC()).journal().entries().stream()
                .filter(e -> e.event() == JournalEvent.DATABASE_CONNECTIONS_SAVED).findFirst().orElseThrow();
        assertEquals("2", saved.get("connections"));
        assertEquals(JournalLine.sha256(Files.readAllBytes(sandbox.runDir.resolve(ConnectionsFile.FILE))),
                saved.get("sha256"));

        // Opened again (after the operator unmapped the extensions): the file made before stays as it was.
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        byte[] before = Files.readAllBytes(sandbox.runDir.resolve(ConnectionsFile.FILE));
        assertEquals(0, prepare(sandbox).code());
        assertEquals(new String(before), new String(Files.readAllBytes(sandbox.runDir.resolve(ConnectionsFile.FILE))));
        assertEquals(1, RunFolder.open(sandbox.runDir, Clock.systemUTC()).journal().entries().stream()
                .filter(e -> e.event() == JournalEvent.DATABASE_CONNECTIONS_SAVED).count());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aPasswordIsMaskedAndANameFromTheDatabaseCannotBreakTheFile(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("insert into ossys_dbconnection (ID, NAME, PROVIDER_KEY, CONNECTION_STRING) values (9, "
                + "'Evil`` name' || CHAR(10) || '# injected', 'SqlServer', 'Server=crm;User Id=crm;Password=Sup3r-Secret;"
                + "Database=CRM')");
        assertEquals(0, prepare(sandbox).code());
        String text = Files.readString(sandbox.runDir.resolve(ConnectionsFile.FILE));
        assertFalse(text.contains("Sup3r-Secret"), text);
        assertTrue(text.contains("Password=***"), text);
        assertTrue(text.contains("\n## ```Evil`` name # injected```\n"), text);
        assertFalse(text.contains("\n# injected"), "no line of the database's own");
    }

    /** A platform whose mapping table is laid out otherwise: the run opens all the same and says what to do. */
    @ParameterizedTest
    @EnumSource(Dbms.class)
    void connectionsThatCannotBeReadDoNotKeepTheRunFromOpening(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("drop table OSSYS_EXTENSION_DBCONNECTION");
        sandbox.execute("create table OSSYS_EXTENSION_DBCONNECTION (ID INT NOT NULL PRIMARY KEY, OTHER_LAYOUT INT)");

        CliProcess.Result prepared = prepare(sandbox);

        assertEquals(0, prepared.code(), prepared.out() + prepared.err());
        assertTrue(prepared.out().contains("Could not save the database connections' definitions ("), prepared.out());
        assertTrue(prepared.out().contains("note them in Service Center, Administration > Database Connections, "
                + "before the delete."), prepared.out());
        assertFalse(Files.exists(sandbox.runDir.resolve(ConnectionsFile.FILE)));
    }
}
