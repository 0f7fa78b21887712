package dev.envclone.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a script run by hand in sqlcmd/SSMS or SQL*Plus: a header, then one section per step, each opened and
 * closed by the dialect so that it carries its own session setup and guards ({@link Dialect#stepOpening}) and can
 * be cut out and run alone. Between them, the same statements the engine executes. Any step fits: the renderer
 * knows nothing of what a section is for.
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
     * @param header comment lines (without "-- ") that open the script, before the dialect's own (target, how to
     *               run it)
     */
    public String render(List<String> header, List<ScriptSection> sections) {
        List<String> out = new ArrayList<>();
        header.forEach(line -> out.add(comment(line)));
        dialect.scriptHeader(target).forEach(line -> out.add(comment(line)));
        for (ScriptSection section : sections) {
            Dialect.ScriptTarget runsOn = section.target() == null ? target : section.target();
            out.add("");
            out.add(RULE);
            out.add(comment(section.title()));
            out.add(comment("Document: " + section.reference()));
            out.add(RULE);
            out.add(dialect.stepOpening(runsOn, section.title()));
            if (section.block() != null) {
                out.add(dialect.scriptBlock(section.block()));
            }
            for (CleanupItem item : section.items()) {
                out.add(itemText(item, runsOn));
            }
            out.add(dialect.stepClosing());
        }
        return String.join("\n", out) + "\n";
    }

    /** The text of one item as a script writes it. */
    public String itemText(CleanupItem item) {
        return itemText(item, target);
    }

    private String itemText(CleanupItem item, Dialect.ScriptTarget runsOn) {
        if (item instanceof RowChange change) {
            return change.requiresTable()
                    ? dialect.scriptIfTableExists(change.table(), change.sql(), runsOn)
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
                + dialect.scriptForEachTable(discovery, runsOn);
    }

    private static String comment(String line) {
        return line.isEmpty() ? "--" : "-- " + line;
    }
}
