package dev.envclone.clone;

import dev.envclone.procedure.DataPumpSettings;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.OracleSettings;
import dev.envclone.procedure.Remap;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Every PL/SQL block and query the Data Pump route sends, as text with JDBC {@code ?} binds. The plan's names
 * passed {@code NameRule} (upper-case identifiers, dump and log file names) and go in as literals, quotes doubled
 * all the same, so that the golden file shows exactly what the server receives. Nothing here has run on an Oracle
 * server (none can run on these machines): each call was checked against Oracle's documentation —
 *
 * <ul>
 *   <li>Oracle Database PL/SQL Packages and Types Reference, "DBMS_DATAPUMP" (19c: OPEN, ADD_FILE with the
 *       KU$_FILE_TYPE_DUMP_FILE / KU$_FILE_TYPE_LOG_FILE constants, METADATA_FILTER 'SCHEMA_EXPR',
 *       METADATA_REMAP 'REMAP_SCHEMA' / 'REMAP_TABLESPACE', SET_PARAMETER 'FLASHBACK_TIME', SET_PARALLEL,
 *       START_JOB, GET_STATUS with the KU$_STATUS_WIP / KU$_STATUS_JOB_ERROR / KU$_STATUS_JOB_STATUS mask bits
 *       and its timeout, ATTACH(job_name, job_owner), STOP_JOB(immediate, keep_master), DETACH; the types
 *       ku$_Status (mask, wip, job_status, error), ku$_JobStatus (percent_done, error_count) and ku$_LogEntry, a
 *       table of ku$_LogLine (LogLineNumber, ErrorNumber, LogText));</li>
 *   <li>Oracle Database Utilities, "Using the Oracle Data Pump API" (job states; "Performing a Simple Schema
 *       Export", whose status loop this follows; a job in DEFINING state disappears when its last session
 *       detaches) and the Export parameters FLASHBACK_TIME, KILL_JOB (master table and dump files deleted, log
 *       files kept) and STOP_JOB;</li>
 *   <li>Oracle Database Reference, USER_DATAPUMP_JOBS (JOB_NAME, STATE);</li>
 *   <li>PL/SQL Packages and Types Reference, UTL_FILE (FGETATTR, FOPEN, GET_LINE raising NO_DATA_FOUND at the
 *       end, FCLOSE) and DBMS_LOB (CREATETEMPORARY, WRITEAPPEND).</li>
 * </ul>
 */
