package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.common.Settings;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every folder and file a whole sandbox run writes (plan, sandbox, run in two stages, a mark, the report and its
 * self-signed key, the checklist, the wizard's settings) is its owner's only: 700 and 600. The pre-images hold the
 * source's secrets.
 */
class OwnerOnlyRunTest {
    @TempDir
    Path folder;

    private String home;

    @BeforeEach
    void ownUserFolder() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        home = System.getProperty("envclone.home");
        System.setProperty("envclone.home", folder.resolve("home").toString());
    }

    @AfterEach
    void restoreUserFolder() {
        if (home == null) {
            System.clearProperty("envclone.home");
        } else {
            System.setProperty("envclone.home", home);
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void everyFolderAndFileOfASandboxRunIsOwnerOnlyUnderAParentLeftAsItWas(Dbms dbms) throws Exception {
        Path runs = Files.createDirectory(folder.resolve("runs"));
        Files.setPosixFilePermissions(runs, PosixFilePermissions.fromString("rwxr-xr-x"));
        SandboxRunFixture sandbox = new SandboxRunFixture(dbms, folder);
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        String runDir = runs.resolve("run-1").toString();

        ok(CliProcess.inProcess("sandbox", "create", "--dbms", dbms.cliName(), "--db",
                folder.resolve("rehearsal/sandbox").toString()));
        ok(CliProcess.inProcess("run", "--run-dir", runDir, "--plan", sandbox.plan.toString(), "--target",
                sandbox.url, "--user", "sa", "--prepare-only"));
        ok(CliProcess.inProcess("run", "--run-dir", runDir, "--target", sandbox.url, "--user", "sa", "--yes"));
        ok(CliProcess.inProcess("mark", "--run-dir", runDir, "--step", "upload-license", "--tick"));
        ok(CliProcess.inProcess("report", "--run-dir", runDir, "--out", folder.resolve("report.pdf").toString()));
        ok(CliProcess.inProcess("checklist", "--plan", sandbox.plan.toString(), "--out",
                folder.resolve("checklist.pdf").toString()));
        Settings settings = Settings.load();
        settings.textScale(125);
        settings.save();

        assertEquals("rwxr-xr-x", permissions(runs), "a folder envclone did not make is left as it was");
        List<String> written = new ArrayList<>();
        List<String> open = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (path.equals(folder) || path.equals(runs)) {
                    continue;
                }
                String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
                written.add(folder.relativize(path).toString());
                if (!permissions(path).equals(expected)) {
                    open.add(folder.relativize(path) + " " + permissions(path));
                }
            }
        }
        assertEquals(List.of(), open);
        for (String each : List.of("sandbox.mv.db", "rehearsal/sandbox.mv.db", "plan/plan.json",
                "plan/cleanup-before-install.sql",
                "runs/run-1", "runs/run-1/journal.jsonl", "runs/run-1/plan.json", "runs/run-1/pre-images",
                "report.pdf", "checklist.pdf", "home", "home/wizard.properties", "home/signing",
                "home/signing/self-signed-key.p8", "home/signing/self-signed-certificate.der")) {
            assertTrue(written.contains(each), each + " in " + written);
        }
        assertTrue(written.stream().anyMatch(p -> p.matches("runs/run-1/pre-images/[^/]+/attempt-1/[^/]+\\.csv")),
                "pre-images in " + written);
    }

    private static void ok(CliProcess.Result result) {
        assertEquals(0, result.code(), result.out() + result.err());
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
