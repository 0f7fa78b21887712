package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict on logs in the format Oracle's Data Pump utilities document (Utilities guide, "Data Pump Import"). */
class DataPumpLogTest {

    private static DataPumpLog read(String... lines) {
        DataPumpLog log = new DataPumpLog();
        for (String line : lines) {
            log.accept(line);
        }
        return log;
    }

    @Test
    void anImportWhoseOnlyErrorsArePreCreatedUsersIsAccepted() {
        DataPumpLog log = read(
                "Master table \"SYSTEM\".\"SYS_IMPORT_FULL_01\" successfully loaded/unloaded",
                "Processing object type SCHEMA_EXPORT/USER",
                "ORA-31684: Object type USER:\"OSADMIN\" already exists",
                "ORA-31684: Object type USER:\"OSRUNTIME\" already exists",
                ". . imported \"OSADMIN\".\"OSSYS_ESPACE\"                    12.50 KB      10 rows",
                "Job \"SYSTEM\".\"SYS_IMPORT_FULL_01\" completed with 2 error(s) at Wed Dec 2 01:02:03 2026 "
                        + "elapsed 0 00:00:05");
        assertNull(log.refusal(5));
        assertNull(log.refusal(null));
        assertEquals(2, log.expectedErrors().size());
    }

    @Test
    void anyOtherErrorIsRefusedWithItsLine() {
        DataPumpLog log = read(
                "ORA-31684: Object type USER:\"OSADMIN\" already exists",
                "ORA-39083: Object type TABLESPACE_QUOTA failed to create with error:",
                "ORA-01918: user 'OSUSR' does not exist",
                "Job \"SYSTEM\".\"SYS_IMPORT_FULL_01\" completed with 3 error(s) at Wed Dec 2 01:02:03 2026");
        assertEquals("Data Pump reported an error the procedure does not expect: ORA-39083: Object type "
                + "TABLESPACE_QUOTA failed to create with error: (and 1 more in the log)", log.refusal(5));
        assertEquals(List.of("ORA-31684: Object type USER:\"OSADMIN\" already exists"), log.expectedErrors());
    }

    @Test
    void exitCodeOneFailsEvenWithACleanLog() {
        DataPumpLog log = read("Job \"SYSTEM\".\"SYS_EXPORT_SCHEMA_01\" successfully completed at Wed Dec 2 2026");
        assertTrue(log.refusal(1).startsWith("Data Pump ended with exit code 1 (fatal)"));
        assertNull(log.refusal(0));
    }

    @Test
    void clientErrorsAndAMissingEndAreRefused() {
        assertTrue(read("UDI-00014: invalid value for parameter, 'remap_schema'").refusal(1)
                .contains("UDI-00014"));
        assertEquals("the Data Pump log has no final 'Job ... completed' line: the job did not finish",
                read("Processing object type SCHEMA_EXPORT/USER").refusal(0));
        assertEquals("the Data Pump job stopped due to a fatal error: see the log above",
                read("Job \"SYSTEM\".\"SYS_EXPORT_SCHEMA_01\" stopped due to fatal error at Wed Dec 2 2026")
                        .refusal(null));
    }

    @Test
    void moreErrorsCountedThanSeenAreRefused() {
        DataPumpLog log = read("ORA-31684: Object type USER:\"OSADMIN\" already exists",
                "Job \"SYSTEM\".\"SYS_IMPORT_FULL_01\" completed with 2 error(s) at Wed Dec 2 2026");
        assertTrue(log.refusal(5).contains("completed with 2 error(s) but the log shows only 1"));
    }
}
