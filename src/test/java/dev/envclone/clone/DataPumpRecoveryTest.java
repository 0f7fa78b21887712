package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.CancelToken;
import dev.envclone.db.TargetSession;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where a step stands after envclone was stopped, read by the route's own code from a real engine: H2 in Oracle mode
 * with tables named and shaped like Oracle's USER_DATAPUMP_JOBS, DBA_USERS, DBA_SYS_PRIVS, DBA_TABLESPACES and
 * DBA_TAB_PRIVS (the columns the pinned queries read). The PL/SQL blocks (UTL_FILE, DBMS_DATAPUMP) do not run on H2:
 * where the route reaches one, the test shows what the operator is told when it fails.
 */
class DataPumpRecoveryTest {
    private static final Instant RUN = Instant.parse("2026-12-02T01:39:00Z");
    private static final String IMPORT_JOB = "ENVCLONE_IMP_20261202T013900";

    private TargetSession session;

    @BeforeEach
    void dictionary() throws SQLException {
        session = TargetSession.on(DriverManager.getConnection("jdbc:h2:mem:recovery;MODE=Oracle;DB_CLOSE_DELAY=-1",
                "sa", ""), Dialect.of(Dbms.ORACLE), null);
        sql("CREATE TABLE user_datapump_jobs (job_name VARCHAR(128), operation VARCHAR(30), job_mode VARCHAR(30), "
                        + "state VARCHAR(30), degree NUMBER, attached_sessions NUMBER)",
                "CREATE TABLE dba_users (username VARCHAR(128))",
                "CREATE TABLE dba_sys_privs (grantee VARCHAR(128), privilege VARCHAR(40), admin_option VARCHAR(3))",
                "CREATE TABLE dba_tablespaces (tablespace_name VARCHAR(30))",
                "CREATE TABLE dba_tab_privs (grantee VARCHAR(128), owner VARCHAR(128), table_name VARCHAR(128), "
                        + "grantor VARCHAR(128), privilege VARCHAR(40), type VARCHAR(24))",
                "CREATE TABLE session_roles (role VARCHAR(128))",
                "CREATE TABLE all_directories (directory_name VARCHAR(128))",
                "CREATE TABLE all_tab_privs (grantee VARCHAR(128), table_schema VARCHAR(128), table_name "
                        + "VARCHAR(128), privilege VARCHAR(40))");
    }

    @AfterEach
    void drop() throws SQLException {
        sql("DROP ALL OBJECTS");
        session.close();
    }

