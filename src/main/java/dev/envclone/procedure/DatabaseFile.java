package dev.envclone.procedure;

/**
 * One logical file of a SQL Server database, as {@code RESTORE FILELISTONLY} lists it.
 *
 * @param logicalName the LogicalName column
 * @param log true for the transaction log (Type L), false for data (Type D)
 */
public record DatabaseFile(String logicalName, boolean log) {

    /** Reads {@code NAME:D} or {@code NAME:L}. */
    public static DatabaseFile parse(String text) {
        int colon = text.lastIndexOf(':');
        String type = colon < 0 ? "" : text.substring(colon + 1).strip();
        if (colon <= 0 || !(type.equalsIgnoreCase("D") || type.equalsIgnoreCase("L"))) {
            throw new IllegalArgumentException("database file '" + text
                    + "' must be LOGICALNAME:D (data) or LOGICALNAME:L (log), as RESTORE FILELISTONLY lists them");
        }
        return new DatabaseFile(text.substring(0, colon), type.equalsIgnoreCase("L"));
    }

    @Override
    public String toString() {
        return logicalName + (log ? ":L" : ":D");
    }
}
