package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run whose step fails leaves, in the user folder's log file, the step, the statement and the database's reason,
 * and never the target's password. The command runs as an operator starts it: its own JVM, envclone's shipped
 * log configuration (LogConfiguration), the password in an environment variable.
 */
class FailedRunLogTest {
    private static final String CANARY = "Canary-Pw-7f3a9e";
    private static final String PASSWORD_VARIABLE = "ENVCLONE_TEST_TARGET_PASSWORD";

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aFailedStepLeavesALogNamingTheStepTheStatementAndTheCauseWithoutThePassword(Dbms dbms) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("create user OPERATOR password '" + CANARY + "' admin");
        sandbox.execute("create trigger PROTECT_SERVERS before delete on ossys_server for each row call \""
                + RefusingTrigger.class.getName() + "\"");
        Path home = folder.resolve("home");

        Process process = CliProcess.start(folder.resolve("console"), Map.of("envclone.home", home.toString(),
                        "envclone.log", "shipped"), Map.of(PASSWORD_VARIABLE, CANARY),
                "run", "--run-dir", sandbox.runDir.toString(), "--plan", sandbox.plan.toString(), "--target",
                sandbox.url, "--user", "OPERATOR", "--password-env", PASSWORD_VARIABLE, "--yes", "--steps",
                "cleanup-front-ends");
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "envclone run did not end in 120 s");

        String err = CliProcess.read(folder.resolve("console/err.txt"));
        assertEquals(4, process.exitValue(), err);
        assertEquals(3, sandbox.count("ossys_server"), "rolled back");
        Path log = home.resolve("logs").resolve("envclone.log");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s).* ERROR RunSession - Step \\d+ cleanup-front-ends failed \\(attempt 1\\): "
                + "Statement 1 of 1 failed, and the step was rolled back.*"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s*statement: (?i)delete from ossys_server\\s*")), text);
        assertTrue(text.contains(RefusingTrigger.REASON), "the database's reason: " + text);
        assertTrue(text.contains("envclone run ended with exit code 4"), text);
        assertTrue(text.matches("(?s).*told the operator: envclone run: Step \\d+ cleanup-front-ends: "
                + "Statement 1 of 1 failed.*"), "what the console said is in the log too: " + text);
        assertTrue(text.contains("Caused by: java.sql.SQLException: " + RefusingTrigger.REASON + "\n\tat "),
                "the cause chain, with its stack: " + text);
        assertFalse(err.contains(" INFO ") || err.contains(" ERROR "), "nothing logged on the console: " + err);
        for (Path file : filesUnder(home)) {
            assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(CANARY), file + " holds the "
                    + "password");
        }
    }

    @org.junit.jupiter.api.Test
    void aRefusedConnectionIsLoggedWithTheDriversWordsWithoutThePasswordTried() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        sandbox.execute("create user OPERATOR password 'the-right-one' admin");
        Path home = folder.resolve("home");

        Process process = CliProcess.start(folder.resolve("console"), Map.of("envclone.home", home.toString(),
                        "envclone.log", "shipped"), Map.of(PASSWORD_VARIABLE, CANARY),
                "run", "--run-dir", sandbox.runDir.toString(), "--plan", sandbox.plan.toString(), "--target",
                sandbox.url, "--user", "OPERATOR", "--password-env", PASSWORD_VARIABLE, "--yes");
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "envclone run did not end in 120 s");

        String err = CliProcess.read(folder.resolve("console/err.txt"));
        assertEquals(3, process.exitValue(), err);
        String text = Files.readString(home.resolve("logs").resolve("envclone.log"), StandardCharsets.UTF_8);
        assertTrue(text.contains("[WRONG_LOGIN; driver said: org.h2.jdbc.JdbcSQLInvalidAuthorizationSpecException: "
                + "Wrong user name or password [28000-"), text);
        assertTrue(text.contains("envclone run ended with exit code 3"), text);
        for (Path file : filesUnder(home)) {
            assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(CANARY), file + " holds the "
                    + "password");
        }
    }

    private static List<Path> filesUnder(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
