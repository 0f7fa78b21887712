package dev.envclone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact text of every file `envclone plan` writes, for both DBMS, with default and with custom names.
 * After a deliberate change, regenerate with {@code ./mvnw test -Dtest=GoldenFilesTest -Dgolden.update=true} and
 * read the diff before committing it.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @TempDir
    Path out;

    static Stream<Arguments> scenarios() {
        return Stream.of(
                // The default backup name is made from the clock; the golden text needs a fixed one.
                Arguments.of("sqlserver-default", List.of("--dbms", "sqlserver",
                        "--backup-name", "envclone_20261201T000000Z")),
                Arguments.of("sqlserver-custom", List.of("--dbms", "sqlserver", "--path", "reconfigure",
                        "--source-env", "PROD", "--target-env", "QA 2",
                        "--admin-user", "QA_ADMIN", "--runtime-user", "QA_RUNTIME", "--log-user", "QA_LOG",
                        "--source-admin-user", "PROD_ADMIN", "--source-runtime-user", "PROD_RUNTIME",
                        "--source-log-user", "PROD_LOG",
                        "--server", "sqlqa01\\OUTSYSTEMS", "--source-catalog", "OS_PROD", "--catalog", "OS_QA",
                        "--files", "OS_PROD_Data:D,OS_PROD_Data2:D,OS_PROD_Log:L",
                        "--source-log-catalog", "OS_PROD_LOG", "--log-catalog", "OS_QA_LOG",
                        "--backup-folder", "\\\\backup01\\sql\\envclone", "--data-folder", "E:\\MSSQL\\Data",
                        "--log-folder", "F:\\MSSQL\\Log", "--session-catalog", "ASPState_QA",
                        "--session-user", "QA_SESSION",
                        "--backup-name", "qa2-refresh-7", "--recovery-model", "full", "--owner", "QA_DBOWNER",
                        "--data-file-growth", "1GB", "--log-file-growth", "128MB",
                        "--parts", "secret-site-properties,deployment-zones,saml,managed-by-lifetime")),
                Arguments.of("oracle-default", List.of("--dbms", "oracle")),
                Arguments.of("oracle-custom", List.of("--dbms", "oracle", "--path", "reconfigure",
                        "--source-env", "Production", "--target-env", "Pre-Production",
                        "--admin-user", "new_osadmin", "--runtime-user", "NEW_OSRUNTIME",
                        "--log-admin-user", "NEW_OSADMIN_LOG", "--log-runtime-user", "NEW_OSRUNTIME_LOG",
                        "--tablespace", "system=NEW_OSSYS", "--tablespace", "index=NEW_OSIDX",
                        "--tablespace", "user=NEW_OSUSR", "--tablespace", "log-system=NEW_OSSYS_LOG",
                        "--tablespace", "log-index=NEW_OSIDX_LOG", "--tablespace", "log-user=NEW_OSUSR_LOG",
                        "--application-schema", "APPDATA:NEW_APPDATA", "--application-tablespace", "APPDATA_TS:NEW_OSUSR",
                        "--source-tablespace", "user=OSUSR",
                        "--server-instance", "oraqa01:1521/OSQA", "--directory", "ENVCLONE_DIR",
                        "--dump-file", "prod_%U.dmp", "--parallel", "4", "--datafile-folder", "/u02/oradata/OSQA",
                        "--session-user", "NEW_OSSTATE", "--session-tablespace", "NEW_OSUSR",
                        "--temporary-tablespace", "TEMP_QA",
                        "--ssh", "oracle@oraqa01.example.com:2222", "--ssh-key", "/home/dba/.ssh/id_ed25519",
                        "--ssh-known-hosts", "/home/dba/.ssh/known_hosts",
                        "--parts", "all")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void writesExactlyTheGoldenFiles(String scenario, List<String> arguments) throws IOException {
        List<String> args = new ArrayList<>(List.of("plan", "--out", out.toString()));
        args.addAll(arguments);
        StringWriter err = new StringWriter();
        int code = Cli.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());

        Path expected = GOLDEN.resolve(scenario);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(expected);
            try (Stream<Path> old = Files.list(expected)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            for (String name : names(out)) {
                Files.copy(out.resolve(name), expected.resolve(name));
            }
        }
        assertEquals(names(expected), names(out), "the files written");
        for (String name : names(out)) {
            assertEquals(Files.readString(expected.resolve(name), StandardCharsets.UTF_8),
                    Files.readString(out.resolve(name), StandardCharsets.UTF_8), scenario + "/" + name);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
