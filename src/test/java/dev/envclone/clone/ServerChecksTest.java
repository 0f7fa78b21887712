package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Who may back up and restore, decided on rows shaped as IS_SRVROLEMEMBER / IS_ROLEMEMBER / HAS_PERMS_BY_NAME
 * return them (real H2 result sets, columns in another order), and SQL Server's file errors in the form the
 * server sends them (Msg 3201 with the operating system's error, then Msg 3013), told as what the service account
 * lacks.
 */
class ServerChecksTest {
    private static final String BACKUP_COLUMNS = "has_backup_database, is_db_backupoperator, is_sysadmin, "
            + "is_db_owner";
    private static final String RESTORE_COLUMNS = "can_impersonate_owner, is_dbcreator, is_sysadmin, "
            + "has_create_any_database";

    private static void backup(String row) throws Exception {
        H2Rows.query(H2Rows.values(BACKUP_COLUMNS, row), rows -> {
            ServerChecks.backupRights(rows, "OUTSYSTEMS", "envclone");
            return null;
        });
    }

    private static void restore(String row) throws Exception {
        H2Rows.query(H2Rows.values(RESTORE_COLUMNS, row), rows -> {
            ServerChecks.restoreRights(rows, "envclone", "sa");
            return null;
        });
    }

    @Test
    void anyOfTheBackupRightsIsEnough() throws Exception {
        backup("(0, 0, 1, 0)");
        backup("(0, 0, 0, 1)");
        backup("(0, 1, 0, 0)");
        backup("(1, 0, 0, 0)");
    }

    @Test
    void aLoginWithoutBackupRightsIsToldWhatItNeeds() {
        CloneFailedException refused = assertThrows(CloneFailedException.class, () -> backup("(0, 0, 0, NULL)"));
        assertEquals("Login envclone may not back up OUTSYSTEMS: it is not in the sysadmin server role, nor in "
                + "db_owner or db_backupoperator of OUTSYSTEMS, and has no BACKUP DATABASE permission there. Ask a DBA "
                + "to add its user in OUTSYSTEMS to db_backupoperator.", refused.getMessage());
        assertEquals("nothing was changed", refused.left());
    }

    @Test
    void aRestoreNeedsCreateDatabaseAndImpersonateOnTheOwner() throws Exception {
        restore("(1, 1, 0, 0)");
        restore("(1, 0, 0, 1)");
        restore("(0, 0, 1, 0)");
        assertTrue(assertThrows(CloneFailedException.class, () -> restore("(1, 0, 0, 0)")).getMessage()
                .contains("may not create databases on the target server"));
        assertTrue(assertThrows(CloneFailedException.class, () -> restore("(0, 1, 0, 0)")).getMessage()
                .contains("GRANT IMPERSONATE ON LOGIN::[sa] TO [envclone], or make the plan again with --owner "
                        + "envclone"));
        H2Rows.query(H2Rows.values(RESTORE_COLUMNS, "(0, 1, 0, 0)"), rows -> {
            ServerChecks.restoreRights(rows, "envclone", "ENVCLONE");
            return null;
        });
        assertTrue(assertThrows(CloneFailedException.class, () -> restore("(NULL, 1, 1, 0)")).getMessage()
                .contains("The plan's owner sa is no login on the target server"));
    }

    /** Msg 3201 then Msg 3013, chained as mssql-jdbc chains a batch's errors. */
    private static SQLException openFailed(int osError, String text) {
        SQLException first = new SQLException("Cannot open backup device 'D:\\SQLBackup\\OUTSYSTEMS_x.bak'. "
                + "Operating system error " + osError + "(" + text + ").", "S0001", 3201);
        first.setNextException(new SQLException("BACKUP DATABASE is terminating abnormally.", "S0001", 3013));
        return first;
    }

    @Test
    void accessDeniedNamesTheServiceAccountAndTheRight() {
        SQLException e = openFailed(5, "Access is denied.");
        assertEquals(5, ServerErrors.osError(e));
        assertTrue(ServerErrors.has(e, 3013));
        assertEquals("The SQL Server service account (NT Service\\MSSQLSERVER) may not write "
                + "D:\\SQLBackup\\OUTSYSTEMS_x.bak: give it Modify on D:\\SQLBackup (NTFS, and on the share for a UNC "
                + "path). The login running envclone needs no right there.", ServerErrors.fileAccess(e,
                "NT Service\\MSSQLSERVER", "D:\\SQLBackup\\OUTSYSTEMS_x.bak", "write"));
        assertTrue(ServerErrors.fileAccess(e, "DOM\\sqlsvc", "\\\\b\\s\\f.bak", "read")
                .contains("may not read \\\\b\\s\\f.bak: give it Read on \\\\b\\s"));
    }

    @Test
    void aMissingFolderAndAnUnreachableShareAreToldApart() {
        assertTrue(ServerErrors.fileAccess(openFailed(3, "The system cannot find the path specified."), "A",
                "D:\\SQLBackup\\f.bak", "write").startsWith("The folder D:\\SQLBackup does not exist as the SQL "
                + "Server service account (A) sees it"));
        assertTrue(ServerErrors.fileAccess(openFailed(53, "The network path was not found."), "A",
                "\\\\backup01\\sql\\f.bak", "write").contains("cannot reach \\\\backup01\\sql over the network"));
        assertNull(ServerErrors.fileAccess(openFailed(2, "The system cannot find the file specified."), "A",
                "D:\\f.bak", "write"), "no file is what the check before a backup wants");
        assertEquals("Cannot open backup device 'D:\\SQLBackup\\OUTSYSTEMS_x.bak'. Operating system error "
                + "2(The system cannot find the file specified.). BACKUP DATABASE is terminating abnormally.",
                ServerErrors.messages(openFailed(2, "The system cannot find the file specified.")));
    }
}
