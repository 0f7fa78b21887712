package dev.envclone.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folders and files owner-only from their creation, on this machine's file system (POSIX). The tests run as root
 * here, where permission bits do not stop a write: failures are made with a folder that is a file and /dev/full.
 */
class OwnerOnlyTest {
    @TempDir
    Path folder;

    @BeforeEach
    void posix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    @Test
    void aNewFolderAndTheMissingFoldersAboveItAreOwnerOnlyAndAnExistingParentIsLeftAsItIs() throws Exception {
        Path parent = Files.createDirectory(folder.resolve("runs"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnly.folder(parent.resolve("2024/run-1"), "run folder");

        assertEquals("rwxr-xr-x", permissions(parent));
        assertEquals("rwx------", permissions(parent.resolve("2024")));
        assertEquals("rwx------", permissions(parent.resolve("2024/run-1")));
    }

    @Test
    void anExistingSharedFolderOfEnvclonesOwnIsMadeOwnerOnly() throws Exception {
        Path home = Files.createDirectory(folder.resolve(".envclone"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-x--x"));

        OwnerOnly.folder(home, "user folder");

        assertEquals("rwx------", permissions(home));
    }

    @Test
    void aFolderEveryUserCanWriteInIsRefusedAndLeftAsItIs() throws Exception {
        Path shared = Files.createDirectory(folder.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        FileWriteException refused = assertThrows(FileWriteException.class,
                () -> OwnerOnly.folder(shared, "run folder"));

        assertEquals("cannot use " + shared + " as run folder: every user can create and delete files in it: give "
                + "a folder of its own, or make this one owner-only (chmod 700)", refused.getMessage());
        assertEquals("rwxrwxrwx", permissions(shared));
    }

    @Test
    void aWrittenFileIsOwnerOnlyAndReplacesAReadableOneWholeWithNoTemporaryFileLeft() throws Exception {
        Path file = folder.resolve("cleanup.sql");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        OwnerOnly.write(file, "new".getBytes(StandardCharsets.UTF_8), "plan file");

        assertEquals("new", Files.readString(file));
        assertEquals("rw-------", permissions(file));
        assertEquals(List.of(file), list(folder));
    }

    @Test
    void aSetOfFilesIsWrittenWholeOrNotAtAllAndAFolderMadeForItGoesWithIt() throws Exception {
        Path plan = folder.resolve("plan");
        String tooLong = "x".repeat(300) + ".sql";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("plan.json", "{}".getBytes(StandardCharsets.UTF_8));
        files.put(tooLong, "select 1".getBytes(StandardCharsets.UTF_8));

        FileWriteException failed = assertThrows(FileWriteException.class,
                () -> OwnerOnly.writeAll(plan, files, "plan file"));

        assertEquals("cannot write plan file " + plan.resolve(tooLong) + ": File name too long",
                failed.getMessage());
        assertEquals(List.of(), list(folder), "no plan.json, no temporary file, no folder");
    }

    @Test
    void aNewFileIsOwnerOnlyFromItsCreation() throws Exception {
        Path file = folder.resolve("pre-images/01-ossys_parameter.csv");
        try (FileChannel channel = OwnerOnly.createNew(file, "pre-image")) {
            // Before a byte is written, the file and the folder made for it are the owner's only.
            assertEquals("rw-------", permissions(file));
            assertEquals("rwx------", permissions(file.getParent()));
        }
    }

    @Test
    void aNewFileWhereOneIsAlreadyIsRefusedNamingIt() throws Exception {
        Path file = Files.writeString(folder.resolve("01-ossys_parameter.csv"), "evidence");

        FileWriteException refused = assertThrows(FileWriteException.class,
                () -> OwnerOnly.createNew(file, "pre-image").close());

        assertEquals("cannot write pre-image " + file + ": exists already", refused.getMessage());
        assertEquals("evidence", Files.readString(file));
    }

    @Test
    void aFileUnderAFolderThatIsAFileNamesBothAndCreatesNothing() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("plan"), "a file");
        Path file = notAFolder.resolve("out/plan.json");

        FileWriteException refused = assertThrows(FileWriteException.class,
                () -> OwnerOnly.write(file, new byte[] {1}, "plan file"));

        assertEquals("cannot write plan file " + file + ": " + notAFolder + " is a file, not a folder",
                refused.getMessage());
        assertEquals(List.of(notAFolder), list(folder));
        assertEquals("a file", Files.readString(notAFolder));
    }

    @Test
    void anAppendToAFullDiskNamesTheFileAndTheReason() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "/dev/full answers every write with ENOSPC");
        String before = permissions(full);

        FileWriteException failed = assertThrows(FileWriteException.class,
                () -> OwnerOnly.append(full, "{\"seq\":1}\n".getBytes(StandardCharsets.UTF_8), "journal"));

        assertEquals("cannot write journal /dev/full: No space left on device", failed.getMessage());
        assertEquals(before, permissions(full), "a device is never made owner-only");
    }

    @Test
    void anAppendAddsToTheFileAndMakesAnOldReadableOneOwnerOnly() throws Exception {
        Path journal = Files.writeString(folder.resolve("journal.jsonl"), "1\n");
        Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rw-r--r--"));

        OwnerOnly.append(journal, "2\n".getBytes(StandardCharsets.UTF_8), "journal");

        assertArrayEquals("1\n2\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(journal));
        assertEquals("rw-------", permissions(journal));
    }

    @Test
    void aFileOpenedInPlaceIsCreatedOwnerOnlyAndAnOldReadableOneIsTightenedWithItsContentKept() throws Exception {
        Path lock = folder.resolve("run.lock");
        OwnerOnly.open(lock, "lock file").close();
        assertEquals("rw-------", permissions(lock));

        Path old = Files.writeString(folder.resolve("old.lock"), "pid 42");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnly.open(old, "lock file").close();
        assertEquals("rw-------", permissions(old));
        assertEquals("pid 42", Files.readString(old));
    }

    @Test
    void anIoErrorOfTheJdkIsOneSentenceWithoutAClassName() {
        assertEquals("missing.json: no such file or folder",
                FileWriteException.describe(new java.nio.file.NoSuchFileException("missing.json")));
        assertEquals("/x: Read-only file system",
                FileWriteException.describe(new java.nio.file.FileSystemException("/x", null,
                        "Read-only file system")));
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
