package dev.envclone.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A write that failed, in one sentence naming the file and what envclone was doing: "cannot write pre-image
 * /runs/r1/pre-images/04-x/attempt-1/01-ossys_parameter.csv: No space left on device". Never a class name: the
 * operator reads this at the console in the middle of a maintenance window.
 */
public final class FileWriteException extends IOException {
    private final transient Path file;

    /**
     * {@code action} says what envclone was doing with {@code file}: "write pre-image", "create run folder" (the
     * file follows), or with {} where the file goes: "make run folder {} owner-only".
     */
    public FileWriteException(Path file, String action, IOException cause) {
        this(file, action, reason(cause, file), cause);
    }

    FileWriteException(Path file, String action, String reason, IOException cause) {
        super("cannot " + (action.contains("{}") ? action.replace("{}", file.toAbsolutePath().toString())
                : action + " " + file.toAbsolutePath()) + ": " + reason, cause);
        this.file = file.toAbsolutePath();
    }

    /** The file or folder envclone was writing. */
    public Path file() {
        return file;
    }

    /**
     * Any I/O error as a sentence without a class name: this exception's message as it is, a file system error as
     * "FILE: reason", anything else its message.
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && !(e instanceof FileWriteException)) {
            return f.getFile() == null ? reason(f) : f.getFile() + (f.getOtherFile() == null ? ""
                    : " -> " + f.getOtherFile()) + ": " + reason(f);
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "an input/output error" : e.getMessage();
    }

    /**
     * Why {@code cause} failed, naming the path it failed on when that is not one of {@code ours} (a folder above
     * the file that is a file itself, say); a temporary file of ours is not worth naming.
     */
    static String reason(IOException cause, Path... ours) {
        if (cause instanceof FileSystemException f && !(cause instanceof FileWriteException)) {
            String other = f.getFile();
            boolean named = other != null && Arrays.stream(ours).noneMatch(p -> ours(p, Path.of(other)));
            return (named ? other + ": " : "") + reason(f);
        }
        return describe(cause);
    }

    /** {@code path} is {@code file} itself or its temporary file beside it (".NAME…", see {@link OwnerOnly}). */
    private static boolean ours(Path file, Path path) {
        Path a = file.toAbsolutePath();
        Path b = path.toAbsolutePath();
        return a.equals(b) || a.getParent() != null && a.getParent().equals(b.getParent())
                && b.getFileName().toString().startsWith("." + a.getFileName());
    }

    /** The JDK leaves the reason out for the common cases; say them in words. */
    private static String reason(FileSystemException f) {
        if (f.getReason() != null && !f.getReason().isBlank()) {
            return f.getReason();
        }
        if (f instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "exists already";
        }
        if (f instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        return "input/output error";
    }
}
