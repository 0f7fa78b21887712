package dev.envclone.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.run.SandboxRunFixture;
import dev.envclone.sql.Dbms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * configuration-tool.cmd: OutSystems' unattended commands for the plan, every password asked for when its command
 * runs and cleared after it. The golden plan folders pin the whole file per DBMS and path (GoldenFilesTest).
 */
class UnattendedScriptTest {
    private static final String CANARY = "Canary-Pw-9c1";

    @TempDir
    Path folder;

    static Stream<Arguments> plans() {
        return Stream.of(Dbms.values()).flatMap(dbms -> Stream.of(InstallPath.values())
                .map(path -> Arguments.of(dbms, path)));
    }

    @ParameterizedTest
    @MethodSource("plans")
    void everyPasswordIsAskedForHiddenAndClearedAfterItsCommand(Dbms dbms, InstallPath path) {
        MigrationPlan plan = new PlanBuilder(dbms).installPath(path).build();
        String text = UnattendedScript.render(plan);
        assertFalse(text.replace("\r\n", "").contains("\n"), "CRLF only: cmd.exe misreads labels in LF files");
        List<String> lines = List.of(text.split("\r\n"));
        for (UnattendedCommands.Command command : UnattendedCommands.forPlan(plan)) {
            int run = lines.indexOf(lines.stream().filter(l -> l.startsWith("\"%" + command.folder().name() + "%\\"
                    + command.program() + "\" " + command.parts().get(0).text())).findFirst().orElseThrow());
            for (UnattendedCommands.Value value : command.values()) {
                String asked = (value.secret() ? "call :secret " : "call :ask ") + value.variable() + " ";
                int at = lines.subList(0, run).lastIndexOf(lines.stream().filter(l -> l.startsWith(asked))
                        .reduce((a, b) -> b).orElseThrow());
                assertTrue(at >= 0 && at < run, value.variable() + " asked before " + command.title());
                assertTrue(lines.get(run).contains(" \"%" + value.variable() + "%\""), "passed quoted");
                if (value.secret()) {
                    assertEquals(null, value.suggestion(), "a password has no default");
                    assertTrue(lines.subList(run, run + 8).contains("set \"" + value.variable() + "=\""),
                            value.variable() + " cleared after " + command.title());
                }
            }
        }
        assertTrue(text.contains("Read-Host -AsSecureString"));
        assertTrue(text.contains("an administrator of\r\nrem this server can read them in the process list"));
    }

    @Test
    void theCommandsAreThoseOutSystemsDocuments() {
        MigrationPlan fresh = new PlanBuilder(Dbms.SQLSERVER).installPath(InstallPath.FRESH).build();
        assertEquals(List.of("<platform_path>\\ConfigurationTool.com /SetupInstall <platform_db_admin_username> "
                        + "<platform_db_admin_password> /RebuildSession <session_db_admin_username> "
                        + "<session_db_admin_password> /CreateUpgradeCacheInvalidationService /InstallServiceCenter",
                "<platform_path>\\ConfigurationTool.com /UploadLicense <license_file> <platform_server_admin_user> "
                        + "<platform_server_admin_password>",
                "<outsystems_common_path>\\OSPTool.com /PublishFactory <hostname> <username> <password>"),
                UnattendedCommands.forPlan(fresh).stream().map(UnattendedCommands.Command::display).toList());
        MigrationPlan oracle = new PlanBuilder(Dbms.ORACLE).installPath(InstallPath.RECONFIGURE).build();
        assertEquals("<platform_path>\\ConfigurationTool.com /SetupInstall /RebuildSession "
                + "<session_db_admin_username> <session_db_admin_password> /CreateUpgradeCacheInvalidationService",
                UnattendedCommands.forPlan(oracle).get(0).display(), "Oracle's form takes no credentials");
    }

    /** A run started with a real password writes configuration-tool.cmd into its folder; the password is nowhere. */
    @Test
    void aCanaryPasswordIsInNoFileTheRunWrites() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        sandbox.execute("create user CANARY_DBA password '" + CANARY + "' admin");
        Path logs = folder.resolve("logs");
        Process process = CliProcess.start(logs, Map.of("envclone.home", folder.resolve("home").toString()),
                Map.of("ENVCLONE_TEST_PASSWORD", CANARY), "run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url, "--user", "CANARY_DBA", "--password-env",
                "ENVCLONE_TEST_PASSWORD", "--prepare-only");
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), CliProcess.read(logs.resolve("err.txt")));
        assertTrue(Files.readString(sandbox.runDir.resolve(UnattendedScript.FILE)).contains("/SetupInstall"));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(CANARY),
                        file + " holds the password");
            }
        }
    }
}
