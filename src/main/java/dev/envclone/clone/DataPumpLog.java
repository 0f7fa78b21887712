package dev.envclone.clone;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Data Pump log line by line, as expdp/impdp print it or as DBMS_DATAPUMP.GET_STATUS hands its log
 * entries over, and decides whether the job did what the procedure wants. Only ORA-31684 ("Object type USER:"X"
 * already exists") is expected: the procedure creates the users before the import. Any other ORA-, UDE- or UDI-
 * line is a real error the operator must see, whatever the exit code says.
 */
public final class DataPumpLog {
    /** The errors the procedure itself causes. */
    static final Set<String> EXPECTED = Set.of("ORA-31684");

    private static final Pattern ERROR = Pattern.compile("\\b((?:ORA|UDE|UDI)-\\d{5})\\b");
    private static final Pattern ENDED = Pattern.compile(
            "^Job \"[^\"]*\"\\.\"[^\"]*\" (successfully completed|completed with (\\d+) error\\(s\\)|stopped due to "
                    + "fatal error)");

    private final List<String> expected = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();
    private String ending;
    private int reportedErrors;

    /** Takes one line, without its line break. */
    public void accept(String line) {
        Matcher error = ERROR.matcher(line);
        if (error.find()) {
            (EXPECTED.contains(error.group(1)) ? expected : unexpected).add(line.strip());
        }
        Matcher ended = ENDED.matcher(line.strip());
        if (ended.find()) {
            ending = ended.group(1);
            reportedErrors = ended.group(2) == null ? 0 : Integer.parseInt(ended.group(2));
        }
    }

    /** The expected error lines seen (ORA-31684). */
    public List<String> expectedErrors() {
        return List.copyOf(expected);
    }

    /** Every other error line seen, in order. */
    public List<String> unexpectedErrors() {
        return List.copyOf(unexpected);
    }

    /**
     * The verdict with the client's exit code (expdp/impdp: 0 success, 5 completed with errors, 1 fatal), or with
     * {@code null} when there is no client (DBMS_DATAPUMP: the job's final state and its log decide).
     *
     * @return null when the job did what the procedure wants; otherwise why not, naming the first offending line
     */
    public String refusal(Integer exitCode) {
        if (!unexpected.isEmpty()) {
            return "Data Pump reported an error the procedure does not expect: " + unexpected.get(0)
                    + (unexpected.size() > 1 ? " (and " + (unexpected.size() - 1) + " more in the log)" : "");
        }
        if (exitCode != null && exitCode != 0 && exitCode != 5) {
            return "Data Pump ended with exit code " + exitCode + " (fatal): see the log above; a fatal error may "
                    + "not reach the log file";
        }
        if (ending == null) {
            return "the Data Pump log has no final 'Job ... completed' line: the job did not finish";
        }
        if (ending.startsWith("stopped")) {
            return "the Data Pump job stopped due to a fatal error: see the log above";
        }
        if (reportedErrors > expected.size()) {
            return "the Data Pump job completed with " + reportedErrors + " error(s) but the log shows only "
                    + expected.size() + " expected one(s): read the whole log file";
        }
        if (exitCode != null && exitCode == 5 && expected.isEmpty()) {
            return "Data Pump ended with exit code 5 (completed with errors) and no error line was seen: read the "
                    + "whole log file";
        }
        return null;
    }
}
