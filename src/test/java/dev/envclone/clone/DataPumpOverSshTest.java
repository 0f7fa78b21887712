package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.JSch;
import dev.envclone.db.CancelToken;
import dev.envclone.db.Secret;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.SshSettings;
import dev.envclone.sql.Dbms;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH route against a real SSH server on loopback (MINA SSHD, {@link LoopbackSshServer}) that runs real
 * processes: the wrapper envclone sends, and stand-in expdp/impdp scripts ({@code standin/datapump-standin.sh})
 * that read the login from standard input as the real clients do at their prompts and print Data Pump's log
 * format. What the real clients do with a pipe on their standard input is not provable here (no Oracle).
 */
class DataPumpOverSshTest {
    private static final String SSH_PASSWORD = "ssh-Pw-7731";
    private static final String PASSPHRASE = "key-Phrase-5520";
    private static final String ORACLE_PASSWORD = "ora-Pw-9034";
    private static final MigrationPlan PLAN = new PlanBuilder(Dbms.ORACLE).build();

    @TempDir
    static Path root;
    private static Path home;
    private static Path local;
    private static Path keyFile;
    private static KeyPair hostKey;
    private static KeyPair otherHostKey;
    private static LoopbackSshServer server;
    private static String hostName;
    private static int knownHostsFiles;

