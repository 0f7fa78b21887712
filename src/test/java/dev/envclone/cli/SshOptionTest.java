package dev.envclone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --ssh USER@HOST[:PORT] --ssh-key FILE [--ssh-known-hosts FILE], read before anything is connected. */
class SshOptionTest {
    @TempDir
    Path folder;

    @Test
    void readsUserHostPortAndTheFiles() throws Exception {
        Path key = Files.writeString(folder.resolve("id_ed25519"), "key");
        Path known = Files.writeString(folder.resolve("known_hosts"), "hosts");
        assertEquals(new SshSettings("db01.example.com", 2222, "oracle", key.toString(), known.toString()),
                SshOption.parse("oracle@db01.example.com:2222", key, known));
        assertEquals(new SshSettings("10.0.0.5", 22, "oracle", key.toString(), null),
                SshOption.parse("oracle@10.0.0.5", key, null));
        assertNull(SshOption.parse(null, null, null));
    }

    @Test
    void refusesWhatIsNotAnAccountHostOrPortAndKeyOptionsWithoutSsh() throws Exception {
        Path key = Files.writeString(folder.resolve("id"), "key");
        // The plan's rules (PlanValidator), whichever command takes the host.
        assertMessage("must be USER@HOST or USER@HOST:PORT", () -> SshOption.parse("db01", key, null));
        assertMessage("must be USER@HOST or USER@HOST:PORT", () -> SshOption.parse("oracle@", key, null));
        assertMessage("SSH port 0 is out of range", () -> SshOption.parse("oracle@db01:0", key, null));
        assertMessage("SSH host 'db 01' is not allowed", () -> SshOption.parse("oracle@db 01", key, null));
        assertMessage("SSH user 'ora;cle' contains ';'", () -> SshOption.parse("ora;cle@db01", key, null));
        assertMessage("is not a number", () -> SshOption.parse("oracle@[::1]", key, null));
        assertMessage("--ssh-key needs --ssh", () -> SshOption.parse(null, key, null));
        assertMessage("--ssh-key " + folder.resolve("missing") + ": no such file",
                () -> SshOption.parse("oracle@db01", folder.resolve("missing"), null));
    }

    @Test
    void theRunCommandRefusesSshWithoutSourceAsBadInput() {
        CliProcess.Result result = CliProcess.inProcess("run", "--run-dir", folder.resolve("run").toString(),
                "--plan", folder.resolve("plan.json").toString(), "--target", "jdbc:h2:mem:x", "--ssh", "oracle@db01",
                "--yes");
        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().contains("--ssh needs --source"), result.err());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
