package dev.envclone.sql;

/**
 * One row a {@link TableDiscovery} query returned: an entity of ossys_entity, its module (espace) and the physical
 * table name stored for it, exactly as the database holds them (nothing checked yet).
 *
 * @param physicalTableName ossys_entity.physical_table_name, in the stored spelling
 * @param entity ossys_entity.name
 * @param ssKey ossys_entity.ss_key
 * @param moduleId ossys_espace.id
 * @param module ossys_espace.name
 * @param moduleActive ossys_espace.is_active
 */
public record DiscoveredTable(String physicalTableName, String entity, String ssKey, long moduleId, String module,
                              boolean moduleActive) {
}
