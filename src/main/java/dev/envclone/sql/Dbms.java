package dev.envclone.sql;

/** The two database systems the procedure covers. */
public enum Dbms {
    SQLSERVER("SQL Server"),
    ORACLE("Oracle");

    private final String displayName;

    Dbms(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The word used on the command line and in plan files: {@code sqlserver} or {@code oracle}. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
