package dev.envclone.sql;

import java.util.List;

/**
 * The database users a restore brought with it (the source's platform users), in each restored catalog: what
 * they own and their own schemas are known only from the catalog, so the step's statements are found there when
 * it runs, as a {@link TableDiscovery}'s are. The engine reads the catalog through one seam (the SQL Server form,
 * {@link SqlServerSecurityContext}, or the sandbox's H2 form); a script run by hand does the same in T-SQL.
 *
 * <p>The plan of actions, per catalog and in this order: objects with an explicit owner given back to their
 * schema's owner, the other schemas and the roles the users own given to dbo, each user's own schema dropped when
 * empty, the users dropped. A user's own schema that holds objects needs an application-level decision: the step
 * stops and names the object, with nothing done.
 *
 * @param users the restored users to drop (checked names, each once)
 * @param catalogs the restored catalogs, the platform catalog first (checked names)
 */
public record SecurityContext(List<String> users, List<String> catalogs) implements CleanupItem {
    public SecurityContext {
        users = List.copyOf(users);
        catalogs = List.copyOf(catalogs);
    }
}
