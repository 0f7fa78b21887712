package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The status block's OUT binds read back: ku$_LogEntry lines (LogLineNumber, ErrorNumber, LogText) as the block
 * flattens them, the job states Oracle documents ("Using the Oracle Data Pump API", job states; GET_STATUS's
 * job_state and USER_DATAPUMP_JOBS.STATE spell them with a space), percent done from ku$_JobStatus.
 */
class DataPumpStatusTest {

    static String entry(Integer errorNumber, String text) {
        return (errorNumber == null ? "" : errorNumber.toString()) + DataPumpJobSql.FIELD + text
                + DataPumpJobSql.ENTRY;
    }

    @Test
    void readsTheLogLinesInOrderWithTheirErrorNumbers() {
        String entries = entry(null, "Processing object type SCHEMA_EXPORT/USER")
                + entry(31684, "ORA-31684: Object type USER:\"OSADMIN\" already exists")
                + entry(null, ". . imported \"OSADMIN\".\"OSSYS_ESPACE\"                 12.5 KB       3 rows");
        DataPumpStatus status = DataPumpStatus.read("EXECUTING", new BigDecimal("42.7"), BigDecimal.ONE, entries);
        assertEquals(DataPumpStatus.State.EXECUTING, status.state());
        assertEquals(42, status.percentDone());
        assertEquals(1, status.errorCount());
        assertEquals(List.of("Processing object type SCHEMA_EXPORT/USER",
                "ORA-31684: Object type USER:\"OSADMIN\" already exists",
                ". . imported \"OSADMIN\".\"OSSYS_ESPACE\"                 12.5 KB       3 rows"), status.lines());
    }

    @Test
    void anErrorEntryWhoseTextDoesNotNameItsNumberGetsTheOraPrefix() {
        assertEquals(List.of("ORA-31684: Object type USER:\"OSADMIN\" already exists"),
                DataPumpStatus.lines(entry(31684, "Object type USER:\"OSADMIN\" already exists")));
        assertEquals(List.of("ORA-00001: unique constraint violated"),
                DataPumpStatus.lines(entry(1, "unique constraint violated")));
    }

    @Test
    void aMultiLineErrorEntryBecomesOneLineEach() {
        String text = "ORA-39083: Object type OBJECT_GRANT failed to create with error:\n"
                + "ORA-01917: user or role 'OSREPORT' does not exist\n"
                + "Failing sql is:\n"
                + "GRANT SELECT ON \"OSADMIN\".\"OSUSR_ABC_T\" TO \"OSREPORT\"\n";
        assertEquals(List.of("ORA-39083: Object type OBJECT_GRANT failed to create with error:",
                "ORA-01917: user or role 'OSREPORT' does not exist", "Failing sql is:",
                "GRANT SELECT ON \"OSADMIN\".\"OSUSR_ABC_T\" TO \"OSREPORT\""), DataPumpStatus.lines(entry(39083,
                text)));
    }

    @Test
    void aStatusWithoutJobStatusHasNoPercentAndNoLines() {
        DataPumpStatus status = DataPumpStatus.read("EXECUTING", null, null, null);
        assertNull(status.percentDone());
        assertNull(status.errorCount());
        assertTrue(status.lines().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"UNDEFINED,UNDEFINED,false", "DEFINING,DEFINING,false", "EXECUTING,EXECUTING,false",
            "COMPLETING,COMPLETING,false", "COMPLETED,COMPLETED,true", "STOP PENDING,STOP_PENDING,false",
            "STOPPING,STOPPING,false", "STOPPED,STOPPED,true", "IDLING,IDLING,false",
            "NOT RUNNING,NOT_RUNNING,false"})
    void readsEveryDocumentedJobState(String spelled, DataPumpStatus.State state, boolean ended) {
        assertEquals(state, DataPumpStatus.State.parse(spelled));
        assertEquals(ended, state.ended());
        assertEquals(spelled, state.spelled());
    }

    @Test
    void anUndocumentedStateIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataPumpStatus.read("PAUSED", null, null, null));
        assertTrue(e.getMessage().contains("'PAUSED'") && e.getMessage().contains("USER_DATAPUMP_JOBS"),
                e.getMessage());
    }

    @Test
    void aTruncatedOrMalformedStatusIsRefusedAndShown() {
        String cut = entry(null, "Processing object type SCHEMA_EXPORT/USER") + "31684" + DataPumpJobSql.FIELD
                + "ORA-31684: Obj";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DataPumpStatus.lines(cut)).getMessage()
                .contains("in the middle of a log entry"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DataPumpStatus.lines("no field" + DataPumpJobSql.ENTRY)).getMessage()
                .contains("has no error-number field: 'no field'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DataPumpStatus.read("EXECUTING", new BigDecimal("101"), null, null)).getMessage()
                .contains("percent done 101"));
    }

    @Test
    void theFlattenedFormsSeparatorsCannotBeConfusedWithText() {
        assertFalse(DataPumpStatus.lines(entry(null, "a | b / c")).isEmpty());
        assertEquals(List.of("a | b / c"), DataPumpStatus.lines(entry(null, "a | b / c")));
    }
}
