package dev.envclone.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a cleanup script for SSMS (GO batches, one transaction per step) or SQL*Plus (stop on the first error,
 * COMMIT per step): the same statements the engine executes, with a comment heading each step.
 */
public final class ScriptRenderer {
    private static final String RULE = "-- " + "-".repeat(76);

    private final Dialect dialect;
    private final Dialect.ScriptTarget target;

    public ScriptRenderer(Dialect dialect, Dialect.ScriptTarget target) {
        this.dialect = dialect;
        this.target = target;
    }

    /**
     * @param header comment lines (without "-- ") that open the script
     */
    public String render(List<String> header, List<ScriptSection> sections) {
        List<String> out = new ArrayList<>();
        header.forEach(line -> out.add(comment(line)));
        out.add(dialect.scriptPrologue(target));
        for (ScriptSection section : sections) {
            out.add("");
            out.add(RULE);
            out.add(comment(section.title()));
            out.add(comment("Document: " + section.reference()));
            out.add(RULE);
            if (!dialect.beginStep().isEmpty()) {
                out.add(dialect.beginStep());
            }
            if (section.block() != null) {
                out.add(dialect.scriptBlock(section.block()));
            }
            for (CleanupItem item : section.items()) {
                out.add(itemText(item));
            }
            out.add(dialect.endStep());
        }
        return String.join("\n", out) + "\n";
    }

    /** The text of one item as a script writes it. */
    public String itemText(CleanupItem item) {
        if (item instanceof RowChange change) {
            return change.requiresTable()
                    ? dialect.scriptIfTableExists(change.table(), change.sql(), target)
                    : dialect.scriptStatement(change.sql());
        }
        if (item instanceof SecurityContext context) {
            return switch (dialect.dbms()) {
                case SQLSERVER -> SqlServerSecurityContext.script(context);
                // create-users.sql makes Oracle's users afresh: no restored user is left to drop.
                case ORACLE -> throw new IllegalArgumentException("the security-context step exists on SQL Server "
                        + "only");
            };
        }
        TableDiscovery discovery = (TableDiscovery) item;
        return dialect.scriptStatement(discovery.documentQuery()) + "\n"
                + dialect.scriptForEachTable(discovery, target);
    }

    private static String comment(String line) {
        return line.isEmpty() ? "--" : "-- " + line;
    }
}
