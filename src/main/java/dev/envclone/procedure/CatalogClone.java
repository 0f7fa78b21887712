package dev.envclone.procedure;

import java.util.List;

/**
 * One SQL Server database to clone: the source catalog, the new catalog it is restored as, and its logical files.
 */
public record CatalogClone(String sourceCatalog, String catalog, List<DatabaseFile> files) {
    public CatalogClone {
        files = List.copyOf(files);
    }

    /** The files a database created with default settings has: {@code NAME} (data) and {@code NAME_log}. */
    public static List<DatabaseFile> defaultFiles(String sourceCatalog) {
        return List.of(new DatabaseFile(sourceCatalog, false), new DatabaseFile(sourceCatalog + "_log", true));
    }
}
