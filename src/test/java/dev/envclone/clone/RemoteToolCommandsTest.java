package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.SshSettings;
import dev.envclone.sql.Dbms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact text the SSH route sends to the database host, pinned in golden/ssh-datapump/ for a reader to check
 * against POSIX sh (Shell Command Language: asynchronous lists take /dev/null as input unless redirected, hence
 * {@code 3<&0}; {@code wait} returns the job's exit status) and Oracle's Data Pump parameters (PARFILE, JOB_NAME,
 * ATTACH). After a deliberate change: {@code -Dgolden.update=true}.
 */
class RemoteToolCommandsTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "ssh-datapump");

    @Test
    void everyCommandAndParameterFileIsTheGoldenText() throws IOException {
        DataPumpOverSsh route = new DataPumpOverSsh(new PlanBuilder(Dbms.ORACLE).build(), new DataPumpOverSsh.Settings(
                new SshSettings("dbhost", 22, "oracle", null, null), null, new DataPumpLogin("SYSTEM", "PROD"),
                new DataPumpLogin("SYSTEM", "QA"), "R20261202", 0), (forWhat, variable) -> {
                    throw new CloneFailedException("no password in this test", "nothing");
                }, "fingerprint");
        StringBuilder text = new StringBuilder();
        for (CloneAction action : route.actions()) {
            String tool = switch (action.stepId()) {
                case "export-schemas" -> "expdp";
                case "import-schemas" -> "impdp";
                default -> RemoteToolCommands.SQLPLUS;
            };
            RemoteToolCommands commands = new RemoteToolCommands("R20261202", tool);
            text.append("## ").append(action.stepId()).append(": ").append(action.describe()).append("\n\n");
            for (List<String> command : List.of(List.of("check", commands.findTool()),
                    List.of("folder", commands.makeFolder()), List.of("upload (stdin: " + commands.input() + ")",
                            commands.upload()), List.of("run (stdin: user, password)", commands.run()),
                    List.of("the output tail -f had not sent (from byte 4097)", commands.rest(4096)),
                    List.of("cancel", commands.kill()), List.of("recover", commands.status()))) {
                text.append("# ").append(command.get(0)).append("\n").append(command.get(1)).append("\n\n");
            }
            if (action instanceof DataPumpOverSshAction remote) {
                text.append("# ").append(tool).append(".par\n").append(remote.parameterFile()).append("\n");
            } else {
                text.append("# stdin of sqlplus, in order: the user, its password, @create-users.sql, the password "
                        + "of each user create-users.sql asks for (").append(String.join(", ",
                        ((CreateUsersOverSshAction) action).users(OracleCreationScript.render(
                                new PlanBuilder(Dbms.ORACLE).build())))).append("), EXIT\n\n");
            }
        }
        Path golden = GOLDEN.resolve("commands.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text.toString());
    }

    @Test
    void aRunNameThatIsNotPlainIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new RemoteToolCommands("x'; rm -rf ~", "expdp"));
        assertTrue(refused.getMessage().contains("not 1 to 16 letters, digits or _"), refused.getMessage());
    }

    @Test
    void aLoginThatCouldEndThePromptsAnswerEarlyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DataPumpLogin("SYS AS SYSDBA", null));
        assertThrows(IllegalArgumentException.class, () -> new DataPumpLogin("SYSTEM", "PROD\nsecond line"));
        assertThrows(IllegalArgumentException.class, () -> new DataPumpLogin("SYSTEM", "\"quoted\""));
        assertEquals("SYSTEM@dbhost:1521/PROD", new DataPumpLogin("SYSTEM", "dbhost:1521/PROD").promptAnswer());
        assertEquals("SYSTEM", new DataPumpLogin("system", null).owner());
    }

    @Test
    void incompleteSshSettingsAreRefusedBeforeAnyConnection() {
        CloneFailedException refused = assertThrows(CloneFailedException.class, () -> SshConnection.open(
                new SshSettings("dbhost", 0, "oracle", null, null), (forWhat, variable) -> {
                    throw new AssertionError("no password may be asked");
                }, null));
        assertTrue(refused.getMessage().startsWith("The SSH settings are incomplete (host 'dbhost', port 0"),
                refused.getMessage());
    }

    @Test
    void aKeyFileThatIsNoKeyIsRefusedBeforeAnyConnection(@org.junit.jupiter.api.io.TempDir Path folder)
            throws IOException {
        Path notAKey = Files.writeString(folder.resolve("id_rsa"), "not a key\n");
        CloneFailedException refused = assertThrows(CloneFailedException.class, () -> SshConnection.open(
                new SshSettings("127.0.0.1", 1, "oracle", notAKey.toString(), folder.resolve("kh").toString()),
                (forWhat, variable) -> {
                    throw new AssertionError("no passphrase may be asked");
                }, null));
        assertTrue(refused.getMessage().startsWith("The SSH key file " + notAKey + " is not a private key"),
                refused.getMessage());
    }

    @Test
    void thePasswordIsMaskedWhereverALineHoldsIt() {
        char[] secret = "pw!42".toCharArray();
        assertEquals("a ******** b ********", ToolOutput.mask("a pw!42 b pw!42", secret));
        assertEquals("nothing here", ToolOutput.mask("nothing here", secret));
        assertEquals("pw!4", ToolOutput.mask("pw!4", secret));
    }

    @Test
    void aFingerprintIsOpenSshsForm() {
        // ssh-keygen -lf prints SHA256: and the unpadded Base64 of the blob's SHA-256; "abc" is a known vector.
        assertEquals("SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0",
                HostKeyCheck.fingerprint("abc".getBytes(StandardCharsets.US_ASCII)));
    }
}
