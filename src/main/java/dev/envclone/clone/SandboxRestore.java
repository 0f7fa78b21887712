package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import dev.envclone.files.OwnerOnly;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copy into the target ({@code restore-database}, {@code import-schemas}): the database file extracted from
 * the backup zip into {@code TARGET.mv.db.envclone-part} beside the target (owner-only from its creation), checked
 * (length, and the zip's CRC, which {@link ZipInputStream} verifies at the entry's end), forced to disk, then moved
 * to {@code TARGET.mv.db} in one atomic rename. The target therefore exists only whole, and only this step makes
 * it: {@link #check} refuses a target file that is there already, and a crash leaves at most the temporary file,
 * which {@link #recover} removes.
 */
final class SandboxRestore implements CloneAction {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxRestore.class);
    static final String PART = ".envclone-part";
    /** Small enough that a small sandbox (a few MB) still reports every 10 %. */
    private static final int CHUNK = 128 * 1024;

    private final String stepId;
    private final Path backup;
    private final Path target;
    private final long expectedBytes;

    /** @param expectedBytes the source file's size when the route was opened (for the space check), 0 if unknown */
    SandboxRestore(String stepId, Path backup, Path target, long expectedBytes) {
        this.stepId = stepId;
        this.backup = backup;
        this.target = target.toAbsolutePath().normalize();
        this.expectedBytes = expectedBytes;
    }

    private Path part() {
        return Path.of(target + PART);
    }

    @Override
    public String stepId() {
        return stepId;
    }

    @Override
    public String describe() {
        return "extract the source's copy from " + backup.getFileName() + " into the new target file " + target
                + " (made under a temporary name, moved into place whole)";
    }

    @Override
    public void check(CancelToken cancel) throws CloneFailedException {
        refuseExisting();
        if (Files.exists(part())) {
            throw new CloneFailedException("A partial clone " + part() + " is there, from a clone of another run that "
                    + "was interrupted: delete it, then run the same command again.", "nothing was changed");
        }
        Path folder = SandboxBackup.existingAncestor(target.getParent());
        long free = SandboxBackup.usable(folder);
        if (free >= 0 && free < expectedBytes) {
            throw new CloneFailedException("Not enough free space for the target in " + folder + ": "
                    + SandboxBackup.mb(free) + " free, " + SandboxBackup.mb(expectedBytes) + " needed (the size of "
                    + "the source file). Free space there or give another --target path.", "nothing was changed");
        }
    }

    private void refuseExisting() throws CloneFailedException {
        if (Files.exists(target)) {
            throw new CloneFailedException("The target file " + target + " already exists: the clone creates the "
                    + "target, and never over a database. Give a --target path where no database is, or delete that "
                    + "file if it is an old rehearsal.", "nothing was changed");
        }
    }

    @Override
    public Map<String, String> run(Started started, CloneListener listener, CancelToken cancel)
            throws CloneFailedException, IOException {
        SandboxClone.checkCancel(cancel, "The restore", "nothing was changed; no target was made");
        refuseExisting();
        if (!Files.isRegularFile(backup)) {
            throw new CloneFailedException("The backup " + backup + " the restore reads is missing: it was removed "
                    + "after the backup step. Start a new run (another --run-dir).", "nothing was changed; no "
                    + "target was made");
        }
        Path part = part();
        long total = entrySize();
        started.started(SandboxClone.facts("target", target.toString(), "part", part.toString(), "backup",
                backup.toString(), "bytes", String.valueOf(total)));
        long began = System.nanoTime();
        listener.logLine("Extracting " + backup.getFileName() + " into " + part.getFileName() + " ("
                + SandboxBackup.mb(total) + ")");
        long copied;
        try (FileChannel out = OwnerOnly.createNew(part, "target database")) {
            copied = extract(out, total, listener, cancel);
            if (copied != total) {
                throw new ZipException("the database file in " + backup + " has " + copied + " bytes, its entry says "
                        + total);
            }
            out.force(true);
        } catch (CloneFailedException e) {
            SandboxBackup.removeQuietly(part);
            throw e;
        } catch (IOException | RuntimeException e) {
            SandboxBackup.removeQuietly(part);
            if (e instanceof ZipException) {
                throw new CloneFailedException("The backup " + backup + " is damaged (" + e.getMessage() + "): start "
                        + "a new run, so that the source is backed up again.", "the partial target file was "
                        + "removed; no target was made", false, e);
            }
            throw e;
        }
        // Whole and on disk: now it gets the target's name, in one step.
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        forceFolder(target.getParent());
        OwnerOnly.tighten(target, "target database");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        listener.logLine("Target " + target + " in place: " + copied + " bytes in " + millis + " ms");
        LOG.info("Step {}: target {} made from {} ({} bytes, {} ms)", stepId, target, backup, copied, millis);
        return SandboxClone.facts("target", target.toString(), "bytes", String.valueOf(copied), "millis",
                String.valueOf(millis));
    }

    private long extract(FileChannel out, long total, CloneListener listener, CancelToken cancel)
            throws IOException, CloneFailedException {
        try (InputStream file = Files.newInputStream(backup);
             ZipInputStream zip = new ZipInputStream(new BufferedInputStream(file, CHUNK))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null && !entry.getName().endsWith(".mv.db")) {
                zip.closeEntry();
            }
            if (entry == null) {
                throw new ZipException("it holds no .mv.db file");
            }
            byte[] buffer = new byte[CHUNK];
            long copied = 0;
            int percent = 0;
            listener.progress("Restoring the target file: 0 %", 0, 100);
            for (int read; (read = zip.read(buffer)) > 0; ) {
                if (cancel.isCancelled()) {
                    throw SandboxClone.cancelled("The restore", "no target was made: the partial copy was removed; "
                            + "the source is unchanged");
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                copied += read;
                int now = total <= 0 ? 0 : (int) Math.min(100, copied * 100 / total);
                if (now != percent) {
                    percent = now;
                    listener.progress("Restoring the target file: " + SandboxBackup.mb(copied) + " of "
                            + SandboxBackup.mb(total), now, 100);
                }
            }
            // The rest of the entry: ZipInputStream checks its CRC here.
            zip.closeEntry();
            return copied;
        }
    }

    private long entrySize() throws CloneFailedException, IOException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            return zip.stream().filter(e -> e.getName().endsWith(".mv.db")).mapToLong(ZipEntry::getSize).findFirst()
                    .orElseThrow(() -> new ZipException("it holds no .mv.db file"));
        } catch (ZipException e) {
            throw new CloneFailedException("The backup " + backup + " is damaged (" + e.getMessage() + "): start a new "
                    + "run, so that the source is backed up again.", "nothing was changed; no target was made", false,
                    e);
        }
    }

    /** The rename itself on disk (POSIX: fsync of the folder); where a folder cannot be opened, the OS keeps it. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Folder {} not forced ({}): the rename is flushed by the OS", folder, e.getMessage());
        }
    }

    @Override
    public Recovery recover(Map<String, String> started) throws IOException {
        Path part = Path.of(started.get("part"));
        if (Files.exists(Path.of(started.get("target")))) {
            Files.deleteIfExists(part);
            return new Recovery(true, "the target file " + started.get("target") + " was in place before the "
                    + "interruption (it gets its name only once whole); not made again");
        }
        boolean removed = Files.deleteIfExists(part);
        return new Recovery(false, "no target file was made" + (removed ? "; the partial copy " + part
                + " was removed" : "") + "; the restore runs again");
    }
}
