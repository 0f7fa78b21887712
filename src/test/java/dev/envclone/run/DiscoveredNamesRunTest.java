package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A platform table named in ossys_entity (as a damaged or edited clone can hold it) is refused by {@code envclone
 * run} before anything runs: exit 3 with the one-line reason, the platform table's rows unchanged, no pre-image
 * written, and the step journaled as failed, so that it can be run again once ossys_entity is right.
 */
class DiscoveredNamesRunTest {
    @TempDir
    Path folder;

    private static CliProcess.Result run(SandboxRunFixture sandbox, String step, String mode) {
        return CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan", sandbox.plan.toString(),
                "--target", sandbox.url, "--user", "sa", "--steps", step, mode);
    }

    private static List<Path> preImageFiles(SandboxRunFixture sandbox) throws Exception {
        Path preImages = sandbox.runDir.resolve("pre-images");
        if (!Files.exists(preImages)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(preImages)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aSamlTableNamedOssysParameterIsRefusedAndNothingChanges(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("update ossys_entity set PHYSICAL_TABLE_NAME = 'OSSYS_PARAMETER' where NAME = 'ConfigSP'");
        long parameters = sandbox.count("ossys_Parameter");

        CliProcess.Result result = run(sandbox, "cleanup-saml", "--yes");

        assertEquals(3, result.code(), result.out() + result.err());
        String reason = "SAML configuration table of entity ConfigSP in module SAML: ossys_entity.physical_table_name "
                + "'OSSYS_PARAMETER' is a platform table (OSSYS_), not an application table: the step empties only "
                + "application tables (OSUSR_). Nothing of the step ran. Check ossys_entity in the restored database, "
                + "or clean these tables by hand and mark the step done by the DBA.";
        assertTrue(result.err().matches("envclone run: refused: Step \\d+ cleanup-saml: " + java.util.regex.Pattern
                .quote(reason) + "\\R"), result.err());
        assertEquals(parameters, sandbox.count("ossys_Parameter"));
        assertEquals(2, sandbox.count("OSUSR_SAM_CONFIGIDP"), "no SAML table was emptied either");
        assertEquals(List.of(), preImageFiles(sandbox));
        RunState state = RunFolder.open(sandbox.runDir, Clock.systemUTC()).state();
        assertEquals(StepState.FAILED, state.of("cleanup-saml"));
        assertEquals(JournalEvent.STEP_FAILED, state.lastEntry("cleanup-saml").event());
        assertEquals(reason, state.lastEntry("cleanup-saml").get("message"));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aLifetimeTableNamedOssysPlatformconfigIsRefusedAndNothingChanges(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("update ossys_entity set PHYSICAL_TABLE_NAME = 'OSSYS_PLATFORMCONFIG' where ID = 200");
        List<String> config = sandbox.rows("select * from ossys_platformconfig order by 1");

        CliProcess.Result result = run(sandbox, "cleanup-lifetime-running", "--yes");

        assertEquals(3, result.code(), result.out() + result.err());
        assertTrue(result.err().contains("cleanup-lifetime-running: LifeTime environment table of entity Environment "
                + "in module LifeTime: ossys_entity.physical_table_name 'OSSYS_PLATFORMCONFIG' is a platform table"),
                result.err());
        assertEquals(config, sandbox.rows("select * from ossys_platformconfig order by 1"));
        assertEquals(List.of(), preImageFiles(sandbox));
        RunState state = RunFolder.open(sandbox.runDir, Clock.systemUTC()).state();
        assertEquals(JournalEvent.STEP_FAILED, state.lastEntry("cleanup-lifetime-running").event());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void thePreviewRefusesTheSameName(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("update ossys_entity set PHYSICAL_TABLE_NAME = 'OSSYS_PARAMETER' where NAME = 'ConfigSP'");

        CliProcess.Result result = run(sandbox, "cleanup-saml", "--prepare-only");

        assertEquals(3, result.code(), result.out() + result.err());
        assertTrue(result.err().startsWith("envclone run: refused: SAML configuration table of entity ConfigSP in "
                + "module SAML: ossys_entity.physical_table_name 'OSSYS_PARAMETER' is a platform table"), result.err());
        RunFolder run = RunFolder.open(sandbox.runDir, Clock.systemUTC());
        assertTrue(run.journal().entries().stream().noneMatch(e -> e.event() == JournalEvent.PREVIEWED),
                "nothing previewed was recorded");
    }
}
