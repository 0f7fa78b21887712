package dev.envclone.sql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which ossys_entity rows a {@link TableDiscovery} may use: what the step asked its query for, checked again on every
 * row the query returns, so that a query edited by mistake or a row that is not what it claims is refused rather
 * than emptied.
 *
 * @param tables what the step calls these tables in messages, e.g. "SAML configuration table"
 * @param entities the entity names asked for (compared ignoring case, as the platform database does), or empty
 *                 for any name
 * @param ssKey the entity's ss_key asked for (ignoring case), or null for any
 * @param activeModule whether the entity's module must be active
 * @param oneModule whether every row must come from one module (the entities of one component)
 */
public record ExpectedEntities(String tables, List<String> entities, String ssKey, boolean activeModule,
                               boolean oneModule) {

    public ExpectedEntities {
        entities = List.copyOf(entities);
    }

    /** The entities of one module, found by name (the document's SAML query). */
    public static ExpectedEntities named(String tables, List<String> entities) {
        return new ExpectedEntities(tables, entities, null, false, true);
    }

    /** One entity found by its ss_key in every active module (the document's LifeTime query). */
    public static ExpectedEntities keyed(String tables, String ssKey) {
        return new ExpectedEntities(tables, List.of(), ssKey, true, false);
    }

    /** Refuses the first row that is not of an entity and module asked for. */
    void check(TableDiscovery discovery, List<DiscoveredTable> rows) {
        Set<String> modules = new LinkedHashSet<>();
        for (DiscoveredTable row : rows) {
            if (!entities.isEmpty() && entities.stream().noneMatch(e -> e.equalsIgnoreCase(row.entity()))) {
                throw discovery.refused(row, "belongs to entity " + TableDiscovery.shown(row.entity()) + ", which the step did not ask "
                        + "for (it asks for " + String.join(", ", entities) + ")");
            }
            if (ssKey != null && !ssKey.equalsIgnoreCase(row.ssKey())) {
                throw discovery.refused(row, "belongs to an entity with ss_key " + TableDiscovery.shown(row.ssKey()) + ", not the one the "
                        + "step asks for (" + ssKey + ")");
            }
            if (activeModule && !row.moduleActive()) {
                throw discovery.refused(row, "belongs to module " + TableDiscovery.shown(row.module()) + ", which is not active");
            }
            modules.add(TableDiscovery.shown(row.module()) + " (id " + row.moduleId() + ")");
        }
        if (oneModule && modules.size() > 1) {
            throw new RefusedTableException(title() + "s: ossys_entity lists the entities "
                    + String.join(", ", entities) + " in " + modules.size() + " modules (" + String.join(", ", modules)
                    + "); envclone does not guess which one to empty. " + TableDiscovery.NOTHING_RAN);
        }
    }

    /** {@link #tables()} as the start of a sentence. */
    String title() {
        return tables.substring(0, 1).toUpperCase(Locale.ROOT) + tables.substring(1);
    }
}