    private void sql(String... statements) throws SQLException {
        try (Statement s = session.connection().createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
        session.connection().commit();
    }

    private DataPumpJobStep importStep() {
        return new DataPumpJobStep(DataPumpSqlTest.CUSTOM, DataPumpJobSql.Job.IMPORT, session, RUN);
    }

    @Test
    void aJobStillInTheDictionaryIsReattachedToNotStartedAgain() throws Exception {
        sql("INSERT INTO user_datapump_jobs VALUES ('" + IMPORT_JOB + "', 'IMPORT', 'SCHEMA', 'NOT RUNNING', 4, 0)");
        CloneAction.Recovery recovery = importStep().recover(Map.of("job", IMPORT_JOB));
        assertFalse(recovery.done());
        assertTrue(recovery.state().startsWith("The Data Pump job " + IMPORT_JOB + " is NOT RUNNING on the target "
                + "database: when the step runs again, envclone re-attaches to it"), recovery.state());
    }

    @Test
    void anotherRunsJobIsNotTakenForThisOne() throws Exception {
        sql("INSERT INTO user_datapump_jobs VALUES ('ENVCLONE_IMP_20261201T090000', 'IMPORT', 'SCHEMA', "
                + "'EXECUTING', 1, 1)");
        CloneAction.Recovery recovery = importStep().recover(Map.of("job", IMPORT_JOB));
        assertTrue(recovery.state().contains("is not in USER_DATAPUMP_JOBS (it ended) and its log file "
                + "prod_import.log in DIRECTORY ENVCLONE_DIR could not be read"), recovery.state());
        assertFalse(recovery.done());
    }

    @Test
    void anUndocumentedStateInTheDictionaryIsReportedNotGuessed() throws Exception {
        sql("INSERT INTO user_datapump_jobs VALUES ('" + IMPORT_JOB + "', 'IMPORT', 'SCHEMA', 'PAUSED', 1, 0)");
        CloneFailedException e = assertThrows(CloneFailedException.class,
                () -> importStep().recover(Map.of("job", IMPORT_JOB)));
        assertTrue(e.getMessage().contains("'PAUSED'"), e.getMessage());
    }

    @Test
    void aGoneJobWhoseLogSaysCompletedWithOnlyTheExpectedErrorsIsDone() {
        String log = String.join("\n",
                "Master table \"SYSTEM\".\"" + IMPORT_JOB + "\" successfully loaded/unloaded",
                "Starting \"SYSTEM\".\"" + IMPORT_JOB + "\":",
                "Processing object type SCHEMA_EXPORT/USER",
                "ORA-31684: Object type USER:\"NEW_OSADMIN\" already exists",
                "ORA-31684: Object type USER:\"NEW_OSRUNTIME\" already exists",
                "Processing object type SCHEMA_EXPORT/TABLE/TABLE_DATA",
                ". . imported \"NEW_OSADMIN\".\"OSSYS_ESPACE\"                 12.5 KB       3 rows",
                "Job \"SYSTEM\".\"" + IMPORT_JOB + "\" completed with 2 error(s) at Wed Dec 2 02:10:11 2026 elapsed "
                        + "0 00:03:10", "");
        CloneAction.Recovery recovery = importStep().fromLog(IMPORT_JOB, log);
        assertTrue(recovery.done(), recovery.state());
        assertTrue(recovery.state().endsWith("(with 2 expected ORA-31684)."), recovery.state());
    }

    @Test
    void aGoneJobWhoseLogHasARealErrorOrNoEndIsNotDone() {
        CloneAction.Recovery error = importStep().fromLog(IMPORT_JOB, String.join("\n",
                "ORA-39083: Object type OBJECT_GRANT failed to create with error:",
                "Job \"SYSTEM\".\"" + IMPORT_JOB + "\" completed with 1 error(s) at Wed Dec 2 02:10:11 2026"));
        assertFalse(error.done());
        assertTrue(error.state().contains("ORA-39083") && error.state().contains("partly imported"), error.state());
        assertFalse(importStep().fromLog(IMPORT_JOB, "Processing object type SCHEMA_EXPORT/USER\n").done());
    }

    @Test
    void theExportCheckPassesWhenTheDumpFileCannotBeLookedFor() throws SQLException {
        sql("INSERT INTO session_roles VALUES ('DATAPUMP_EXP_FULL_DATABASE')",
                "INSERT INTO all_directories VALUES ('ENVCLONE_DIR')",
                "INSERT INTO all_tab_privs VALUES ('SA', 'SYS', 'ENVCLONE_DIR', 'READ'), "
                        + "('SA', 'SYS', 'ENVCLONE_DIR', 'WRITE')");
        DataPumpJobStep export = new DataPumpJobStep(DataPumpSqlTest.CUSTOM, DataPumpJobSql.Job.EXPORT, session, RUN);
        // H2 has no UTL_FILE: the probe fails, is logged, and the export job itself would say so on Oracle.
        assertDoesNotThrow(() -> export.check(new CancelToken()));
    }

    @Test
    void createUsersIsDoneOnlyWhenEveryUserCanConnect() throws Exception {
        CreateUsersStep step = new CreateUsersStep(DataPumpSqlTest.DEFAULT, session, (f, v) -> null);
        CloneAction.Recovery none = step.recover(Map.of());
        assertFalse(none.done());
        assertTrue(none.state().contains("None of the plan's tablespaces and users exists"), none.state());

        sql("INSERT INTO dba_tablespaces VALUES ('OSSYS'), ('OSIDX')",
                "INSERT INTO dba_users VALUES ('OSADMIN'), ('OSRUNTIME')",
                "INSERT INTO dba_sys_privs VALUES ('OSADMIN', 'CREATE SESSION', 'NO')");
        CloneAction.Recovery half = step.recover(Map.of());
        assertFalse(half.done());
        assertTrue(half.state().contains("tablespaces OSSYS, OSIDX and users OSADMIN, OSRUNTIME exist (with CREATE "
                + "SESSION: OSADMIN)"), half.state());

        sql("INSERT INTO dba_users VALUES ('OSADMIN_LOG'), ('OSRUNTIME_LOG')",
                "INSERT INTO dba_sys_privs VALUES ('OSRUNTIME', 'CREATE SESSION', 'NO'), "
                        + "('OSADMIN_LOG', 'CREATE SESSION', 'NO'), ('OSRUNTIME_LOG', 'CREATE SESSION', 'NO')");
        assertTrue(step.recover(Map.of()).done());
    }

    @Test
    void theRevokeShowsWhatItRevokesAndIsDoneWhenNoneIsLeft() throws Exception {
        RevokeStep step = new RevokeStep(DataPumpSqlTest.CUSTOM, session);
        assertTrue(step.recover(Map.of()).done());
        sql("INSERT INTO dba_tab_privs VALUES ('NEW_OSADMIN', 'OSADMIN', 'OSSYS_ESPACE', 'OSADMIN', 'SELECT', "
                        + "'TABLE'), ('NEW_OSADMIN', 'OSADMIN', 'OSADMIN', 'SYS', 'INHERIT PRIVILEGES', 'USER'), "
                        + "('OTHER', 'OSADMIN', 'OSSYS_ESPACE', 'OSADMIN', 'SELECT', 'TABLE')");
        CloneAction.Recovery left = step.recover(Map.of());
        assertFalse(left.done());
        assertTrue(left.state().startsWith("2 privilege(s)"), left.state());

        List<String> lines = new ArrayList<>();
        CloneFailedException e = assertThrows(CloneFailedException.class, () -> step.run(facts -> { },
                new CloneListener() {
                    @Override
                    public void progress(String message, int done, int total) {
                    }

                    @Override
                    public void logLine(String line) {
                        lines.add(line);
                    }
                }, new CancelToken()));
        assertEquals(List.of("To revoke: INHERIT PRIVILEGES on OSADMIN.OSADMIN (USER) from NEW_OSADMIN",
                "To revoke: SELECT on OSADMIN.OSSYS_ESPACE (TABLE) from NEW_OSADMIN"), lines);
        // The revoking block is PL/SQL, which H2 does not run.
        assertTrue(e.getMessage().startsWith("revoke-original-privileges failed: "), e.getMessage());
    }
}
