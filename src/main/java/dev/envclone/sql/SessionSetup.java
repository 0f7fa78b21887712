package dev.envclone.sql;

import java.util.List;

/**
 * How a session on the target is prepared before envclone reads or changes anything in it, as the document
 * prepares its own sessions: the schema unqualified names resolve in, and the statements the DBMS runs first.
 *
 * @param schema the schema to make current ({@code Connection.setSchema}), or null to keep the login's (SQL
 *     Server: the catalog is chosen by the connection and the platform's tables are in {@code dbo})
 * @param statements run in this order on the DBMS itself; left out on H2, which has no such settings
 *     ({@link Dialect#isProduct})
 */
public record SessionSetup(String schema, List<String> statements) {
    public SessionSetup {
        statements = List.copyOf(statements);
    }
}
