package dev.envclone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanCommandTest {
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void theSourceUserOptionsNameTheUsersTheSecurityContextStepDrops() throws Exception {
        Path dir = temp.resolve("plan");
        assertEquals(0, run("plan", "--dbms", "sqlserver", "--out", dir.toString(), "--admin-user", "QA_ADMIN",
                "--source-admin-user", "PROD_ADMIN", "--source-log-user", "PROD_LOG"), err.toString());
        String plan = Files.readString(dir.resolve("plan.json"));
        assertTrue(plan.contains("\"sourceUsers\" : {\n        \"admin\" : \"PROD_ADMIN\",\n        \"runtime\" : "
                + "\"OSRUNTIME\",\n        \"logAdmin\" : \"PROD_LOG\",\n        \"logRuntime\" : \"PROD_LOG\""), plan);
        String checklist = Files.readString(dir.resolve("checklist.md"));
        assertTrue(checklist.contains("the restored users of the source environment, PROD_ADMIN, OSRUNTIME, "
                + "PROD_LOG, own"), checklist);
        assertFalse(checklist.contains("delete the platform users QA_ADMIN"), checklist);
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(List.of("--dbms", "db2"), "--dbms"),
                Arguments.of(List.of("--dbms", "oracle", "--admin-user", "OSADMIN;DROP USER SYS"),
                        "admin user 'OSADMIN;DROP USER SYS' contains ';'"),
                Arguments.of(List.of("--dbms", "sqlserver", "--catalog", "CLONE]; DROP DATABASE X --"),
                        "target catalog 'CLONE]; DROP DATABASE X --' contains"),
                Arguments.of(List.of("--dbms", "sqlserver", "--runtime-user", "OSRUNTIME\nGO"),
                        "runtime user 'OSRUNTIME\\nGO' contains a line break"),
                Arguments.of(List.of("--dbms", "oracle", "--remap-schema", "OSLOG:NEW_OSLOG"),
                        "REMAP_SCHEMA OSLOG:NEW_OSLOG remaps schema OSLOG, which is not exported"),
                Arguments.of(List.of("--dbms", "oracle", "--catalog", "X"),
                        "SQL Server options were given with --dbms oracle"),
                Arguments.of(List.of("--dbms", "sqlserver", "--parts", "mobile-apps,lasers"),
                        "unknown optional part 'lasers'"),
                Arguments.of(List.of("--dbms", "sqlserver", "--files", "OUTSYSTEMS"),
                        "must be LOGICALNAME:D (data) or LOGICALNAME:L (log)"),
                Arguments.of(List.of("--dbms", "oracle", "--tablespace", "temp=X"),
                        "tablespace role 'temp' is unknown"),
                Arguments.of(List.of("--dbms", "oracle", "--parallel", "many"), "--parallel"),
                Arguments.of(List.of("--dbms", "oracle", "--admin-user", "user"), "admin user 'user' is reserved"),
                Arguments.of(List.of("--dbms", "sqlserver", "--server", "host,99999"),
                        "--server 'host,99999' has port 99999: give a port from 1 to 65535."),
                Arguments.of(List.of("--dbms", "sqlserver", "--server", "host\\PROD,0"),
                        "--server 'host\\PROD,0' has port 0: give a port from 1 to 65535."),
                Arguments.of(List.of("--dbms", "sqlserver", "--server", "host,14x3"),
                        "--server 'host,14x3' has port 14x3: give a port from 1 to 65535."),
                Arguments.of(List.of("--dbms", "sqlserver", "--source-admin-user", "db_owner"),
                        "source admin user 'db_owner' is a built-in principal of every database, not a platform user: "
                                + "give the source environment's user (default OSADMIN)"),
                Arguments.of(List.of("--dbms", "sqlserver", "--source-log-user", "OSLOG]; DROP USER x --"),
                        "source log admin user 'OSLOG]; DROP USER x --' contains"),
                Arguments.of(List.of("--dbms", "oracle", "--server-instance", "db01:70000/ORCL"),
                        "--server-instance 'db01:70000/ORCL' has port 70000: give a port from 1 to 65535."),
                // The clone's restore settings and the temporary tablespace (issue 11, item 3)
                Arguments.of(List.of("--dbms", "sqlserver", "--data-file-growth", "10%"),
                        "data file growth '10%' is not allowed: give a whole number of MB or GB"),
                Arguments.of(List.of("--dbms", "sqlserver", "--log-file-growth", "0MB"),
                        "log file growth '0MB' is not allowed: give a whole number of MB or GB"),
                Arguments.of(List.of("--dbms", "sqlserver", "--recovery-model", "LOGGED"), "--recovery-model"),
                Arguments.of(List.of("--dbms", "sqlserver", "--owner", "sa;--"), "clone owner 'sa;--' contains"),
                Arguments.of(List.of("--dbms", "sqlserver", "--backup-name", "..\\other"),
                        "backup name '..\\other' is not allowed: use letters, digits, '_' or '-'"),
                Arguments.of(List.of("--dbms", "oracle", "--temporary-tablespace", "TEMP QA"),
                        "temporary tablespace 'TEMP QA'"),
                Arguments.of(List.of("--dbms", "sqlserver", "--temporary-tablespace", "TEMP"),
                        "Oracle options were given with --dbms sqlserver"),
                Arguments.of(List.of("--dbms", "oracle", "--recovery-model", "SIMPLE"),
                        "SQL Server options were given with --dbms oracle"),
                // Data Pump's SSH route (issue 12)
                Arguments.of(List.of("--dbms", "oracle", "--ssh", "dbhost"),
                        "--ssh: SSH target 'dbhost' must be USER@HOST or USER@HOST:PORT"),
                Arguments.of(List.of("--dbms", "oracle", "--ssh", "oracle@dbhost:ssh"),
                        "--ssh: SSH port 'ssh' in 'oracle@dbhost:ssh' is not a number"),
                Arguments.of(List.of("--dbms", "oracle", "--ssh", "oracle@dbhost:70000"),
                        "SSH port 70000 is out of range: give a port from 1 to 65535"),
                Arguments.of(List.of("--dbms", "oracle", "--ssh", "oracle@db host"),
                        "SSH host 'db host' is not allowed: give the host's name or IPv4 address"),
                Arguments.of(List.of("--dbms", "oracle", "--ssh", "$(reboot)@dbhost"),
                        "SSH user '$(reboot)' is not allowed"),
                Arguments.of(List.of("--dbms", "oracle", "--ssh", "oracle@dbhost", "--ssh-key", "id_rsa"),
                        "SSH key file 'id_rsa' is not allowed: give the file's absolute path on this machine"),
                Arguments.of(List.of("--dbms", "oracle", "--ssh-known-hosts", "/home/dba/.ssh/known_hosts"),
                        "--ssh-key and --ssh-known-hosts belong to --ssh"),
                Arguments.of(List.of("--dbms", "sqlserver", "--ssh", "oracle@dbhost"),
                        "Oracle options were given with --dbms sqlserver"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void rejectsBadArgumentsWithExitTwoAOneLineMessageAndNothingWritten(List<String> arguments, String message) {
        Path folder = temp.resolve("plan");
        List<String> args = new ArrayList<>(List.of("plan", "--out", folder.toString()));
        args.addAll(arguments);
        assertEquals(2, run(args.toArray(String[]::new)));
        String firstLine = err.toString().lines().findFirst().orElse("");
        assertTrue(firstLine.startsWith("envclone plan: "), err.toString());
        assertTrue(firstLine.contains(message), firstLine + " should contain " + message);
        assertFalse(Files.exists(folder), "nothing may be written for bad input");
        assertEquals("", out.toString());
    }

    @Test
    void refusesAnOutputThatIsAFile() throws Exception {
        Path file = Files.writeString(temp.resolve("plan.txt"), "keep me");
        assertEquals(2, run("plan", "--dbms", "sqlserver", "--out", file.toString()));
        assertTrue(err.toString().contains("is a file: give a folder"), err.toString());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void writesTheSqlServerFilesAndSaysSo() {
        Path folder = temp.resolve("p");
        assertEquals(0, run("plan", "--dbms", "sqlserver", "--out", folder.toString()));
        for (String name : List.of("plan.json", "checklist.md", "backup-on-source.sql", "restore-on-target.sql",
                "cleanup-before-install.sql", "cleanup-after-install.sql", "configuration-tool.cmd")) {
            assertTrue(Files.isRegularFile(folder.resolve(name)), name);
        }
        assertTrue(out.toString().contains("Wrote plan.json, checklist.md, backup-on-source.sql, "
                        + "restore-on-target.sql, cleanup-before-install.sql, cleanup-after-install.sql, "
                        + "configuration-tool.cmd to " + folder),
                out.toString());
    }

    @Test
    void writesTheRestoreSettingsIntoThePlanAndTheRestoreScript() throws Exception {
        Path folder = temp.resolve("p");
        assertEquals(0, run("plan", "--dbms", "sqlserver", "--out", folder.toString(), "--backup-name", "refresh-12",
                "--recovery-model", "bulk_logged", "--owner", "DBA_OWNER", "--data-file-growth", "2GB",
                "--log-file-growth", "64MB"), err.toString());
        String plan = Files.readString(folder.resolve("plan.json"));
        assertTrue(plan.contains("\"backupName\" : \"refresh-12\"") && plan.contains("\"recoveryModel\" : \"BULK_LOGGED\"")
                && plan.contains("\"owner\" : \"DBA_OWNER\""), plan);
        String restore = Files.readString(folder.resolve("restore-on-target.sql"));
        assertTrue(restore.contains("FROM DISK = N'D:\\SQLBackup\\OUTSYSTEMS_refresh-12.bak'"), restore);
        assertTrue(restore.contains("ALTER DATABASE [OUTSYSTEMS_CLONE] SET RECOVERY BULK_LOGGED;"), restore);
        assertTrue(restore.contains("ALTER AUTHORIZATION ON DATABASE::[OUTSYSTEMS_CLONE] TO [DBA_OWNER];"), restore);
        assertTrue(restore.contains("(NAME = N'OUTSYSTEMS', FILEGROWTH = 2GB)")
                && restore.contains("(NAME = N'OUTSYSTEMS_log', FILEGROWTH = 64MB)"), restore);
    }

    @Test
    void aPlanWithoutABackupNameGetsOneFromTheTimeItIsMade() throws Exception {
        Path folder = temp.resolve("p");
        assertEquals(0, run("plan", "--dbms", "sqlserver", "--out", folder.toString()), err.toString());
        String backup = Files.readString(folder.resolve("backup-on-source.sql"));
        assertTrue(java.util.regex.Pattern.compile("TO DISK = N'D:\\\\SQLBackup\\\\OUTSYSTEMS_envclone_"
                + "20[0-9]{6}T[0-9]{6}Z\\.bak'").matcher(backup).find(), backup);
    }

    @Test
    void anOracleImportThatRemapsASchemaGetsTheRevokeScript() throws Exception {
        Path folder = temp.resolve("p");
        assertEquals(0, run("plan", "--dbms", "oracle", "--out", folder.toString(), "--admin-user", "QA_OSADMIN"),
                err.toString());
        String revoke = Files.readString(folder.resolve("revoke-after-import.sql"));
        assertTrue(revoke.contains("AND owner IN ('OSADMIN')"), revoke);
        assertTrue(Files.readString(folder.resolve("checklist.md")).contains("File: revoke-after-import.sql."));
    }

    @Test
    void anOracleTemporaryTablespaceIsWrittenOnlyWhenNamed() throws Exception {
        Path named = temp.resolve("named");
        Path unnamed = temp.resolve("unnamed");
        assertEquals(0, run("plan", "--dbms", "oracle", "--out", named.toString(), "--temporary-tablespace",
                "temp_qa"), err.toString());
        assertEquals(0, run("plan", "--dbms", "oracle", "--out", unnamed.toString()), err.toString());
        assertTrue(Files.readString(named.resolve("create-users.sql")).contains("TEMPORARY TABLESPACE \"TEMP_QA\""));
        assertFalse(Files.readString(unnamed.resolve("create-users.sql")).contains("TEMPORARY TABLESPACE"));
    }

    @Test
    void theSshOptionsGoIntoThePlan() throws Exception {
        Path folder = temp.resolve("plan");
        assertEquals(0, run("plan", "--out", folder.toString(), "--dbms", "oracle", "--ssh", "oracle@10.0.0.5",
                "--ssh-key", "C:\\Users\\dba\\.ssh\\id_ed25519"), err.toString());
        dev.envclone.procedure.SshSettings ssh = dev.envclone.procedure.PlanJson.read(folder.resolve("plan.json"))
                .oracle().ssh();
        assertEquals(new dev.envclone.procedure.SshSettings("10.0.0.5", 22, "oracle",
                "C:\\Users\\dba\\.ssh\\id_ed25519", null), ssh);
    }

    @Test
    void writesTheOracleFiles() {
        Path folder = temp.resolve("p");
        assertEquals(0, run("plan", "--dbms", "ORACLE", "--path", "Reconfigure", "--out", folder.toString()));
        for (String name : List.of("plan.json", "checklist.md", "expdp.par", "impdp.par", "create-users.sql",
                "cleanup-before-install.sql", "cleanup-after-install.sql")) {
            assertTrue(Files.isRegularFile(folder.resolve(name)), name);
        }
        assertFalse(Files.exists(folder.resolve("restore-on-target.sql")));
        assertFalse(Files.exists(folder.resolve("revoke-after-import.sql")), "no schema is remapped");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("plan") && out.toString().contains("Exit codes: 0 done, 1 failed, 2 bad "
                + "input"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("plan", "--help"));
        assertTrue(out.toString().contains("--remap-tablespace=FROM:TO"), out.toString());
    }

    @Test
    void versionNamesEnvcloneAndItsVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().matches("(?s)envclone \\d+\\.\\d+\\.\\d+.*"), out.toString());
    }

    @Test
    void anUnknownCommandIsBadInput() {
        assertEquals(2, run("clone-everything"));
        assertTrue(err.toString().startsWith("envclone: Unmatched argument"), err.toString());
    }
}
