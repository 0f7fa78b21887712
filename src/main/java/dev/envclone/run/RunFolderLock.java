package dev.envclone.run;

import dev.envclone.files.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per run folder: every command that writes a run folder (run, mark, the wizard while a run is open)
 * holds an exclusive OS lock on {@value #FILE} in it, taken without waiting; a second process is refused at once,
 * with who holds the folder. The lock file holds the holder's command, process id, host and start, written after
 * the lock is taken. The OS drops the lock when the process ends in any way, so the file a killed process leaves
 * behind blocks nothing. Commands that only read (status, report, verify) take no lock: the journal they read is
 * appended a whole line at a time and forced to disk, so they see the run as it was after some entry.
 *
 * <p>Within one process a second attempt is refused the same way, from memory: on POSIX systems closing any file
 * descriptor of a file drops every lock the process holds on it, so nothing in this process may open the lock file
 * of a folder it holds (measured on Linux: a second channel opened and closed in the holder's JVM let another
 * process take the lock).
 */
public final class RunFolderLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunFolderLock.class);

    public static final String FILE = ".lock";
    /**
     * The locked range is one byte far past the text: Windows locks are mandatory, and a locked text would be
     * unreadable to the refused process that wants to name the holder.
     */
    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;
    private static final Map<Path, LockHolder> HELD_HERE = new HashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private RunFolderLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Holds the folder a new run is about to be made in, making the folder if it does not exist yet. */
    public static RunFolderLock forNewRun(Path folder, String command) throws IOException, GuardException {
        Files.createDirectories(folder);
        return hold(folder, command);
    }

    /** Holds the folder of an existing run; refuses (bad input) a folder that holds no run, leaving no file. */
    public static RunFolderLock forRun(Path folder, String command) throws IOException, GuardException {
        if (!Files.exists(folder.resolve(RunFolder.JOURNAL))) {
            throw new IllegalArgumentException(RunFolder.noRun(folder));
        }
        return hold(folder, command);
    }

    private static RunFolderLock hold(Path folder, String command) throws IOException, GuardException {
        Path key = folder.toRealPath();
        synchronized (HELD_HERE) {
            LockHolder here = HELD_HERE.get(key);
            if (here != null) {
                throw new GuardException(inUse(folder, here));
            }
            FileChannel channel = open(key.resolve(FILE));
            FileLock lock;
            try {
                lock = channel.tryLock(LOCKED_BYTE, 1, false);
            } catch (OverlappingFileLockException e) {
                // Held in this process by something that bypassed this class; closing the channel would drop that
                // lock (see above), so it stays open.
                throw new GuardException(inUse(folder, null));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                LockHolder other = holderIn(channel);
                channel.close();
                throw new GuardException(inUse(folder, other));
            }
            LockHolder holder = LockHolder.current(command, Clock.systemUTC());
            try {
                byte[] text = holder.toText().getBytes(StandardCharsets.UTF_8);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(text), 0);
                channel.force(true);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            HELD_HERE.put(key, holder);
            return new RunFolderLock(key, channel, lock);
        }
    }

    /** "run-qa is in use by envclone run (process 4242 on JUMPHOST, since 2026-12-01T21:03Z): wait ..." */
    static String inUse(Path folder, LockHolder holder) {
        return folder + " is in use by " + (holder == null ? "another envclone process (it has not written who it "
                + "is yet)" : holder.describe()) + ": wait for it to finish, or close that window";
    }

    /** Whether this lock is the one on {@code folder} (however the path is spelled), and still held. */
    public boolean holds(Path folder) {
        try {
            return !closed && key.equals(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** Releases the lock; the file stays, emptied. Safe to call twice. */
    @Override
    public void close() {
        synchronized (HELD_HERE) {
            if (closed) {
                return;
            }
            closed = true;
            HELD_HERE.remove(key);
            try {
                // Only the lock counts; the emptied text just keeps a later reader from naming a holder gone.
                channel.truncate(0);
                lock.release();
            } catch (IOException e) {
                // Closing the channel below releases the lock all the same.
                LOG.debug("Emptying or releasing the run folder lock failed ({}); closing it releases the lock",
                        e.getMessage());
            } finally {
                try {
                    channel.close();
                } catch (IOException e) {
                    // The OS drops the lock with the descriptor whether or not close reports an error.
                    LOG.debug("Closing the run folder lock file reported {}; the OS drops the lock all the same",
                            e.getMessage());
                }
            }
        }
    }

    /** Owner-only from its creation (a Windows ACL too), as every file envclone writes. */
    private static FileChannel open(Path file) throws IOException {
        return OwnerOnly.open(file, "lock file");
    }

    /** The holder's text, read through the refused channel; it is written just after the lock, so wait a little. */
    private static LockHolder holderIn(FileChannel channel) throws IOException {
        for (int attempt = 0; attempt < 10; attempt++) {
            ByteBuffer text = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
            while (text.hasRemaining() && channel.read(text, text.position()) > 0) {
                // read until the buffer is full or the file ends
            }
            LockHolder holder = LockHolder.parse(new String(text.array(), 0, text.position(),
                    StandardCharsets.UTF_8));
            if (holder != null) {
                return holder;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
