package dev.envclone.clone;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL Server's errors around a backup file or a restored file, in the operator's words. A BACKUP or RESTORE error
 * comes as several messages (e.g. Msg 3201 "Cannot open backup device '…'. Operating system error 5(Access is
 * denied.)." then Msg 3013 "BACKUP DATABASE is terminating abnormally."): mssql-jdbc chains them
 * ({@link SQLException#getNextException()}); all are read. The operating system error is the one the *service
 * account* met, since the server, not the login, opens the files.
 */
final class ServerErrors {
    private static final Pattern OS_ERROR = Pattern.compile("[Oo]perating system error (\\d+)");

    private ServerErrors() {
    }

    /** Every message of the chain, in order, one text. */
    static String messages(SQLException failure) {
        List<String> texts = new ArrayList<>();
        for (SQLException e = failure; e != null && texts.size() < 20; e = e.getNextException()) {
            if (e.getMessage() != null && !texts.contains(e.getMessage())) {
                texts.add(e.getMessage());
            }
        }
        return String.join(" ", texts);
    }

    /** The operating system error number the server reported (2 no file, 3 no folder, 5 access denied), or 0. */
    static int osError(SQLException failure) {
        Matcher m = OS_ERROR.matcher(messages(failure));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Whether any message of the chain has this SQL Server error number. */
    static boolean has(SQLException failure, int number) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (e.getErrorCode() == number) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the service account lacks for a file it could not open, or null when the error is no file-system one.
     *
     * @param access "write" or "read"
     */
    static String fileAccess(SQLException failure, String account, String path, String access) {
        String folder = folderOf(path);
        return switch (osError(failure)) {
            case 3 -> "The folder " + folder + " does not exist as the SQL Server service account (" + account
                    + ") sees it: create it on the database server, or give a folder or share (\\\\host\\share) "
                    + "that account reaches.";
            case 5 -> "The SQL Server service account (" + account + ") may not " + access + " " + path
                    + ": give it " + (access.equals("write") ? "Modify" : "Read") + " on " + folder
                    + " (NTFS, and on the share for a UNC path). The login running envclone needs no right there.";
            case 53, 67, 1326 -> "The SQL Server service account (" + account + ") cannot reach " + folder
                    + " over the network (operating system error " + osError(failure) + "): a share needs a domain "
                    + "or managed service account with rights on it, not a local virtual account.";
            default -> null;
        };
    }

    static String folderOf(String path) {
        int slash = path.lastIndexOf('\\');
        return slash <= 0 ? path : path.substring(0, slash);
    }
}
