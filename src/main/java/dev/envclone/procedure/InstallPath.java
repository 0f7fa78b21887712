package dev.envclone.procedure;

import java.util.Locale;

/** The two ways the document brings a platform server onto the restored database. */
public enum InstallPath {
    FRESH("Fresh installation using a restored database"),
    RECONFIGURE("Reconfigure an installation to use a restored database");

    private final String documentSection;

    InstallPath(String documentSection) {
        this.documentSection = documentSection;
    }

    /** The document's heading for this path, the same in the SQL Server and Oracle parts. */
    public String documentSection() {
        return documentSection;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
