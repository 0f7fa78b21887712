package dev.envclone.procedure;

import dev.envclone.sql.CleanupItem;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.RowsBlock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One cleanup script of the document, declared once for both DBMS.
 *
 * @param id stable identifier, used in run journals and on the command line
 * @param title the document's heading (the SQL Server part's wording)
 * @param why what it does and why, condensed from the document
 * @param part the optional part it belongs to, or null when it always applies
 * @param sections the document's heading for it, per DBMS (the two parts word some headings differently)
 * @param afterInstall true when the document places it in the install path, not under "Prepare the database"
 * @param block a condition under which the step must not run, or null
 * @param statements its statements for a dialect and admin user
 */
public record CleanupDefinition(String id, String title, String why, OptionalPart part, Map<Dbms, String> sections,
                                boolean afterInstall, RowsBlock block,
                                Function<CleanupContext, List<CleanupItem>> statements) {

    public List<CleanupItem> statementsFor(CleanupContext context) {
        return statements.apply(context);
    }

    public DocRef reference(Dbms dbms, InstallPath path) {
        return DocRef.of(dbms, afterInstall ? path.documentSection() : "Prepare the database", sections.get(dbms));
    }
}
