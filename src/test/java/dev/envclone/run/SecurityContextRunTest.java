package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rehearsal runs the SQL Server security-context step on the sandbox's stand-ins for the restored users
 * (OSADMIN, OSRUNTIME, OSLOG and their own schemas). What is left is read with queries of the test's own, not with
 * the step's.
 */
class SecurityContextRunTest {
    private static final String USERS = "select USER_NAME from INFORMATION_SCHEMA.USERS where USER_NAME in "
            + "('OSADMIN', 'OSRUNTIME', 'OSLOG') order by USER_NAME";
    private static final String SCHEMAS = "select SCHEMA_NAME from INFORMATION_SCHEMA.SCHEMATA where SCHEMA_NAME in "
            + "('OSADMIN', 'OSRUNTIME', 'OSLOG') order by SCHEMA_NAME";
    private static final List<String> ALL = List.of("OSADMIN", "OSLOG", "OSRUNTIME");

    @TempDir
    Path folder;

    private CliProcess.Result run(SandboxRunFixture sandbox, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--run-dir", sandbox.runDir.toString(),
                "--target", sandbox.url, "--user", "sa", "--yes"));
        if (!java.nio.file.Files.exists(sandbox.runDir)) {
            args.addAll(List.of("--plan", sandbox.plan.toString()));
        }
        args.addAll(List.of(more));
        return CliProcess.inProcess(args.toArray(String[]::new));
    }

    @Test
    void theRehearsalDropsTheStandInUsersAndTheirSchemas() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        assertEquals(ALL, sandbox.rows(USERS), "the sandbox stands in for the restored users");
        assertEquals(ALL, sandbox.rows(SCHEMAS));

        CliProcess.Result result = run(sandbox, "--steps", "security-context");

        assertEquals(0, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("Step 4 security-context: done, 6 rows changed"), result.out());
        assertEquals(List.of(), sandbox.rows(USERS));
        assertEquals(List.of(), sandbox.rows(SCHEMAS));
    }

    @Test
    void anObjectInAUsersOwnSchemaStopsTheStepNamingItWithNothingDropped() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        sandbox.execute("CREATE TABLE OSRUNTIME.CUSTOM_REPORT (ID INT)");

        CliProcess.Result result = run(sandbox, "--steps", "security-context");

        assertEquals(3, result.code(), result.out() + result.err());
        assertTrue(result.err().contains("security-context: blocked: In catalog OUTSYSTEMS_CLONE, the own schema of "
                + "user OSRUNTIME holds OSRUNTIME.CUSTOM_REPORT (BASE TABLE)"), result.err());
        assertEquals(ALL, sandbox.rows(USERS), "nothing dropped");
        assertEquals(ALL, sandbox.rows(SCHEMAS), "nothing dropped");
        assertEquals(List.of("0"), sandbox.rows("select count(*) from OSRUNTIME.CUSTOM_REPORT"));
    }

    @Test
    void aRunCrashedHalfWayThroughTheStepFinishesItWhenResumed() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        FaultPoints.crashAt("security-context:statement-2");
        try {
            assertThrows(FaultPoints.SimulatedCrash.class, () -> run(sandbox, "--steps", "security-context"));
        } finally {
            FaultPoints.crashAt(null);
        }
        // H2 commits each DDL statement: two of the six actions are in the sandbox, the rest are not.
        assertEquals(List.of("OSLOG"), sandbox.rows(SCHEMAS));
        assertEquals(ALL, sandbox.rows(USERS));

        CliProcess.Result resumed = run(sandbox, "--steps", "security-context");

        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("Recovered security-context: not committed before the interruption; it "
                + "will run again"), resumed.out());
        assertEquals(List.of(), sandbox.rows(USERS));
        assertEquals(List.of(), sandbox.rows(SCHEMAS));
    }
}
