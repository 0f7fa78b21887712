package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --target} is read before anything is created or connected: a bad URL is exit 2 with one line naming the
 * option and the rule, and leaves no run folder and no database behind; a URL with a password is refused and the
 * password is in no file and no output.
 */
class TargetOptionTest {
    private static final String CANARY = "Canary-Pw-7f3";

    @TempDir
    Path folder;

    private CliProcess.Result run(SandboxRunFixture sandbox, String target) {
        return CliProcess.inProcess("run", "--run-dir", sandbox.runDir.toString(), "--plan", sandbox.plan.toString(),
                "--target", target, "--user", "sa", "--yes");
    }

    private static CliProcess.Result fingerprint(String target) {
        return CliProcess.inProcess("fingerprint", "--target", target, "--user", "sa");
    }

    /** No file under the test folder holds the canary (the sandbox's database file included). */
    private void assertCanaryInNoFile() throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(CANARY),
                        file + " holds the password");
            }
        }
    }

    /** The sandbox's URL with a password added in each form a driver accepts, and one URL per other driver. */
    static Stream<Arguments> passwordForms() {
        return Stream.of(
                Arguments.of(";PASSWORD=" + CANARY),
                Arguments.of(";password = " + CANARY),
                Arguments.of("jdbc:sqlserver://db01:1433;databaseName=OS;password=" + CANARY),
                Arguments.of("jdbc:sqlserver://db01;databaseName=OS; Password = {" + CANARY + ";}}x} ;encrypt=true"),
                Arguments.of("jdbc:sqlserver://db01;databaseName=OS;pwd=" + CANARY),
                Arguments.of("jdbc:oracle:thin:osadmin/" + CANARY + "@//db01:1521/ORCL"),
                Arguments.of("jdbc:oracle:thin:osadmin/\"" + CANARY + "\"@db01:1521:ORCL"),
                Arguments.of("jdbc:oracle:thin:@//db01:1521/ORCL?oracle.jdbc.password=" + CANARY));
    }

    private static String target(SandboxRunFixture sandbox, String form) {
        return form.startsWith(";") ? sandbox.url + form : form;
    }

    @ParameterizedTest
    @MethodSource("passwordForms")
    void runRefusesAPasswordInTheUrlAndWritesItNowhere(String form) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        CliProcess.Result result = run(sandbox, target(sandbox, form));
        assertEquals(2, result.code(), result.err());
        assertEquals("envclone run: --target: the URL holds a password; give it through --password-env VAR "
                + "instead.", result.err().lines().findFirst().orElse(""));
        assertFalse(result.out().contains(CANARY) || result.err().contains(CANARY));
        assertFalse(Files.exists(sandbox.runDir), "a run folder was written");
        assertCanaryInNoFile();
    }

    @ParameterizedTest
    @MethodSource("passwordForms")
    void fingerprintRefusesAPasswordInTheUrlAndShowsItNowhere(String form) throws Exception {
        // Refused before the URL is read further: the H2 file need not exist.
        String target = form.startsWith(";") ? "jdbc:h2:file:" + folder.resolve("db") + form : form;
        CliProcess.Result result = fingerprint(target);
        assertEquals(2, result.code(), result.err());
        assertEquals("envclone fingerprint: --target: the URL holds a password; give it through --password-env "
                + "VAR instead.", result.err().lines().findFirst().orElse(""));
        assertFalse(result.out().contains(CANARY) || result.err().contains(CANARY));
        assertCanaryInNoFile();
    }

    @Test
    void aPasswordInTheUrlOfARunInItsOwnProcessIsInNoFileAndNoOutput() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        Path logs = folder.resolve("logs");
        Process process = CliProcess.start(logs, Map.of(), Map.of(), "run", "--run-dir", sandbox.runDir.toString(),
                "--plan", sandbox.plan.toString(), "--target", sandbox.url + ";Password = {" + CANARY + "}",
                "--user", "sa", "--yes");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), CliProcess.read(logs.resolve("err.txt")));
        assertFalse(Files.exists(sandbox.runDir));
        assertCanaryInNoFile();
    }

    static Stream<Arguments> badTargets() {
        return Stream.of(
                Arguments.of("notaurl", "--target notaurl: not a JDBC URL: use jdbc:sqlserver://HOST[:PORT];"
                        + "databaseName=DB, jdbc:oracle:thin:@//HOST:PORT/SERVICE or the sandbox's jdbc:h2:... URL."),
                Arguments.of("jdbc:sqlserver://127.0.0.1:0;databaseName=OS", "port '0' is not allowed: give a "
                        + "number from 1 to 65535."),
                Arguments.of("jdbc:sqlserver://127.0.0.1:70000;databaseName=OS", "port '70000' is not allowed: "
                        + "give a number from 1 to 65535."),
                Arguments.of("jdbc:sqlserver://127.0.0.1:1433", "no database: add ;databaseName=DB"),
                Arguments.of("jdbc:oracle:thin:@//127.0.0.1:70000/ORCL", "port '70000' is not allowed"),
                Arguments.of("jdbc:oracle:thin:@//127.0.0.1:1521", "no service name: end the address with "
                        + "/SERVICE"));
    }

    @ParameterizedTest
    @MethodSource("badTargets")
    void runRefusesABadTargetWithExitTwoAndWritesNoRunFolder(String target, String message) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        CliProcess.Result result = run(sandbox, target);
        assertEquals(2, result.code(), result.err());
        String first = result.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("envclone run: --target " + target + ": ") && first.contains(message), first);
        assertFalse(Files.exists(sandbox.runDir), "a run folder was written");
        assertEquals("", result.out());
    }

    @ParameterizedTest
    @MethodSource("badTargets")
    void fingerprintRefusesABadTargetWithExitTwo(String target, String message) {
        CliProcess.Result result = fingerprint(target);
        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().startsWith("envclone fingerprint: --target " + target + ": "), result.err());
        assertTrue(result.err().contains(message), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "fingerprint"})
    void aMissingH2PathIsNamedAndNoDatabaseIsCreated(String command) throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        Path absent = folder.resolve("absent");
        String target = "jdbc:h2:file:" + absent + ";MODE=MSSQLServer";
        CliProcess.Result result = command.equals("run") ? run(sandbox, target) : fingerprint(target);
        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().startsWith("envclone " + command + ": --target " + target + ": no H2 database at "
                + absent + " (" + absent + ".mv.db does not exist): make one with envclone sandbox create."),
                result.err());
        assertFalse(Files.exists(folder.resolve("absent.mv.db")), "an empty database was created");
        assertFalse(Files.exists(sandbox.runDir));
    }

    @Test
    void anH2TargetWithInitIsRefusedByNameAndItsScriptDoesNotRun() throws Exception {
        SandboxRunFixture sandbox = new SandboxRunFixture(Dbms.SQLSERVER, folder);
        Path marker = folder.resolve("marker.txt");
        Path script = folder.resolve("init.sql");
        Files.writeString(script, "CALL FILE_WRITE(STRINGTOUTF8('ran'), '" + marker + "');\n");
        List<String> args = new ArrayList<>(List.of("run", "--run-dir", sandbox.runDir.toString(), "--plan",
                sandbox.plan.toString(), "--target", sandbox.url + ";INIT=RUNSCRIPT FROM '" + script + "'",
                "--user", "sa", "--yes"));
        CliProcess.Result result = CliProcess.inProcess(args.toArray(String[]::new));
        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().contains(": H2 setting INIT is not allowed on a target: use only MODE, "), result.err());
        assertFalse(Files.exists(marker), "the INIT script ran");
        assertFalse(Files.exists(sandbox.runDir));
    }
}
