package dev.envclone.procedure;

import java.util.List;

/**
 * The Oracle side of a plan: what is exported, how it is remapped on import, and the target tablespaces.
 *
 * @param serverInstance the target database for the Configuration Tool's Server Instance field; null if not given
 * @param exportedSchemas the schemas expdp exports (platform users of the source, plus application schemas)
 * @param exportedTablespaces the source tablespaces those schemas use
 * @param schemaRemaps REMAP_SCHEMA entries; every {@code from} must be an exported schema
 * @param tablespaceRemaps REMAP_TABLESPACE entries; every {@code from} must be an exported tablespace
 * @param tablespaces the target tablespaces by role, for the creation script and the Configuration Tool
 * @param datafileFolder where create-users.sql puts new datafiles; null uses Oracle-managed files
 * @param sessionUser the session database user; null if not given
 * @param sessionTablespace the session tablespace; null if not given
 * @param temporaryTablespace the temporary tablespace create-users.sql gives the users; null leaves it to the
 *     database's default temporary tablespace
 * @param ssh the database host for Data Pump's SSH route (expdp/impdp run on the host); null when the clone runs
 *     through DBMS_DATAPUMP over JDBC, or is done by a DBA
 */
public record OracleSettings(String serverInstance, List<String> exportedSchemas, List<String> exportedTablespaces,
                             List<Remap> schemaRemaps, List<Remap> tablespaceRemaps, Tablespaces tablespaces,
                             DataPumpSettings dataPump, String datafileFolder, String sessionUser,
                             String sessionTablespace, String temporaryTablespace, SshSettings ssh) {
    public OracleSettings {
        exportedSchemas = List.copyOf(exportedSchemas);
        exportedTablespaces = List.copyOf(exportedTablespaces);
        schemaRemaps = List.copyOf(schemaRemaps);
        tablespaceRemaps = List.copyOf(tablespaceRemaps);
    }

    /** What a schema is called after the import. */
    public String importedName(String exportedSchema) {
        return schemaRemaps.stream().filter(r -> r.from().equals(exportedSchema)).map(Remap::to).findFirst()
                .orElse(exportedSchema);
    }

    /** What a tablespace is called after the import. */
    public String importedTablespace(String exportedTablespace) {
        return tablespaceRemaps.stream().filter(r -> r.from().equals(exportedTablespace)).map(Remap::to)
                .findFirst().orElse(exportedTablespace);
    }

    /**
     * The exported schemas the import gives another name. On the instance the export came from, they still exist
     * beside the imported ones, and the imported users may hold privileges on them.
     */
    public List<String> remappedSchemas() {
        return exportedSchemas.stream().filter(s -> !importedName(s).equals(s)).toList();
    }
}
