package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import dev.envclone.db.TargetSession;
import dev.envclone.files.FileWriteException;
import dev.envclone.files.OwnerOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copy out of the source sandbox ({@code backup-database}, {@code export-schemas}): {@code BACKUP TO} on the
 * source opened read-only, into {@code clone/STEP.zip} in the run folder. H2 writes it under a temporary name (an
 * owner-only file envclone made first: BACKUP writes into it and keeps its permissions, since it holds the source's
 * data), which is moved to its name only once BACKUP returned and the zip holds the database file whole; so the zip
 * exists only complete, and a crash leaves at most the temporary file, which {@link #recover} removes.
 */
final class SandboxBackup implements CloneAction {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxBackup.class);
    static final String PART = ".part";
    /** How often the size of the growing zip is read while BACKUP runs. */
    private static final long POLL_MILLIS = 250;

    private final String stepId;
    private final TargetSession source;
    private final Path sourceFile;
    private final Path backup;
    private final Path runFolder;

    SandboxBackup(String stepId, TargetSession source, Path sourceFile, Path backup, Path runFolder) {
        this.stepId = stepId;
        this.source = source;
        this.sourceFile = sourceFile;
        this.backup = backup;
        this.runFolder = runFolder;
    }

    @Override
    public String stepId() {
        return stepId;
    }

    @Override
    public String describe() {
        return "BACKUP TO of the source sandbox " + sourceFile + " (opened read-only) into " + relative(backup);
    }

    @Override
    public void check(CancelToken cancel) throws CloneFailedException {
        if (!Files.isReadable(sourceFile)) {
            throw new CloneFailedException("The source sandbox " + sourceFile + " cannot be read: check that the file "
                    + "is there and readable by this user.", "nothing was changed");
        }
        Path folder = existingAncestor(runFolder);
        long needed = sizeOf(sourceFile);
        long free = usable(folder);
        if (free >= 0 && free < needed) {
            throw new CloneFailedException("Not enough free space for the backup in " + folder + ": " + mb(free)
                    + " free, up to " + mb(needed) + " needed (the size of the source file). Free space there or give"
                    + " another --run-dir.", "nothing was changed");
        }
    }

    @Override
    public Map<String, String> run(Started started, CloneListener listener, CancelToken cancel)
            throws CloneFailedException, IOException {
        SandboxClone.checkCancel(cancel, "The backup", "nothing was changed");
        Path part = Path.of(backup + PART);
        long sourceBytes = sizeOf(sourceFile);
        OwnerOnly.folder(backup.getParent(), "clone folder");
        // Both are this step's own files in this run's folder: what an earlier, failed attempt left.
        Files.deleteIfExists(part);
        Files.deleteIfExists(backup);
        started.started(SandboxClone.facts("file", relative(backup), "part", relative(part), "source.file",
                sourceFile.toString(), "source.bytes", String.valueOf(sourceBytes), "source.modified",
                Files.getLastModifiedTime(sourceFile).toString()));
        try (FileChannel empty = OwnerOnly.createNew(part, "backup")) {
            empty.force(true);
        }
        long began = System.nanoTime();
        listener.progress("BACKUP TO " + part.getFileName() + ": started (source " + mb(sourceBytes) + ")", 0, 100);
        listener.logLine("BACKUP TO '" + relative(part) + "' on " + sourceFile + " (read-only)");
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "envclone-backup-progress");
            thread.setDaemon(true);
            return thread;
        });
        // No percent while BACKUP runs: H2 reports none, and the zip is deflated (see SandboxClone).
        poll.scheduleAtFixedRate(() -> listener.progress("BACKUP TO " + part.getFileName() + ": "
                + mb(sizeOf(part)) + " written (deflated) from the source's " + mb(sourceBytes), 0, 0),
                POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        try (Statement statement = source.connection().createStatement()) {
            cancel.running(statement);
            try {
                statement.execute("BACKUP TO " + literal(part));
            } finally {
                cancel.running(null);
            }
            source.rollback();
        } catch (SQLException e) {
            removeQuietly(part);
            if (cancel.isCancelled()) {
                throw SandboxClone.cancelled("The backup", "the source is unchanged (opened read-only); the partial "
                        + "backup was removed; no target was made");
            }
            throw new CloneFailedException("BACKUP TO failed on the source sandbox " + sourceFile + ": "
                    + e.getMessage().replace('\n', ' ') + ". Check the free space in " + runFolder + " and run the "
                    + "same command again.", "the source is unchanged (opened read-only); the partial backup was "
                    + "removed; no target was made", false, e);
        } finally {
            poll.shutdownNow();
        }
        if (cancel.isCancelled()) {
            // H2 does not stop BACKUP on a cancel: it ran to its end, and is thrown away now.
            removeQuietly(part);
            throw SandboxClone.cancelled("The backup", "the source is unchanged (opened read-only); the backup was "
                    + "removed; no target was made");
        }
        long entryBytes = databaseEntry(part, sourceBytes);
        try (FileChannel written = FileChannel.open(part, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        Files.move(part, backup, StandardCopyOption.ATOMIC_MOVE);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        long zipBytes = sizeOf(backup);
        listener.progress("BACKUP TO: done, " + mb(zipBytes) + " in " + relative(backup), 100, 100);
        listener.logLine("BACKUP TO done in " + millis + " ms: " + relative(backup) + ", " + zipBytes + " bytes, the "
                + "database file " + entryBytes + " bytes");
        LOG.info("Step {}: BACKUP TO {} done in {} ms ({} bytes, database file {} bytes)", stepId, backup, millis,
                zipBytes, entryBytes);
        return SandboxClone.facts("file", relative(backup), "bytes", String.valueOf(zipBytes), "database.bytes",
                String.valueOf(entryBytes), "millis", String.valueOf(millis), "source", "unchanged: opened read-only");
    }

    @Override
    public Recovery recover(Map<String, String> started) throws IOException {
        Path file = runFolder.resolve(started.get("file"));
        Path part = runFolder.resolve(started.get("part"));
        if (Files.exists(file)) {
            Files.deleteIfExists(part);
            return new Recovery(true, "the backup " + started.get("file") + " was complete before the interruption "
                    + "(it gets its name only once whole); not made again");
        }
        boolean removed = Files.deleteIfExists(part);
        return new Recovery(false, "the backup was not finished" + (removed ? "; its partial file " + started.get("part")
                + " was removed" : "") + "; the source is unchanged (opened read-only); the backup runs again");
    }

    /** The size of the database file in the zip H2 wrote; refuses a zip that does not hold it whole. */
    private long databaseEntry(Path zip, long sourceBytes) throws CloneFailedException, IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            long found = -1;
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().endsWith(".mv.db")) {
                    found = entry.getSize();
                }
            }
            if (found < 0 || (sourceBytes > 0 && found != sourceBytes)) {
                removeQuietly(zip);
                throw new CloneFailedException("BACKUP TO wrote a zip without the whole database file (" + found
                        + " of " + sourceBytes + " bytes): run the same command again; if it fails again, check the "
                        + "source with H2's tools.", "the source is unchanged; the backup was removed; no target was "
                        + "made");
            }
            return found;
        }
    }

    /** A path as an SQL string literal: BACKUP takes no parameter. */
    static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private String relative(Path file) {
        return runFolder.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    static long usable(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    static Path existingAncestor(Path folder) {
        Path at = folder.toAbsolutePath().normalize();
        while (at != null && !Files.exists(at)) {
            at = at.getParent();
        }
        return at;
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    static void removeQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", file, FileWriteException.describe(e));
        }
    }
}