    @BeforeAll
    static void startServer() throws Exception {
        home = Files.createDirectories(root.resolve("remote-home"));
        Path bin = Files.createDirectories(root.resolve("bin"));
        local = Files.createDirectories(root.resolve("local"));
        for (List<String> tool : List.of(List.of("expdp", "datapump"), List.of("impdp", "datapump"),
                List.of("sqlplus", "sqlplus"))) {
            try (InputStream script = DataPumpOverSshTest.class.getResourceAsStream("/standin/" + tool.get(1)
                    + "-standin.sh")) {
                Files.write(bin.resolve(tool.get(0)), script.readAllBytes());
            }
            Files.setPosixFilePermissions(bin.resolve(tool.get(0)), PosixFilePermissions.fromString("rwx------"));
        }
        Files.writeString(home.resolve("oracle-password.sha256"), HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(ORACLE_PASSWORD.getBytes(StandardCharsets.UTF_8))));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        hostKey = ec.generateKeyPair();
        otherHostKey = ec.generateKeyPair();
        com.jcraft.jsch.KeyPair client = com.jcraft.jsch.KeyPair.genKeyPair(new JSch(), com.jcraft.jsch.KeyPair.ECDSA,
                256);
        keyFile = local.resolve("id_ecdsa");
        client.writePrivateKey(keyFile.toString(), PASSPHRASE.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream publicLine = new ByteArrayOutputStream();
        client.writePublicKey(publicLine, "envclone-test");
        PublicKey clientKey = AuthorizedKeyEntry.parseAuthorizedKeyEntry(publicLine.toString(StandardCharsets.UTF_8)
                .strip()).resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        server = new LoopbackSshServer(hostKey, SSH_PASSWORD, clientKey, home, bin);
        hostName = "[127.0.0.1]:" + server.port();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    private static final Passwords PASSWORDS = (forWhat, variable) -> Secret.of(secret(variable).toCharArray());

    private static String secret(String variable) throws CloneFailedException {
        return switch (variable) {
            case "ENVCLONE_SSH_PASSWORD" -> SSH_PASSWORD;
            case "ENVCLONE_SSH_PASSPHRASE" -> PASSPHRASE;
            case "ENVCLONE_EXPORT_PASSWORD", "ENVCLONE_IMPORT_PASSWORD" -> ORACLE_PASSWORD;
            case "ENVCLONE_PASSWORD_OSADMIN", "ENVCLONE_PASSWORD_OSRUNTIME", "ENVCLONE_PASSWORD_OSADMIN_LOG",
                 "ENVCLONE_PASSWORD_OSRUNTIME_LOG" -> userPassword(variable.substring("ENVCLONE_PASSWORD_".length()));
            default -> throw new CloneFailedException("unexpected password " + variable, "nothing");
        };
    }

    /** The password the test gives a user create-users.sql creates. */
    private static String userPassword(String user) {
        return "new-" + user.toLowerCase(java.util.Locale.ROOT) + "-Pw-61";
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A known_hosts file that holds {@code key} for the server (or nothing, for null), in OpenSSH's form. */
    private static Path knownHosts(KeyPair key) throws IOException {
        Path file = local.resolve("known_hosts-" + ++knownHostsFiles);
        if (key != null) {
            Files.writeString(file, hostName + " " + PublicKeyEntry.toString(key.getPublic()) + "\n");
        }
        return file;
    }

    private static DataPumpOverSsh route(String run, boolean keyAuthentication, Path knownHosts, String accepted,
                                         Passwords passwords) {
        SshSettings ssh = new SshSettings("127.0.0.1", server.port(), LoopbackSshServer.USER,
                keyAuthentication ? keyFile.toString() : null, knownHosts.toString());
        return new DataPumpOverSsh(PLAN, new DataPumpOverSsh.Settings(ssh, accepted,
                new DataPumpLogin("SYSTEM", "dbhost:1521/PROD"), new DataPumpLogin("system", "dbhost:1521/QA"), run, 3),
                passwords, "source-fingerprint");
    }

    private static DataPumpOverSsh route(String run, boolean keyAuthentication) throws IOException {
        return route(run, keyAuthentication, knownHosts(hostKey), null, PASSWORDS);
    }

    private static Path folder(String run) {
        return home.resolve(".envclone").resolve(run);
    }

    /** What the stand-in does in this run's folder. */
    private static void scenario(String run, String scenario) throws IOException {
        Files.createDirectories(folder(run));
        Files.writeString(folder(run).resolve("scenario"), scenario + "\n");
    }

    /** Everything the action told, in order. */
    private static final class Recorder implements CloneListener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<String> progress = new CopyOnWriteArrayList<>();
        IntConsumer onProgress = done -> { };

        @Override
        public void progress(String message, int done, int total) {
            progress.add(message + " (" + done + "/" + total + ")");
            onProgress.accept(done);
        }

        @Override
        public void logLine(String line) {
            lines.add(line);
        }
    }

    @Test
    void theExportStreamsItsLogWhileTheToolRunsAndIsDoneOnExitZero() throws Exception {
        scenario("T1", "gated");
        Recorder recorder = new Recorder();
        recorder.onProgress = done -> {
            if (done == 1) {
                try {
                    Files.writeString(folder("T1").resolve("gate"), "open");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Map<String, String> started = new LinkedHashMap<>();
        Map<String, String> result;
        try (DataPumpOverSsh route = route("T1", true)) {
            CloneAction export = route.actions().get(0);
            assertEquals("export-schemas", export.stepId());
            export.check(new CancelToken());
            result = export.run(started::putAll, recorder, new CancelToken());
        }
        // The stand-in waits at its first table until the test has seen it: the rest came only because it streamed.
        assertEquals(List.of("Exported 1 of 3 tables: \"OSADMIN\".\"OSSYS_ESPACE\" (1/3)",
                "Exported 2 of 3 tables: \"OSADMIN\".\"OSSYS_TENANT\" (2/3)",
                "Exported 3 of 3 tables: \"OSADMIN\".\"OSSYS_USER\" (3/3)"), recorder.progress);
        assertTrue(recorder.lines.contains("Job \"SYSTEM\".\"ENVCLONE_EXP_T1\" successfully completed at Wed Dec 2 "
                + "01:39:00 2026 elapsed 0 00:00:05"), recorder.lines.toString());
        assertTrue(recorder.lines.contains("Connected to: Oracle Database 19c Enterprise Edition Release 19.0.0.0.0 - "
                + "Production (login SYSTEM@dbhost:1521/PROD)"), recorder.lines.toString());
        assertEquals("SYSTEM.ENVCLONE_EXP_T1", started.get("job"));
        assertEquals("0", result.get("exitCode"));
        assertEquals("3", result.get("tables"));
    }

    @Test
    void theRemoteFolderAndItsFilesAreOwnerOnlyAndTheParameterFileIsThePlans() throws Exception {
        scenario("T2", "ok");
        try (DataPumpOverSsh route = route("T2", false)) {
            route.actions().get(0).run(facts -> { }, CloneListener.NONE, new CancelToken());
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder("T2"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                home.resolve(".envclone"))));
        for (String file : List.of("expdp.par", "expdp.out", "expdp.pid", "expdp.exit")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    folder("T2").resolve(file))), file);
        }
        assertEquals(DataPumpParameterFiles.export(PLAN) + "# envclone over SSH: the job's name, to attach to it "
                + "(ATTACH) after a cancel or a crash.\nJOB_NAME=ENVCLONE_EXP_T2\n",
                Files.readString(folder("T2").resolve("expdp.par")));
    }

