package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** sandbox create, then run --steps all: every cleanup target in the sandbox is clean, table by table. */
class SandboxRunTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void runAllCleansEveryTargetAndBlocksDatabaseConnectionsUntilUnmapped(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        CliProcess.Result first = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url, "--user", "sa", "--steps", "all", "--yes");
        assertEquals(3, first.code(), first.out() + first.err());
        assertTrue(first.err().contains("cleanup-database-connections: blocked: Extensions still map database "
                + "connections"), first.err());
        assertEquals(3, sandbox.count("ossys_dbconnection"), "blocked: nothing deleted");

        sandbox.assertCleaned();

        // The operator unmaps the extensions in Service Center; the run resumes and finishes.
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        CliProcess.Result second = CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--target",
                sandbox.url, "--user", "sa", "--yes");
        assertEquals(0, second.code(), second.out() + second.err());
        assertTrue(second.out().contains("cleanup-front-ends: done already"), second.out());
        assertEquals(List.of("$OS_LOG_DB_7e3e8ce0"), sandbox.rows("select NAME from ossys_dbconnection"));
    }
}
