package dev.envclone.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every folder and file envclone writes, created so that only its owner can read it (POSIX 700 and 600; on Windows
 * an ACL with one entry, the owner's), from the moment it exists: the attribute is given at creation, never set
 * afterwards. What envclone finds already there:
 * <ul>
 * <li>a folder envclone creates, and every missing folder above it, is owner-only; a folder above that exists is
 * left as it is (it is the operator's: their home, a shared drive);</li>
 * <li>one of envclone's own folders that exists ({@link #folder}: the user folder, the signing folder, a run
 * folder) is made owner-only if it is shared, and refused if every user can write in it (like /tmp): anyone could
 * replace the evidence there;</li>
 * <li>a file envclone writes again is owner-only afterwards, whatever it was before.</li>
 * </ul>
 * A file system that keeps no owner-only permission (FAT) is refused with a sentence, rather than written open.
 * Every failure is a {@link FileWriteException} naming the file and what envclone was doing, and leaves nothing
 * half-written behind.
 */
public final class OwnerOnly {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);

    private OwnerOnly() {
    }

    /**
     * One of envclone's own folders, ready to write in: created owner-only (with any missing folder above it), or,
     * when it exists, made owner-only; refused when every user can write in it.
     */
    public static Path folder(Path folder, String what) throws FileWriteException {
        Path absolute = folder.toAbsolutePath().normalize();
        String action = "create " + what;
        try {
            if (!Files.isDirectory(absolute)) {
                createMissing(absolute, absolute, action);
                return folder;
            }
            Protection protection = Protection.of(absolute);
            if (protection.everyoneWrites(absolute)) {
                throw new FileWriteException(absolute, "use {} as " + what, "every user can create "
                        + "and delete files in it: give a folder of its own, or make this one owner-only (chmod 700)",
                        null);
            }
            if (protection.shared(absolute)) {
                action = "make " + what + " {} owner-only";
                protection.tighten(absolute, true);
            }
            return folder;
        } catch (FileWriteException e) {
            throw e;
        } catch (IOException e) {
            throw new FileWriteException(absolute, action, e);
        }
    }

    /** A folder that must not exist yet (a pre-image attempt), created owner-only with any missing folder above it. */
    public static Path newFolder(Path folder, String what) throws FileWriteException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileWriteException(absolute, "create " + what, "it exists already", null);
        }
        createMissing(absolute, absolute, "create " + what);
        return folder;
    }

    /**
     * Writes a whole file: a temporary file beside it (owner-only from its creation), forced to disk, then renamed
     * over the file in one step, so that the file is the old one or the new one, never half of it.
     */
    public static void write(Path file, byte[] bytes, String what) throws FileWriteException {
        Path absolute = file.toAbsolutePath().normalize();
        Path temporary = null;
        try {
            Path folder = absolute.getParent();
            createMissing(folder, absolute, "write " + what);
            Protection protection = Protection.of(folder);
            temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".part",
                    protection.forFile(folder));
            protection.created(temporary, false);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                writeAll(channel, bytes);
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileWriteException e) {
            throw e;
        } catch (IOException e) {
            throw new FileWriteException(absolute, "write " + what, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Writes several files into one folder as a set: every one to a temporary file first, and only when all are on
     * disk are they renamed in place. When one cannot be written, none is: the temporary files are removed, and so
     * is the folder if this call made it. Returns the files in {@code files}' order.
     */
    public static List<Path> writeAll(Path folder, Map<String, byte[]> files, String what)
            throws FileWriteException {
        Path absolute = folder.toAbsolutePath().normalize();
        boolean made = !Files.exists(absolute);
        Map<Path, Path> temporaries = new LinkedHashMap<>();
        Path current = absolute;
        try {
            createMissing(absolute, absolute, "write " + what);
            Protection protection = Protection.of(absolute);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                current = absolute.resolve(file.getKey());
                Path temporary = Files.createTempFile(absolute, "." + file.getKey(), ".part",
                        protection.forFile(absolute));
                temporaries.put(current, temporary);
                protection.created(temporary, false);
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    writeAll(channel, file.getValue());
                    channel.force(true);
                }
            }
            for (Map.Entry<Path, Path> file : temporaries.entrySet()) {
                current = file.getKey();
                Files.move(file.getValue(), file.getKey(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            return List.copyOf(temporaries.keySet());
        } catch (IOException e) {
            temporaries.values().forEach(OwnerOnly::deleteQuietly);
            if (made) {
                deleteQuietly(absolute);
            }
            if (e instanceof FileWriteException written) {
                throw written;
            }
            throw new FileWriteException(current, "write " + what, e);
        }
    }

    /** A new file (refused if one is there), owner-only from its creation, open for writing. */
    public static FileChannel createNew(Path file, String what) throws FileWriteException {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            createMissing(absolute.getParent(), absolute, "write " + what);
            Protection protection = Protection.of(absolute.getParent());
            FileChannel channel = FileChannel.open(absolute, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), protection.forFile(absolute.getParent()));
            try {
                protection.created(absolute, false);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return channel;
        } catch (FileWriteException e) {
            throw e;
        } catch (IOException e) {
            throw new FileWriteException(absolute, "write " + what, e);
        }
    }

    /**
     * Appends {@code bytes} to a file (created owner-only if missing) and forces them to disk. If the write fails
     * the file is cut back to its length before, so that it never ends in half a record.
     */
    public static void append(Path file, byte[] bytes, String what) throws FileWriteException {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Path folder = absolute.getParent();
            Protection protection = Protection.of(folder);
            boolean existed = Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS);
            try (FileChannel channel = FileChannel.open(absolute, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND), protection.forFile(folder))) {
                if (!existed) {
                    protection.created(absolute, false);
                } else if (protection.shared(absolute)) {
                    // Written by an earlier envclone, before files were owner-only.
                    protection.tighten(absolute, false);
                }
                long before = channel.size();
                try {
                    writeAll(channel, bytes);
                    channel.force(true);
                } catch (IOException e) {
                    cutBack(channel, before, e);
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new FileWriteException(absolute, "write " + what, e);
        }
    }

    /**
     * A file to read and write in place (a lock file), created owner-only if missing; an existing one that others
     * can read is made owner-only.
     */
    public static FileChannel open(Path file, String what) throws FileWriteException {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Protection protection = Protection.of(absolute.getParent());
            boolean existed = Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS);
            FileChannel channel = FileChannel.open(absolute, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE), protection.forFile(absolute.getParent()));
            try {
                if (!existed) {
                    protection.created(absolute, false);
                } else if (protection.shared(absolute)) {
                    protection.tighten(absolute, false);
                }
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return channel;
        } catch (IOException e) {
            throw new FileWriteException(absolute, "open " + what, e);
        }
    }

    /** Makes a file another library created (H2's database file) owner-only. */
    public static void tighten(Path file, String what) throws FileWriteException {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Protection.of(absolute).tighten(absolute, false);
        } catch (IOException e) {
            throw new FileWriteException(absolute, "make " + what + " {} owner-only", e);
        }
    }

    /**
     * Creates {@code folder} and the missing folders above it, each owner-only from its creation; a failure names
     * {@code named}, the folder or file envclone was making.
     */
    private static void createMissing(Path folder, Path named, String action) throws FileWriteException {
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            missing.push(existing);
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new FileWriteException(named, action, "its drive or root does not exist", null);
        }
        if (!Files.isDirectory(existing)) {
            throw new FileWriteException(named, action, existing + " is a file, not a folder", null);
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            Protection protection = Protection.of(existing);
            for (Path each : missing) {
                try {
                    Files.createDirectory(each, protection.forFolder(existing));
                    protection.created(each, true);
                } catch (FileAlreadyExistsException e) {
                    // Made meanwhile by someone else (another envclone): fine if it is a folder.
                    if (!Files.isDirectory(each)) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new FileWriteException(named, action, e);
        }
    }

    private static void writeAll(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void cutBack(FileChannel channel, long length, IOException failure) {
        try {
            channel.truncate(length);
            channel.force(true);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // The rename failed and so did the clean-up: the caller's exception says why; a ".part" file stays.
            LOG.info("Could not remove the temporary file {} after a failed write ({})", temporary, e.getMessage());
        }
    }
}
