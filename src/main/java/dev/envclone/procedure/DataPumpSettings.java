package dev.envclone.procedure;

/**
 * Where Data Pump writes and reads, and how.
 *
 * @param directory the Oracle DIRECTORY object (on both databases)
 * @param dumpFile the dump file name; {@code %U} numbers the files when {@code parallel} is above 1
 * @param parallel worker processes; 1 writes no PARALLEL line (Enterprise Edition only)
 */
public record DataPumpSettings(String directory, String dumpFile, String exportLogFile, String importLogFile,
                               int parallel) {

    public static DataPumpSettings defaults() {
        return new DataPumpSettings("DATA_PUMP_DIR", "envclone_%U.dmp", "envclone_export.log",
                "envclone_import.log", 1);
    }
}