    @Test
    void anImportWhoseOnlyErrorsAreOra31684IsAccepted() throws Exception {
        scenario("T3", "31684");
        Recorder recorder = new Recorder();
        Map<String, String> result;
        try (DataPumpOverSsh route = route("T3", false)) {
            CloneAction importing = route.actions().get(2);
            assertEquals("import-schemas", importing.stepId());
            result = importing.run(facts -> { }, recorder, new CancelToken());
        }
        assertEquals("5", result.get("exitCode"));
        assertEquals("2", result.get("expectedErrors"));
        assertTrue(recorder.lines.contains("ORA-31684: Object type USER:\"OSADMIN\" already exists"));
        assertTrue(recorder.progress.contains("Imported 3 of 3 tables: \"OSADMIN\".\"OSSYS_USER\" (3/3)"),
                recorder.progress.toString());
    }

    @Test
    void anyOtherOraErrorIsRefusedWithTheLineShown() throws Exception {
        scenario("T4", "39083");
        try (DataPumpOverSsh route = route("T4", true)) {
            CloneFailedException refused = assertThrows(CloneFailedException.class,
                    () -> route.actions().get(2).run(facts -> { }, CloneListener.NONE, new CancelToken()));
            assertTrue(refused.getMessage().startsWith("Data Pump reported an error the procedure does not expect: "
                    + "ORA-39083: Object type OBJECT_GRANT failed to create with error: (and 1 more in the log)"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("exit code 5"), refused.getMessage());
            assertTrue(refused.left().contains("impdp ATTACH=SYSTEM.ENVCLONE_IMP_T4"), refused.left());
            assertFalse(refused.cancelled());
        }
    }

    @Test
    void exitCodeOneFails() throws Exception {
        scenario("T5", "fatal");
        try (DataPumpOverSsh route = route("T5", false)) {
            CloneFailedException failed = assertThrows(CloneFailedException.class,
                    () -> route.actions().get(0).run(facts -> { }, CloneListener.NONE, new CancelToken()));
            assertTrue(failed.getMessage().startsWith("Data Pump ended with exit code 1 (fatal)"), failed.getMessage());
            assertTrue(failed.left().startsWith("the source is unchanged"), failed.left());
        }
    }

    @Test
    void aWrongOraclePasswordReachesTheToolOnItsInputAndFails() throws Exception {
        scenario("T6", "ok");
        Passwords wrong = (forWhat, variable) -> variable.equals("ENVCLONE_EXPORT_PASSWORD")
                ? Secret.of("not-it".toCharArray()) : PASSWORDS.password(forWhat, variable);
        try (DataPumpOverSsh route = route("T6", false, knownHosts(hostKey), null, wrong)) {
            CloneFailedException failed = assertThrows(CloneFailedException.class,
                    () -> route.actions().get(0).run(facts -> { }, CloneListener.NONE, new CancelToken()));
            assertTrue(failed.getMessage().contains("ORA-01017: invalid username/password; logon denied"),
                    failed.getMessage());
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedNamingItsTypeAndFingerprintAndAcceptedOnlyWithThatFingerprint() throws Exception {
        Path knownHosts = knownHosts(null);
        String fingerprint = KeyUtils.getFingerPrint(hostKey.getPublic());
        int before = server.commands().size();
        try (DataPumpOverSsh route = route("T7", true, knownHosts, null, PASSWORDS)) {
            CloneFailedException refused = assertThrows(CloneFailedException.class,
                    () -> route.actions().get(0).check(new CancelToken()));
            assertTrue(refused.getMessage().startsWith("The SSH host key of " + hostName + " is not in " + knownHosts
                    + ": the host shows a ecdsa-sha2-nistp256 key with fingerprint " + fingerprint + "."),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("accept that fingerprint"), refused.getMessage());
            assertEquals(fingerprint, route.refusedHostKey());
        }
        try (DataPumpOverSsh route = route("T7", true, knownHosts, "SHA256:someOtherKeyEntirely", PASSWORDS)) {
            assertThrows(CloneFailedException.class, () -> route.actions().get(0).check(new CancelToken()));
        }
        assertEquals(before, server.commands().size(), "nothing may reach a host that was refused");
        try (DataPumpOverSsh route = route("T7", true, knownHosts, fingerprint, PASSWORDS)) {
            route.actions().get(0).check(new CancelToken());
        }
        assertEquals(hostName + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n",
                Files.readString(knownHosts));
        try (DataPumpOverSsh route = route("T7", true, knownHosts, null, PASSWORDS)) {
            route.actions().get(0).check(new CancelToken());
        }
    }

    @Test
    void aChangedHostKeyIsRefusedUnlessExactlyTheNewFingerprintIsAccepted() throws Exception {
        Path knownHosts = knownHosts(otherHostKey);
        String recorded = Files.readString(knownHosts);
        String shown = KeyUtils.getFingerPrint(hostKey.getPublic());
        for (String accepted : new String[] {null, KeyUtils.getFingerPrint(otherHostKey.getPublic())}) {
            try (DataPumpOverSsh route = route("T8", false, knownHosts, accepted, PASSWORDS)) {
                CloneFailedException refused = assertThrows(CloneFailedException.class,
                        () -> route.actions().get(0).check(new CancelToken()));
                assertTrue(refused.getMessage().startsWith("The SSH host key of " + hostName + " has CHANGED since it "
                        + "was recorded in " + knownHosts + ": the host now shows a ecdsa-sha2-nistp256 key with "
                        + "fingerprint " + shown + "."), refused.getMessage());
                assertTrue(refused.getMessage().contains("ssh-keygen -R '" + hostName + "'"), refused.getMessage());
            }
        }
        try (DataPumpOverSsh route = route("T8", false, knownHosts, shown, PASSWORDS)) {
            route.actions().get(0).check(new CancelToken());
        }
        assertEquals(recorded, Files.readString(knownHosts), "a changed key is never written over the old one");
    }

    @Test
    void cancelEndsTheRemoteProcessAndSaysHowToStopTheJob() throws Exception {
        scenario("T9", "slow");
        CancelToken cancel = new CancelToken();
        Recorder recorder = new Recorder();
        List<String> whileRunning = new ArrayList<>();
        recorder.onProgress = done -> new Thread(() -> {
            // What a recovery says while the tool still runs, from a second session, then the operator's Cancel.
            try (DataPumpOverSsh second = route("T9", false)) {
                second.actions().get(0).recover(Map.of());
            } catch (CloneFailedException e) {
                whileRunning.add(e.getMessage());
            } catch (IOException e) {
                whileRunning.add("IOException " + e.getMessage());
            }
            cancel.cancel();
        }).start();
        long begun = System.nanoTime();
        try (DataPumpOverSsh route = route("T9", true)) {
            CloneFailedException cancelled = assertThrows(CloneFailedException.class,
                    () -> route.actions().get(0).run(facts -> { }, recorder, cancel));
            assertTrue(cancelled.cancelled());
            assertTrue(cancelled.left().contains("stop it on 127.0.0.1 with expdp ATTACH=SYSTEM.ENVCLONE_EXP_T9 (log in "
                    + "as SYSTEM), then KILL_JOB at the Export> prompt"), cancelled.left());
            assertTrue(cancelled.left().contains("keep running without its client"), cancelled.left());
        }
        assertTrue(System.nanoTime() - begun < 10_000_000_000L, "cancel took too long");
        long pid = Long.parseLong(Files.readString(folder("T9").resolve("expdp.pid")).strip());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "expdp still runs");
        assertTrue(server.commands().contains("kill -TERM \"$(cat '.envclone/T9/expdp.pid')\""));
        assertEquals(1, whileRunning.size(), whileRunning.toString());
        assertTrue(whileRunning.get(0).contains("expdp on oracle@127.0.0.1:" + server.port() + " (job "
                + "SYSTEM.ENVCLONE_EXP_T9) still runs as process " + pid), whileRunning.get(0));
    }

    @Test
    void aCancelBeforeTheToolStartsRunsNothing() throws Exception {
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        int before = server.commands().size();
        try (DataPumpOverSsh route = route("T15", false)) {
            CloneFailedException cancelled = assertThrows(CloneFailedException.class,
                    () -> route.actions().get(0).run(facts -> { }, CloneListener.NONE, cancel));
            assertTrue(cancelled.cancelled());
            assertEquals("nothing was changed", cancelled.left());
        }
        assertEquals(before, server.commands().size());
    }

    @Test
    void createUsersRunsTheScriptWithEachNewUsersPasswordOnTheStandardInputInTheScriptsOrder() throws Exception {
        scenario("T16", "ok");
        Recorder recorder = new Recorder();
        Map<String, String> result;
        try (DataPumpOverSsh route = route("T16", true)) {
            CloneAction createUsers = route.actions().get(1);
            assertEquals("create-users", createUsers.stepId());
            createUsers.check(new CancelToken());
            result = createUsers.run(facts -> { }, recorder, new CancelToken());
            assertTrue(createUsers.recover(Map.of()).done());
        }
        List<String> expected = new ArrayList<>();
        for (String user : List.of("OSADMIN", "OSRUNTIME", "OSADMIN_LOG", "OSRUNTIME_LOG")) {
            expected.add(user + " " + sha256(userPassword(user)));
        }
        assertEquals(expected, Files.readAllLines(folder("T16").resolve("users.sha256")));
        assertEquals(OracleCreationScript.render(PLAN), Files.readString(folder("T16").resolve("create-users.sql")));
        assertEquals("14", result.get("statements"));
        assertEquals("create-users.sql: Grant succeeded. (14 of 14) (14/14)",
                recorder.progress.get(recorder.progress.size() - 1));
        assertTrue(server.commands().contains("cd '.envclone/T16' || exit 1; umask 077; rm -f sqlplus.exit "
                + "sqlplus.pid; : > sqlplus.out || exit 1; exec 3<&0; sqlplus -L -S <&3 3<&- >> sqlplus.out 2>&1 & "
                + "pid=$!; exec 3<&-; echo $pid > sqlplus.pid; echo \"envclone: sqlplus runs as process $pid\" >&2; "
                + "tail -n +1 -f sqlplus.out & tailer=$!; wait $pid; code=$?; echo $code > sqlplus.exit; kill $tailer "
                + "2>/dev/null; exit $code"), server.commands().toString());
    }

    @Test
    void createUsersStopsAtItsFirstErrorAndSaysWhatStays() throws Exception {
        scenario("T17", "fail");
        try (DataPumpOverSsh route = route("T17", false)) {
            CloneFailedException failed = assertThrows(CloneFailedException.class,
                    () -> route.actions().get(1).run(facts -> { }, CloneListener.NONE, new CancelToken()));
            assertTrue(failed.getMessage().startsWith("create-users.sql stopped at an error: ORA-01543: tablespace "
                    + "'OSIDX' already exists"), failed.getMessage());
            assertTrue(failed.left().startsWith("what create-users.sql created before it stopped stays"),
                    failed.left());
            CloneAction.Recovery recovery = route.actions().get(1).recover(Map.of());
            assertFalse(recovery.done());
            assertTrue(recovery.state().contains("ORA-01543"), recovery.state());
        }
    }

    @Test
    void aRecoveryReadsTheOutputKeptOnTheHost() throws Exception {
        scenario("T10", "31684");
        try (DataPumpOverSsh route = route("T10", false)) {
            CloneAction importing = route.actions().get(2);
            CloneAction.Recovery never = importing.recover(Map.of());
            assertFalse(never.done());
            assertTrue(never.state().startsWith("impdp never started on "), never.state());
            importing.run(facts -> { }, CloneListener.NONE, new CancelToken());
        }
        try (DataPumpOverSsh afterCrash = route("T10", false)) {
            CloneAction.Recovery done = afterCrash.actions().get(2).recover(Map.of());
            assertTrue(done.done(), done.state());
            assertTrue(done.state().contains("ended with exit code 5 and its log shows the job completed with no "
                    + "unexpected error"), done.state());
        }
        scenario("T11", "39083");
        try (DataPumpOverSsh route = route("T11", false)) {
            assertThrows(CloneFailedException.class,
                    () -> route.actions().get(2).run(facts -> { }, CloneListener.NONE, new CancelToken()));
            CloneAction.Recovery failed = route.actions().get(2).recover(Map.of());
            assertFalse(failed.done());
            assertTrue(failed.state().contains("ORA-39083"), failed.state());
        }
    }

    @Test
    void theToolRunsOnWhenTheConnectionEndsAndAResumeReadsItsResultOnTheHost() throws Exception {
        scenario("T14", "gated");
        DataPumpOverSsh route = route("T14", false);
        Recorder recorder = new Recorder();
        recorder.onProgress = done -> {
            // envclone's side goes away (a crash, the network) while the tool runs; then the tool may go on.
            route.close();
            try {
                Files.writeString(folder("T14").resolve("gate"), "open");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        CloneFailedException lost = assertThrows(CloneFailedException.class,
                () -> route.actions().get(0).run(facts -> { }, recorder, new CancelToken()));
        assertTrue(lost.getMessage().contains("ended before expdp did. The tool does not depend on it"),
                lost.getMessage());
        Path exit = folder("T14").resolve("expdp.exit");
        for (int i = 0; i < 100 && !Files.exists(exit); i++) {
            Thread.sleep(50);
        }
        try (DataPumpOverSsh resumed = route("T14", true)) {
            CloneAction.Recovery recovery = resumed.actions().get(0).recover(Map.of());
            assertTrue(recovery.done(), recovery.state());
            assertTrue(recovery.state().contains("ended with exit code 0 and its log shows the job completed"),
                    recovery.state());
        }
    }

    @Test
    void noPasswordIsOnAnyRemoteCommandLineNorInAnyFileHereOrThere() throws Exception {
        scenario("T12", "31684");
        try (DataPumpOverSsh route = route("T12", false)) {
            for (CloneAction action : route.actions()) {
                action.run(facts -> { }, CloneListener.NONE, new CancelToken());
            }
        }
        try (DataPumpOverSsh route = route("T13", true)) {
            route.actions().get(0).run(facts -> { }, CloneListener.NONE, new CancelToken());
        }
        List<String> commands = server.commands();
        assertTrue(commands.stream().anyMatch(c -> c.contains("expdp PARFILE=expdp.par")), commands.toString());
        assertTrue(commands.stream().anyMatch(c -> c.contains("impdp PARFILE=impdp.par")), commands.toString());
        assertTrue(commands.stream().anyMatch(c -> c.contains("sqlplus -L -S")), commands.toString());
        List<String> secrets = new ArrayList<>(List.of(SSH_PASSWORD, PASSPHRASE, ORACLE_PASSWORD));
        for (String user : List.of("OSADMIN", "OSRUNTIME", "OSADMIN_LOG", "OSRUNTIME_LOG")) {
            secrets.add(userPassword(user));
        }
        List<Path> scanned = new ArrayList<>();
        String log = System.getProperty("envclone.test.log");
        if (log != null && Files.exists(Path.of(log))) {
            scanned.add(Path.of(log)); // the build's log file, where envclone, JSch and MINA write
        }
        try (Stream<Path> files = Files.walk(root)) {
            scanned.addAll(files.filter(Files::isRegularFile).toList());
        }
        for (String secret : secrets) {
            for (String command : commands) {
                assertFalse(command.contains(secret), command);
            }
            for (Path file : scanned) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(secret), secret + " in " + file);
            }
        }
    }
}
