package dev.envclone.files;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a file system keeps a file to its owner: POSIX permission bits (Linux, macOS), or an access control list
 * (Windows, NTFS). The attribute is given when the file or folder is created, so there is no moment at which it is
 * readable by others. The ACL half follows the JDK's documentation of {@link AclFileAttributeView} ("acl:acl" as an
 * initial attribute) and has not been run on Windows.
 */
enum Protection {
    POSIX, ACL;

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    /** The protection {@code existing}'s file system offers; refused when it offers none (FAT, some shares). */
    static Protection of(Path existing) throws IOException {
        FileSystem fileSystem = existing.getFileSystem();
        if (fileSystem.supportedFileAttributeViews().contains("posix")) {
            return POSIX;
        }
        if (fileSystem.supportedFileAttributeViews().contains("acl")
                && Files.getFileStore(existing).supportsFileAttributeView(AclFileAttributeView.class)) {
            return ACL;
        }
        throw new IOException("its file system keeps no owner-only permissions (neither POSIX permissions nor an "
                + "access control list): choose a folder on a disk that does (NTFS, ext4, APFS)");
    }

    FileAttribute<?> forFolder(Path existing) throws IOException {
        return switch (this) {
            case POSIX -> PosixFilePermissions.asFileAttribute(FOLDER);
            case ACL -> new InitialAcl(ownerOnly(owner(existing), true));
        };
    }

    FileAttribute<?> forFile(Path existing) throws IOException {
        return switch (this) {
            case POSIX -> PosixFilePermissions.asFileAttribute(FILE);
            case ACL -> new InitialAcl(ownerOnly(owner(existing), false));
        };
    }

    /** Whether anyone but the owner has access (POSIX: a group or other bit; ACL: an entry for another principal). */
    boolean shared(Path path) throws IOException {
        return switch (this) {
            case POSIX -> Files.getPosixFilePermissions(path).stream().anyMatch(p -> !p.name().startsWith("OWNER"));
            case ACL -> {
                AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class);
                UserPrincipal owner = view.getOwner();
                yield view.getAcl().stream().anyMatch(e -> !e.principal().equals(owner));
            }
        };
    }

    /** Whether every user may create and delete files in {@code folder} (POSIX o+w, like /tmp). */
    boolean everyoneWrites(Path folder) throws IOException {
        return switch (this) {
            case POSIX -> Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_WRITE);
            // An ACL with an entry for another principal is replaced by tighten(): nothing to refuse.
            case ACL -> false;
        };
    }

    /**
     * What must follow a creation. POSIX: nothing, the mode was given. ACL: Windows merges the parent's inheritable
     * entries into an ACL given at creation unless it is marked protected, which the JDK cannot ask for; setting
     * the ACL again replaces the merged list with the owner's entry alone.
     */
    void created(Path path, boolean folder) throws IOException {
        switch (this) {
            case POSIX -> { }
            case ACL -> tighten(path, folder);
        }
    }

    /** Takes every access but the owner's away from an existing file or folder. */
    void tighten(Path path, boolean folder) throws IOException {
        switch (this) {
            case POSIX -> Files.setPosixFilePermissions(path, folder ? FOLDER : FILE);
            case ACL -> {
                AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class);
                view.setAcl(ownerOnly(view.getOwner(), folder));
            }
        }
    }

    /**
     * The current user, to name in an ACL before the file exists. The lookup by user.name is what the JDK offers;
     * a file created by this process gets this user as owner (or, elevated, the Administrators group, which then
     * keeps access through its own entry on the folders above).
     */
    private static UserPrincipal owner(Path existing) throws IOException {
        return existing.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }

    /** One entry, the owner's, with every right; a folder's is inherited by what is created inside it. */
    private static List<AclEntry> ownerOnly(UserPrincipal owner, boolean folder) {
        AclEntry.Builder entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class));
        if (folder) {
            entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
        }
        return List.of(entry.build());
    }

    /** The "acl:acl" initial attribute of {@link AclFileAttributeView}. */
    private record InitialAcl(List<AclEntry> value) implements FileAttribute<List<AclEntry>> {
        @Override
        public String name() {
            return "acl:acl";
        }
    }
}
