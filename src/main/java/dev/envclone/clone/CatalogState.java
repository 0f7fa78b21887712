package dev.envclone.clone;

import dev.envclone.db.TargetSession;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A catalog's row in {@code sys.databases} (Microsoft Learn: state_desc ONLINE, RESTORING, RECOVERING,
 * RECOVERY_PENDING, SUSPECT, EMERGENCY, OFFLINE, ...), and what it means for a clone: after a cancel, a failure
 * or a crash the journal records it, and a catalog that is not ONLINE is never taken for a clone.
 *
 * @param state state_desc
 * @param recoveryModel recovery_model_desc
 * @param owner the owner's login name, or null when the server does not know it
 */
record CatalogState(String name, String state, String recoveryModel, String owner) {
    private static final Dialect SQL = Dialect.of(Dbms.SQLSERVER);

    /** The catalog's row, or null when there is no such catalog. */
    static CatalogState of(TargetSession session, String catalog) throws SQLException, CloneFailedException {
        try (PreparedStatement query = session.connection().prepareStatement(SqlServerCloneQueries.DATABASE)) {
            query.setString(1, catalog);
            try (ResultSet rows = query.executeQuery()) {
                return read(rows);
            }
        }
    }

    static CatalogState read(ResultSet rows) throws SQLException, CloneFailedException {
        ResultColumns c = ResultColumns.require(rows, "sys.databases", "name", "state_desc", "recovery_model_desc",
                "owner_name");
        return c.next() ? new CatalogState(c.text("name"), c.text("state_desc"), c.text("recovery_model_desc"),
                c.text("owner_name")) : null;
    }

    boolean online() {
        return "ONLINE".equals(state);
    }

    /** What a catalog in this state is left as, and what to do, for the journal and the operator. */
    static String left(String catalog, CatalogState state) {
        if (state == null) {
            return "catalog " + catalog + " does not exist: nothing was restored into it";
        }
        String drop = "drop it with DROP DATABASE " + SQL.quote(catalog) + " before running again";
        return switch (state.state() == null ? "" : state.state()) {
            case "ONLINE" -> "catalog " + catalog + " is ONLINE";
            case "RESTORING" -> "catalog " + catalog + " is RESTORING: half-restored, never used as a target; "
                    + drop;
            case "RECOVERING" -> "catalog " + catalog + " is RECOVERING: the server is still bringing it online; "
                    + "wait, then look again (SELECT state_desc FROM sys.databases WHERE name = "
                    + SQL.literal(catalog) + "); it is not used as a target until the restore is checked";
            default -> "catalog " + catalog + " is " + state.state() + ": incomplete or damaged, never used as a "
                    + "target; " + drop;
        };
    }
}
