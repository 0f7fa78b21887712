package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.CancelToken;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox route on its own: the copy is whole, the source's bytes unchanged, a cancel leaves no target. */
class SandboxCloneTest {
    @TempDir
    Path folder;

    @Test
    void copiesTheSourceIntoANewTargetFileAndLeavesTheSourceByteForByte() throws Exception {
        String source = Sandbox.create(Dbms.SQLSERVER, folder.resolve("prod"), SandboxSize.SMALL);
        Path sourceFile = folder.resolve("prod.mv.db");
        byte[] before = Files.readAllBytes(sourceFile);
        MigrationPlan plan = new PlanBuilder(Dbms.SQLSERVER).build();
        Path target = folder.resolve("qa.mv.db");
        List<Integer> percents = new ArrayList<>();
        try (CloneRoute route = CloneRoutes.open(plan, new CloneRoutes.Source(source, "sa", null),
                Sandbox.url(Dbms.SQLSERVER, folder.resolve("qa")), folder.resolve("run"), null)) {
            assertEquals(List.of("backup-database", "restore-database"),
                    route.actions().stream().map(CloneAction::stepId).toList());
            assertTrue(route.sourceFingerprint().contains(folder.resolve("prod").toString()), route.sourceFingerprint());
            for (CloneAction action : route.actions()) {
                action.check(new CancelToken());
                Map<String, String> facts = action.run(f -> { }, new CloneListener() {
                    @Override
                    public void progress(String message, int done, int total) {
                        if (total > 0) {
                            percents.add(done);
                        }
                    }

                    @Override
                    public void logLine(String line) {
                    }
                }, new CancelToken());
                assertFalse(facts.isEmpty());
            }
        }
        assertArrayEquals(before, Files.readAllBytes(sourceFile), "the source file is byte for byte as it was");
        assertArrayEquals(before, Files.readAllBytes(target), "the target is the source's copy");
        assertTrue(percents.contains(100) && percents.size() > 5, percents.toString());
        assertFalse(Files.exists(Path.of(target + SandboxRestore.PART)));
        // Both hold the source's data: owner-only, as everything envclone writes.
        for (Path made : List.of(target, folder.resolve("run/clone/backup-database.zip"))) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(made)), made.toString());
        }
    }

    @Test
    void theFactoryChoosesTheRouteByTheSourceAndTheGuardComparesAddressesBeforeTheTargetExists() throws Exception {
        MigrationPlan plan = new PlanBuilder(Dbms.SQLSERVER).build();
        // A SQL Server source goes to the BACKUP/RESTORE route, whose own rule refuses a target URL that does not
        // name the plan's new catalog, before anything is connected.
        CloneFailedException sqlServer = assertThrows(CloneFailedException.class, () -> CloneRoutes.open(plan,
                new CloneRoutes.Source("jdbc:sqlserver://sqlprod01;databaseName=OUTSYSTEMS", "sa", null),
                "jdbc:sqlserver://sqlqa01;databaseName=OS_QA", folder.resolve("run"), null));
        assertEquals("--target names database OS_QA, but the plan's new catalog is OUTSYSTEMS_CLONE: give "
                + ";databaseName=OUTSYSTEMS_CLONE in the URL, or make the plan again.", sqlServer.getMessage());
        // An Oracle source goes to DBMS_DATAPUMP over JDBC: it reads the source first (here: no listener).
        MigrationPlan oracle = new PlanBuilder(Dbms.ORACLE).build();
        CloneFailedException unread = assertThrows(CloneFailedException.class, () -> CloneRoutes.open(oracle,
                new CloneRoutes.Source("jdbc:oracle:thin:@//127.0.0.1:1/PROD", "system", null),
                "jdbc:oracle:thin:@//127.0.0.1:1/QA", folder.resolve("run"), null));
        assertTrue(unread.getMessage().startsWith("The source or the target could not be read: "),
                unread.getMessage());
        assertEquals("nothing was changed", unread.left());
        // With --ssh: the SSH route, whose logins are the JDBC users; bad input before anything is connected.
        dev.envclone.procedure.SshSettings ssh = dev.envclone.procedure.SshSettings.parse("oracle@db01", null, null);
        IllegalArgumentException noUser = assertThrows(IllegalArgumentException.class, () -> CloneRoutes.open(oracle,
                new CloneRoutes.Source("jdbc:oracle:thin:@//127.0.0.1:1/PROD", null, null),
                "jdbc:oracle:thin:@//127.0.0.1:1/QA", folder.resolve("run"), ssh));
        assertTrue(noUser.getMessage().startsWith("--source-user is missing: over SSH"), noUser.getMessage());
        IllegalArgumentException notOracle = assertThrows(IllegalArgumentException.class, () -> CloneRoutes.open(
                plan, new CloneRoutes.Source("jdbc:sqlserver://sqlprod01;databaseName=OUTSYSTEMS", "sa", null),
                "jdbc:sqlserver://sqlqa01;databaseName=OUTSYSTEMS_CLONE", folder.resolve("run"), ssh));
        assertTrue(notOracle.getMessage().contains("leave out --ssh"), notOracle.getMessage());
        IllegalArgumentException otherDbms = assertThrows(IllegalArgumentException.class, () -> CloneRoutes.open(
                plan, new CloneRoutes.Source("jdbc:oracle:thin:@//127.0.0.1:1/PROD", "system", null),
                "jdbc:oracle:thin:@//127.0.0.1:1/QA", folder.resolve("run"), null));
        assertEquals("--source is an Oracle URL, but the plan is for SQL Server: give the source database of the "
                + "plan's DBMS, or make a plan for the source's", otherDbms.getMessage());
        CloneFailedException same = assertThrows(CloneFailedException.class, () -> CloneRoutes.refuseTargetIsSource(
                "jdbc:sqlserver://SQLPROD01:1433;databaseName=OUTSYSTEMS",
                "jdbc:sqlserver://sqlprod01:1433;databaseName=outsystems;encrypt=true"));
        assertTrue(same.getMessage().contains("--target is the source"), same.getMessage());
        assertDoesNotThrow(() -> CloneRoutes.refuseTargetIsSource("jdbc:sqlserver://sqlprod01;databaseName=OUTSYSTEMS",
                "jdbc:sqlserver://sqlprod01;databaseName=OS_QA"));
        Files.createFile(folder.resolve("prod.mv.db"));
        assertDoesNotThrow(() -> CloneRoutes.refuseTargetIsSource("jdbc:h2:file:" + folder.resolve("prod"),
                "jdbc:h2:file:" + folder.resolve("qa")));
    }

    @Test
    void aCancelDuringTheRestoreLeavesNoTargetFile() throws Exception {
        String source = Sandbox.create(Dbms.ORACLE, folder.resolve("prod"), SandboxSize.SMALL);
        MigrationPlan plan = new PlanBuilder(Dbms.ORACLE).build();
        Path target = folder.resolve("qa.mv.db");
        CancelToken cancel = new CancelToken();
        try (CloneRoute route = CloneRoutes.open(plan, new CloneRoutes.Source(source, "sa", null),
                Sandbox.url(Dbms.ORACLE, folder.resolve("qa")), folder.resolve("run"), null)) {
            assertEquals(List.of("export-schemas", "create-users", "import-schemas"),
                    route.actions().stream().map(CloneAction::stepId).toList());
            route.actions().get(0).run(f -> { }, CloneListener.NONE, new CancelToken());
            route.actions().get(1).run(f -> { }, CloneListener.NONE, new CancelToken());
            CloneFailedException e = assertThrows(CloneFailedException.class, () -> route.actions().get(2).run(f -> { },
                    new CloneListener() {
                        @Override
                        public void progress(String message, int done, int total) {
                            if (done >= 30) {
                                cancel.cancel();
                            }
                        }

                        @Override
                        public void logLine(String line) {
                        }
                    }, cancel));
            assertTrue(e.cancelled());
            assertTrue(e.left().contains("no target was made"), e.left());
        }
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(Path.of(target + SandboxRestore.PART)));
    }
}