final class DataPumpJobSql {
    private static final Dialect ORACLE = Dialect.of(Dbms.ORACLE);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);

    /** Field and entry separators in the flattened log entries: control characters no Data Pump message holds. */
    static final char FIELD = '\u001f';
    static final char ENTRY = '\u001e';

    /** The status block's GET_STATUS waits at most this long for news, so a cancel is seen within it. */
    static final int STATUS_WAIT_SECONDS = 5;

    /** Which job: an export on the source, an import on the target. */
    enum Job {
        EXPORT("EXP"), IMPORT("IMP");

        private final String tag;

        Job(String tag) {
            this.tag = tag;
        }

        /**
         * The job's name, unique to the run and the same when the run resumes (so a restarted envclone finds the
         * job again): ENVCLONE_EXP_20261202T013900, 28 characters, within the 30 that Oracle before 12.2 allows.
         * Data Pump names its master table after the job, in the session user's schema.
         */
        String name(Instant runStarted) {
            return "ENVCLONE_" + tag + "_" + STAMP.format(runStarted);
        }

        String logFile(DataPumpSettings d) {
            return switch (this) {
                case EXPORT -> d.exportLogFile();
                case IMPORT -> d.importLogFile();
            };
        }
    }

    private DataPumpJobSql() {
    }

    /**
     * Defines and starts the export. Binds: 1 OUT the job handle (NUMBER), 2 OUT the source's clock when the job
     * was defined (VARCHAR2), which the journal keeps as the moment the export is consistent with.
     */
    static String export(MigrationPlan plan, String jobName) {
        OracleSettings o = plan.oracle();
        DataPumpSettings d = o.dataPump();
        List<String> body = new ArrayList<>(open("EXPORT", jobName, d, Job.EXPORT));
        body.add("    DBMS_DATAPUMP.METADATA_FILTER(handle => h, name => 'SCHEMA_EXPR', value => "
                + ORACLE.literal(schemaList(o)) + ");");
        body.add("    -- Consistent as of the moment the job starts, as expdp.par's FLASHBACK_TIME=SYSTIMESTAMP.");
        body.add("    DBMS_DATAPUMP.SET_PARAMETER(handle => h, name => 'FLASHBACK_TIME', value => 'SYSTIMESTAMP');");
        parallel(body, d);
        body.add("    DBMS_DATAPUMP.START_JOB(handle => h);");
        body.add("    ? := h;");
        body.add("    ? := TO_CHAR(SYSTIMESTAMP, 'YYYY-MM-DD HH24:MI:SS TZH:TZM');");
        return block(body);
    }

    /** Defines and starts the import from the dump file set in the target's DIRECTORY. Bind: 1 OUT the handle. */
    static String importJob(MigrationPlan plan, String jobName) {
        OracleSettings o = plan.oracle();
        DataPumpSettings d = o.dataPump();
        List<String> body = new ArrayList<>(open("IMPORT", jobName, d, Job.IMPORT));
        body.add("    DBMS_DATAPUMP.METADATA_FILTER(handle => h, name => 'SCHEMA_EXPR', value => "
                + ORACLE.literal(schemaList(o)) + ");");
        remaps(body, "REMAP_SCHEMA", o.schemaRemaps());
        remaps(body, "REMAP_TABLESPACE", o.tablespaceRemaps());
        parallel(body, d);
        body.add("    DBMS_DATAPUMP.START_JOB(handle => h);");
        body.add("    ? := h;");
        return block(body);
    }

    /**
     * One status poll, ku$_Status flattened into OUT binds (JDBC cannot fetch a PL/SQL object type). Binds: 1 IN
     * the handle, 2 IN how long to wait for news (seconds), 3 OUT the job state (VARCHAR2), 4 OUT percent done
     * (NUMBER, null when the status holds no job status), 5 OUT the job's error count (NUMBER, likewise), 6 OUT the
     * new log entries (CLOB): for each, its error number (empty when none), {@link #FIELD}, its text,
     * {@link #ENTRY}.
     */
    static String status() {
        return String.join("\n", List.of(
                "DECLARE",
                "    job_state VARCHAR2(30);",
                "    sts ku$_Status;",
                "    entries CLOB;",
                "    PROCEDURE append_entries(e ku$_LogEntry) IS",
                "        i NUMBER;",
                "        one VARCHAR2(32767);",
                "    BEGIN",
                "        IF e IS NULL THEN",
                "            RETURN;",
                "        END IF;",
                "        i := e.FIRST;",
                "        WHILE i IS NOT NULL LOOP",
                "            one := TO_CHAR(e(i).ErrorNumber) || CHR(31) || e(i).LogText || CHR(30);",
                "            DBMS_LOB.WRITEAPPEND(entries, LENGTH(one), one);",
                "            i := e.NEXT(i);",
                "        END LOOP;",
                "    END;",
                "BEGIN",
                "    DBMS_LOB.CREATETEMPORARY(entries, TRUE);",
                "    DBMS_DATAPUMP.GET_STATUS(handle => ?, mask => DBMS_DATAPUMP.KU$_STATUS_WIP",
                "        + DBMS_DATAPUMP.KU$_STATUS_JOB_ERROR + DBMS_DATAPUMP.KU$_STATUS_JOB_STATUS,",
                "        timeout => ?, job_state => job_state, status => sts);",
                "    ? := job_state;",
                "    IF BITAND(sts.mask, DBMS_DATAPUMP.KU$_STATUS_JOB_STATUS) != 0 THEN",
                "        ? := sts.job_status.percent_done;",
                "        ? := sts.job_status.error_count;",
                "    ELSE",
                "        ? := NULL;",
                "        ? := NULL;",
                "    END IF;",
                "    IF BITAND(sts.mask, DBMS_DATAPUMP.KU$_STATUS_WIP) != 0 THEN",
                "        append_entries(sts.wip);",
                "    END IF;",
                "    IF BITAND(sts.mask, DBMS_DATAPUMP.KU$_STATUS_JOB_ERROR) != 0 THEN",
                "        append_entries(sts.error);",
                "    END IF;",
                "    ? := entries;",
                "END;"));
    }

    /** Re-attaches to this run's job after a restart of envclone. Bind: 1 OUT the new handle. */
    static String attach(String jobName) {
        return "BEGIN\n    ? := DBMS_DATAPUMP.ATTACH(job_name => " + ORACLE.literal(jobName)
                + ", job_owner => USER);\nEND;";
    }

    /** Restarts a job found stopped (IDLING once attached). Bind: 1 IN the handle. */
    static String restart() {
        return "BEGIN\n    DBMS_DATAPUMP.START_JOB(handle => ?);\nEND;";
    }

    /**
     * Cancel: stops the job at once and drops its master table, so it cannot be restarted; on an export Data Pump
     * then deletes the dump files it wrote. The log file stays. Bind: 1 IN the handle.
     */
    static String stop() {
        return "BEGIN\n    DBMS_DATAPUMP.STOP_JOB(handle => ?, immediate => 1, keep_master => 0);\nEND;";
    }

    /** After the job completed: this session lets go of it. Bind: 1 IN the handle. */
    static String detach() {
        return "BEGIN\n    DBMS_DATAPUMP.DETACH(handle => ?);\nEND;";
    }

    /**
     * Whether this run's job exists and in which state. A completed job drops its master table and leaves no row;
     * a stopped or abandoned one keeps it (NOT RUNNING). Bind: 1 the job name. Column: STATE.
     */
    static String jobState() {
        return "SELECT state FROM user_datapump_jobs WHERE job_name = ?";
    }

    /**
     * The size of the first file of the dump file set ({@code %U} is 01 for it), -1 when it does not exist. Bind:
     * 1 OUT the size (NUMBER).
     */
    static String dumpFileSize(MigrationPlan plan) {
        DataPumpSettings d = plan.oracle().dataPump();
        return String.join("\n", List.of(
                "DECLARE",
                "    found BOOLEAN;",
                "    file_length NUMBER;",
                "    block_size BINARY_INTEGER;",
                "BEGIN",
                "    UTL_FILE.FGETATTR(" + ORACLE.literal(d.directory()) + ", " + ORACLE.literal(firstDumpFile(d))
                        + ", found, file_length, block_size);",
                "    ? := CASE WHEN found THEN file_length ELSE -1 END;",
                "END;"));
    }

    /**
     * The job's log file as Data Pump wrote it in the DIRECTORY, for a recovery when the job is gone. Bind: 1 OUT
     * the text (CLOB), one line break after each line.
     */
    static String readLog(MigrationPlan plan, Job job) {
        DataPumpSettings d = plan.oracle().dataPump();
        return String.join("\n", List.of(
                "DECLARE",
                "    f UTL_FILE.FILE_TYPE;",
                "    line VARCHAR2(32767);",
                "    text CLOB;",
                "BEGIN",
                "    DBMS_LOB.CREATETEMPORARY(text, TRUE);",
                "    f := UTL_FILE.FOPEN(" + ORACLE.literal(d.directory()) + ", " + ORACLE.literal(job.logFile(d))
                        + ", 'r', 32767);",
                "    BEGIN",
                "        LOOP",
                "            UTL_FILE.GET_LINE(f, line);",
                "            DBMS_LOB.WRITEAPPEND(text, NVL(LENGTH(line), 0) + 1, line || CHR(10));",
                "        END LOOP;",
                "    EXCEPTION",
                "        WHEN NO_DATA_FOUND THEN",
                "            UTL_FILE.FCLOSE(f);",
                "    END;",
                "    ? := text;",
                "END;"));
    }

    /** The dump file set's first file: {@code %U} numbers the files from 01. */
    static String firstDumpFile(DataPumpSettings d) {
        return d.dumpFile().replace("%U", "01").replace("%u", "01");
    }

    private static List<String> open(String operation, String jobName, DataPumpSettings d, Job job) {
        return List.of(
                "    h := DBMS_DATAPUMP.OPEN(operation => '" + operation + "', job_mode => 'SCHEMA', job_name => "
                        + ORACLE.literal(jobName) + ");",
                "    DBMS_DATAPUMP.ADD_FILE(handle => h, filename => " + ORACLE.literal(d.dumpFile())
                        + ", directory => " + ORACLE.literal(d.directory())
                        + ", filetype => DBMS_DATAPUMP.KU$_FILE_TYPE_DUMP_FILE);",
                "    DBMS_DATAPUMP.ADD_FILE(handle => h, filename => " + ORACLE.literal(job.logFile(d))
                        + ", directory => " + ORACLE.literal(d.directory())
                        + ", filetype => DBMS_DATAPUMP.KU$_FILE_TYPE_LOG_FILE);");
    }

    /** A job that fails while being defined is detached, which removes it; the error goes on to the caller. */
    private static String block(List<String> body) {
        List<String> out = new ArrayList<>(List.of("DECLARE", "    h NUMBER;", "BEGIN"));
        out.addAll(body);
        out.addAll(List.of(
                "EXCEPTION",
                "    WHEN OTHERS THEN",
                "        IF h IS NOT NULL THEN",
                "            BEGIN",
                "                DBMS_DATAPUMP.DETACH(handle => h);",
                "            EXCEPTION",
                "                -- The job's own error below is the one to report.",
                "                WHEN OTHERS THEN NULL;",
                "            END;",
                "        END IF;",
                "        RAISE;",
                "END;"));
        return String.join("\n", out);
    }

    private static String schemaList(OracleSettings o) {
        return "IN (" + String.join(", ", o.exportedSchemas().stream().map(ORACLE::literal).toList()) + ")";
    }

    private static void remaps(List<String> body, String name, List<Remap> remaps) {
        for (Remap r : remaps) {
            body.add("    DBMS_DATAPUMP.METADATA_REMAP(handle => h, name => '" + name + "', old_value => "
                    + ORACLE.literal(r.from()) + ", value => " + ORACLE.literal(r.to()) + ");");
        }
    }

    /** PARALLEL needs Enterprise Edition; a plan with 1 sends no SET_PARALLEL, like the parameter files. */
    private static void parallel(List<String> body, DataPumpSettings d) {
        if (d.parallel() > 1) {
            body.add("    DBMS_DATAPUMP.SET_PARALLEL(handle => h, degree => " + d.parallel() + ");");
        }
    }
}
