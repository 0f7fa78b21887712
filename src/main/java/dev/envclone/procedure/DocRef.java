package dev.envclone.procedure;

import dev.envclone.sql.Dbms;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a step stands in "Migrate an environment using a database clone": the DBMS part, then the headings down to
 * the step, as the operator finds them in the printed document. With no DBMS, the headings of another document of
 * the procedure, its title first ({@link #elsewhere}).
 */
public record DocRef(Dbms dbms, List<String> headings) {
    public DocRef {
        headings = List.copyOf(headings);
    }

    public static DocRef of(Dbms dbms, String... headings) {
        return new DocRef(dbms, List.of(headings));
    }

    /** A step that another document describes: its title, then the headings down to the step. */
    public static DocRef elsewhere(String... headings) {
        return new DocRef(null, List.of(headings));
    }

    /** The part heading of the document for a DBMS. */
    public static String partHeading(Dbms dbms) {
        return "Migrate an environment with " + dbms.displayName() + " database";
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>();
        if (dbms != null) {
            all.add(partHeading(dbms));
        }
        all.addAll(headings);
        return String.join(" > ", all);
    }
}
