package dev.envclone.run;

import dev.envclone.db.DatabaseConnectionDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * database-connections.md in the run folder: the database connections the cleanup deletes, as they were before the
 * delete, and what to do to have each again in the new environment (deploy-integration-with-external-database.md).
 * Written once, when the run is first opened on its target, so it holds the extensions' mappings before the operator
 * removes them in Service Center. Names and values come from the database: line breaks and backticks cannot break
 * the file out of its code spans.
 */
public final class ConnectionsFile {
    static final String FILE = "database-connections.md";
    /** The step whose page and report show each connection's boxes. */
    public static final String STEP = "recreate-database-connections";
    /** The guide's four actions, as each connection's boxes name them. */
    public static final java.util.List<String> ITEMS = java.util.List.of("defined in Service Center",
            "tested and created", "logical databases mapped", "physical table names set in LifeTime");

    private ConnectionsFile() {
    }

    static String render(String target, List<DatabaseConnectionDefinitions.Definition> connections) {
        List<String> lines = new ArrayList<>();
        lines.add("# Database connections before the cleanup");
        lines.add("");
        lines.add("Read from " + code(target) + " before any cleanup step ran. The cleanup step \"Clean up database "
                + "connections\" deletes all of them but the log's own; define each again in this environment, with "
                + "this environment's server and credentials. Passwords are not shown: take them from your vault.");
        if (connections.isEmpty()) {
            lines.add("");
            lines.add("No database connection other than the log's own.");
        }
        for (DatabaseConnectionDefinitions.Definition connection : connections) {
            lines.add("");
            lines.add("## " + code(connection.name()));
            lines.add("");
            for (Map.Entry<String, String> field : connection.fields().entrySet()) {
                lines.add("- " + code(field.getKey()) + ": " + code(field.getValue()));
            }
            lines.add("- Mapped: " + (connection.mappings().isEmpty() ? "no extension"
                    : String.join("; ", connection.mappings().stream().map(ConnectionsFile::code).toList())));
            lines.add("");
            lines.add("To have it again (\"Deploy an Integration With an External Database\"):");
            lines.add("- [ ] Service Center, Administration > Database Connections > New Database Connection: "
                    + code(connection.name()) + " with this environment's server and credentials.");
            lines.add("- [ ] Test: the user lists the tables and views and may create, read, update and delete on "
                    + "them; then Create.");
            lines.add("- [ ] Map each extension's logical database above to it (the extension's Operation tab, or "
                    + "the configuration link after a LifeTime deployment).");
            lines.add("- [ ] In LifeTime's Configure applications settings, enter each external entity's three-part "
                    + "Physical Table Name for this environment.");
        }
        return String.join("\n", lines) + "\n";
    }

    /** A code span that no value read from the database can end early or spread over lines. */
    private static String code(String value) {
        String text = value.replaceAll("[\\r\\n\\t\\u0000-\\u001f]", " ");
        String fence = "`";
        while (text.contains(fence)) {
            fence += "`";
        }
        String padded = text.startsWith("`") || text.endsWith("`") ? " " + text + " " : text;
        return fence + padded + fence;
    }
}
