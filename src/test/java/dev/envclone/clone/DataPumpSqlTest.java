package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.DataPumpSettings;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.Remap;
import dev.envclone.procedure.Tablespaces;
import dev.envclone.sql.Dbms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every PL/SQL block and statement the DBMS_DATAPUMP route sends runs only on a real Oracle server, which no machine
 * here has: its exact text is pinned in golden files a DBA can read, for the default plan and a custom one (schema
 * and tablespace remaps, an application schema, PARALLEL 4, its own DIRECTORY and file names). Checked against
 * Oracle Database PL/SQL Packages and Types Reference, "DBMS_DATAPUMP" (OPEN, ADD_FILE and its file-type
 * constants, METADATA_FILTER SCHEMA_EXPR, METADATA_REMAP REMAP_SCHEMA/REMAP_TABLESPACE, SET_PARAMETER
 * FLASHBACK_TIME, SET_PARALLEL, START_JOB, GET_STATUS with its mask bits, timeout and the ku$_Status, ku$_JobStatus
 * and ku$_LogEntry types, ATTACH, STOP_JOB, DETACH), Oracle Database Utilities "Using the Oracle Data Pump API"
 * (job states, the simple schema export example's status loop), Oracle Database Reference (USER_DATAPUMP_JOBS,
 * SESSION_ROLES, SESSION_PRIVS, ALL_DIRECTORIES, ALL_TAB_PRIVS, DBA_USERS, DBA_SYS_PRIVS, DBA_TABLESPACES) and the
 * UTL_FILE and DBMS_LOB references; see {@link DataPumpJobSql}. After a deliberate change:
 * {@code -Dgolden.update=true}, then read the diff.
 */
class DataPumpSqlTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "clone-datapump");
    private static final Instant RUN = Instant.parse("2026-12-02T01:39:00Z");

    static final MigrationPlan DEFAULT = new PlanBuilder(Dbms.ORACLE).build();
    static final MigrationPlan CUSTOM = new PlanBuilder(Dbms.ORACLE)
            .environments("Production", "Pre-Production")
            .users("NEW_OSADMIN", "NEW_OSRUNTIME", "NEW_OSADMIN_LOG", "NEW_OSRUNTIME_LOG")
            .oracleTablespaces(null, new Tablespaces("NEW_OSSYS", "NEW_OSIDX", "NEW_OSUSR", "NEW_OSSYS_LOG",
                    "NEW_OSIDX_LOG", "NEW_OSUSR_LOG"))
            .oracleApplicationSchema(new Remap("APPDATA", "NEW_APPDATA"))
            .oracleApplicationTablespace(new Remap("APPDATA_TS", "NEW_OSUSR"))
            .oracleDataPump(new DataPumpSettings("ENVCLONE_DIR", "prod_%U.dmp", "prod_export.log",
                    "prod_import.log", 4))
            .oracleLocations("oraqa01:1521/OSQA", "/u02/oradata/OSQA", null, null)
            .oracleTemporaryTablespace("TEMP_QA")
            .build();

    @Test
    void theDefaultPlansStatementsAreExactlyTheGoldenOnes() throws IOException {
        assertGolden("default.sql", everything(DEFAULT));
    }

    @Test
    void theCustomPlansStatementsAreExactlyTheGoldenOnes() throws IOException {
        assertGolden("custom.sql", everything(CUSTOM));
    }

    @Test
    void theDumpFileIsStripedOnlyWhenParallelAsksForIt() {
        String custom = DataPumpJobSql.export(CUSTOM, "J");
        assertTrue(custom.contains("filename => 'prod_%U.dmp'"), custom);
        assertTrue(custom.contains("DBMS_DATAPUMP.SET_PARALLEL(handle => h, degree => 4);"), custom);
        assertFalse(DataPumpJobSql.export(DEFAULT, "J").contains("SET_PARALLEL"));
    }

    @Test
    void theImportRemapsEverySchemaAndTablespaceThePlanRemaps() {
        String block = DataPumpJobSql.importJob(CUSTOM, "J");
        for (Remap r : CUSTOM.oracle().schemaRemaps()) {
            assertTrue(block.contains("name => 'REMAP_SCHEMA', old_value => '" + r.from() + "', value => '"
                    + r.to() + "'"), r.toString());
        }
        for (Remap r : CUSTOM.oracle().tablespaceRemaps()) {
            assertTrue(block.contains("name => 'REMAP_TABLESPACE', old_value => '" + r.from() + "', value => '"
                    + r.to() + "'"), r.toString());
        }
        assertFalse(DataPumpJobSql.importJob(DEFAULT, "J").contains("METADATA_REMAP"));
    }

    @Test
    void theJobNamesAreTheRunsAndFitOraclesOldLimit() {
        assertEquals("ENVCLONE_EXP_20261202T013900", DataPumpJobSql.Job.EXPORT.name(RUN));
        assertEquals("ENVCLONE_IMP_20261202T013900", DataPumpJobSql.Job.IMPORT.name(RUN));
        assertTrue(DataPumpJobSql.Job.EXPORT.name(RUN).length() <= 30);
    }

    private static String everything(MigrationPlan plan) {
        String export = DataPumpJobSql.Job.EXPORT.name(RUN);
        String importJob = DataPumpJobSql.Job.IMPORT.name(RUN);
        List<String> out = new ArrayList<>();
        section(out, "export-schemas, on the source: privileges (roles; the DIRECTORY; READ/WRITE on it)",
                DataPumpPrivileges.ROLES, DataPumpPrivileges.DIRECTORY, DataPumpPrivileges.DIRECTORY_PRIVILEGES);
        section(out, "export-schemas: this run's job, if it exists (check, run, recover)", DataPumpJobSql.jobState());
        section(out, "export-schemas: the first dump file's size, -1 when absent (check)",
                DataPumpJobSql.dumpFileSize(plan));
        section(out, "export-schemas: define and start job " + export, DataPumpJobSql.export(plan, export));
        section(out, "export-schemas and import-schemas: one status poll", DataPumpJobSql.status());
        section(out, "export-schemas: re-attach to the job after a restart of envclone; restart it if it stopped",
                DataPumpJobSql.attach(export), DataPumpJobSql.restart());
        section(out, "export-schemas and import-schemas: cancel; detach after the end", DataPumpJobSql.stop(),
                DataPumpJobSql.detach());
        section(out, "export-schemas: recovery when the job is gone, its log file",
                DataPumpJobSql.readLog(plan, DataPumpJobSql.Job.EXPORT));
        section(out, "create-users, on the target: privileges", DataPumpPrivileges.SYSTEM_PRIVILEGES);
        section(out, "create-users: create-users.sql's statements (the password placeholder is replaced only in the "
                + "text handed to the driver)", OracleCreationScript.statements(plan).stream()
                .map(OracleCreationScript.CreationStatement::text).toArray(String[]::new));
        section(out, "create-users: recovery (users; users with CREATE SESSION; tablespaces)",
                CreateUsersStep.usersQuery(plan), CreateUsersStep.grantsQuery(plan),
                CreateUsersStep.tablespacesQuery(plan));
        section(out, "import-schemas, on the target: privileges, as for the export; the dump file before the job",
                DataPumpPrivileges.ROLES, DataPumpPrivileges.DIRECTORY, DataPumpPrivileges.DIRECTORY_PRIVILEGES,
                DataPumpJobSql.jobState(), DataPumpJobSql.dumpFileSize(plan));
        section(out, "import-schemas: define and start job " + importJob, DataPumpJobSql.importJob(plan, importJob));
        section(out, "import-schemas: re-attach", DataPumpJobSql.attach(importJob));
        section(out, "import-schemas: recovery when the job is gone, its log file",
                DataPumpJobSql.readLog(plan, DataPumpJobSql.Job.IMPORT));
        if (OracleRevokeScript.applies(plan)) {
            section(out, "revoke-original-privileges, on the target: privileges", DataPumpPrivileges.SYSTEM_PRIVILEGES);
            section(out, "revoke-original-privileges: revoke-after-import.sql's statements (the listing is also "
                    + "the recovery's query)", OracleRevokeScript.statements(plan).toArray(String[]::new));
        } else {
            out.add("-- ---- revoke-original-privileges: not in this plan (no schema is remapped)");
        }
        return String.join("\n", out) + "\n";
    }

    private static void section(List<String> out, String title, String... statements) {
        out.add("-- ---- " + title);
        for (String statement : statements) {
            // A PL/SQL block ends with its own END;, which the driver receives; a query goes without ';'.
            out.add(statement.endsWith("END;") ? statement + "\n/" : statement + ";");
        }
        out.add("");
    }

    private static void assertGolden(String name, String text) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text);
    }
}
