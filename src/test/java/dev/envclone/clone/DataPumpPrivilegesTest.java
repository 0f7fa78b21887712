package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.CancelToken;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The privilege check's pinned queries and their reading, run on a real engine: H2 in Oracle mode with tables named
 * and shaped like Oracle's SESSION_ROLES, SESSION_PRIVS, ALL_DIRECTORIES and ALL_TAB_PRIVS (the columns the queries
 * read), holding literal rows. What Oracle's views themselves contain is Oracle's (Oracle Database Reference); the
 * queries' text is pinned in the golden files.
 */
class DataPumpPrivilegesTest {
    private Connection connection;

    @BeforeEach
    void dictionary() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:privileges;MODE=Oracle;DB_CLOSE_DELAY=-1", "sa", "");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE session_roles (role VARCHAR(128))");
            s.execute("CREATE TABLE session_privs (privilege VARCHAR(40))");
            s.execute("CREATE TABLE all_directories (owner VARCHAR(128), directory_name VARCHAR(128), "
                    + "directory_path VARCHAR(4000))");
            s.execute("CREATE TABLE all_tab_privs (grantor VARCHAR(128), grantee VARCHAR(128), table_schema "
                    + "VARCHAR(128), table_name VARCHAR(128), privilege VARCHAR(40))");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
        connection.close();
    }

    private void rows(String... inserts) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String insert : inserts) {
                s.execute(insert);
            }
        }
    }

    private String refusal(DataPumpPrivileges.Need need) {
        CloneFailedException e = assertThrows(CloneFailedException.class, () -> DataPumpPrivileges.check(connection,
                new CancelToken(), need, "source", "DATA_PUMP_DIR"));
        assertEquals("nothing was changed", e.left());
        return e.getMessage();
    }

    @Test
    void aUserWithTheRoleAndReadWriteThroughARoleMayExport() throws SQLException {
        rows("INSERT INTO session_roles VALUES ('DBA'), ('EXP_FULL_DATABASE'), ('DATAPUMP_EXP_FULL_DATABASE')",
                "INSERT INTO all_directories VALUES ('SYS', 'DATA_PUMP_DIR', '/u01/app/oracle/admin/dpdump')",
                "INSERT INTO all_tab_privs VALUES ('SYS', 'EXP_FULL_DATABASE', 'SYS', 'DATA_PUMP_DIR', 'READ'), "
                        + "('SYS', 'EXP_FULL_DATABASE', 'SYS', 'DATA_PUMP_DIR', 'WRITE')");
        assertDoesNotThrow(() -> DataPumpPrivileges.check(connection, new CancelToken(),
                DataPumpPrivileges.Need.EXPORT, "source", "DATA_PUMP_DIR"));
    }

    @Test
    void aMissingRoleIsNamedWithItsGrant() throws SQLException {
        rows("INSERT INTO session_roles VALUES ('DATAPUMP_IMP_FULL_DATABASE')",
                "INSERT INTO all_directories VALUES ('SYS', 'DATA_PUMP_DIR', '/dpdump')",
                "INSERT INTO all_tab_privs VALUES ('SYS', 'SA', 'SYS', 'DATA_PUMP_DIR', 'READ'), "
                        + "('SYS', 'PUBLIC', 'SYS', 'DATA_PUMP_DIR', 'WRITE')");
        assertEquals("On the source database, user SA lacks the role DATAPUMP_EXP_FULL_DATABASE (not among the "
                + "session's roles; a DBA runs GRANT DATAPUMP_EXP_FULL_DATABASE TO \"SA\"). Nothing was changed.",
                refusal(DataPumpPrivileges.Need.EXPORT));
    }

    @Test
    void aDirectoryTheUserCannotSeeIsNamedWithWhatADbaDoes() throws SQLException {
        rows("INSERT INTO session_roles VALUES ('DATAPUMP_EXP_FULL_DATABASE')");
        String message = refusal(DataPumpPrivileges.Need.EXPORT);
        assertTrue(message.contains("the DIRECTORY DATA_PUMP_DIR, which ALL_DIRECTORIES does not list")
                && message.contains("CREATE DIRECTORY \"DATA_PUMP_DIR\" AS '<folder on the database server>'")
                && message.contains("GRANT READ, WRITE ON DIRECTORY \"DATA_PUMP_DIR\" TO \"SA\""), message);
    }

    @Test
    void readWithoutWriteIsNamed() throws SQLException {
        rows("INSERT INTO session_roles VALUES ('DATAPUMP_IMP_FULL_DATABASE')",
                "INSERT INTO all_directories VALUES ('SYS', 'DATA_PUMP_DIR', '/dpdump')",
                "INSERT INTO all_tab_privs VALUES ('SYS', 'SA', 'SYS', 'DATA_PUMP_DIR', 'READ')",
                // A grant to another user, or on a table of the same name, does not count.
                "INSERT INTO all_tab_privs VALUES ('SYS', 'SCOTT', 'SYS', 'DATA_PUMP_DIR', 'WRITE'), "
                        + "('APP', 'SA', 'APP', 'DATA_PUMP_DIR', 'WRITE')");
        String message = refusal(DataPumpPrivileges.Need.IMPORT);
        assertTrue(message.endsWith("lacks WRITE on the DIRECTORY DATA_PUMP_DIR (a DBA runs GRANT WRITE ON "
                + "DIRECTORY \"DATA_PUMP_DIR\" TO \"SA\"). Nothing was changed."), message);
    }

    @Test
    void everyMissingRightIsNamedAtOnce() throws SQLException {
        String message = refusal(DataPumpPrivileges.Need.IMPORT);
        assertTrue(message.contains("the role DATAPUMP_IMP_FULL_DATABASE") && message.contains("; the DIRECTORY "),
                message);
        rows("INSERT INTO session_privs VALUES ('CREATE USER')");
        String users = refusal(DataPumpPrivileges.Need.CREATE_USERS);
        assertTrue(users.contains("the system privileges CREATE TABLESPACE, GRANT ANY PRIVILEGE (a DBA runs GRANT "
                + "CREATE TABLESPACE, GRANT ANY PRIVILEGE TO \"SA\")"), users);
    }

    @Test
    void theRevokeNeedsGrantAnyObjectPrivilege() throws SQLException {
        rows("INSERT INTO session_privs VALUES ('GRANT ANY OBJECT PRIVILEGE')");
        assertDoesNotThrow(() -> DataPumpPrivileges.check(connection, new CancelToken(),
                DataPumpPrivileges.Need.REVOKE, "target", null));
    }

    @Test
    void readsOneColumnUpperCaseWithoutNulls() throws SQLException {
        try (Statement s = connection.createStatement();
             var rows = s.executeQuery("SELECT * FROM (VALUES ('read'), (NULL), (' WRITE ')) AS t(privilege)")) {
            assertEquals(Set.of("READ", "WRITE"), DataPumpPrivileges.names(rows));
        }
    }

    @Test
    void nothingMissingGivesNoMessage() {
        assertNull(DataPumpPrivileges.missing(DataPumpPrivileges.Need.EXPORT, "SYSTEM", "source", "D",
                new DataPumpPrivileges.Found(Set.of("DATAPUMP_EXP_FULL_DATABASE"), true, Set.of("READ", "WRITE"),
                        Set.of())));
    }
}
