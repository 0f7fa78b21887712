package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.MigrationPlan;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * revoke-original-privileges through the target's JDBC session, only when the plan remaps a schema: the three
 * statements of revoke-after-import.sql ({@link OracleRevokeScript#statements}), the listing's rows shown as what
 * is revoked. On another database than the source's the original schemas hold nothing there, the listing is empty
 * and the check passes. Running it again is harmless: it revokes what is left.
 */
final class RevokeStep implements CloneAction {
    private static final Logger LOG = LoggerFactory.getLogger(RevokeStep.class);

    private final MigrationPlan plan;
    private final TargetSession target;

    RevokeStep(MigrationPlan plan, TargetSession target) {
        this.plan = plan;
        this.target = target;
    }

    @Override
    public String stepId() {
        return "revoke-original-privileges";
    }

    @Override
    public String describe() {
        return "Revoke the imported users' privileges on " + String.join(", ", plan.oracle().remappedSchemas())
                + " on the target (revoke-after-import.sql through JDBC)";
    }

    @Override
    public void check(CancelToken cancel) throws CloneFailedException, CancelToken.CancelledException {
        try {
            DataPumpPrivileges.check(target.connection(), cancel, DataPumpPrivileges.Need.REVOKE, "target", null);
        } catch (SQLException e) {
            throw new CloneFailedException("Could not check the target database before revoking: "
                    + e.getMessage(), "nothing was changed", false, e);
        }
    }

    @Override
    public Map<String, String> run(Started started, CloneListener listener, CancelToken cancel)
            throws CloneFailedException, IOException {
        List<String> statements = OracleRevokeScript.statements(plan);
        started.started(Map.of("originals", String.join(",", plan.oracle().remappedSchemas())));
        try {
            cancel.check();
            int listed = list(statements.get(0), listener);
            cancel.check();
            try (Statement statement = target.connection().createStatement()) {
                cancel.running(statement);
                try {
                    statement.execute(statements.get(1));
                    statement.execute(statements.get(2));
                } finally {
                    cancel.running(null);
                }
            }
            LOG.info("Revoked {} privileges of the imported users on the original schemas", listed);
            return Map.of("revoked", String.valueOf(listed));
        } catch (CancelToken.CancelledException e) {
            throw new CloneFailedException("Cancelled before the privileges were revoked.", "nothing was changed",
                    true, e);
        } catch (SQLException e) {
            throw new CloneFailedException("revoke-original-privileges failed: " + e.getMessage() + ". Run "
                    + "revoke-after-import.sql by hand as a DBA, or the step again.",
                    "some privileges may be revoked; the rest stay (the step revokes what is left when run again)",
                    cancel.isCancelled(), e);
        }
    }

    @Override
    public Recovery recover(Map<String, String> started) throws CloneFailedException, IOException {
        try (PreparedStatement statement = target.connection().prepareStatement(
                OracleRevokeScript.statements(plan).get(0)); ResultSet rows = statement.executeQuery()) {
            int left = 0;
            while (rows.next()) {
                left++;
            }
            return left == 0
                    ? new Recovery(true, "No privilege of the imported users on the original schemas is left.")
                    : new Recovery(false, left + " privilege(s) of the imported users on the original schemas are "
                    + "left: the step revokes them when it runs again.");
        } catch (SQLException e) {
            throw new CloneFailedException("Could not read DBA_TAB_PRIVS: " + e.getMessage(),
                    "unknown: run the listing of revoke-after-import.sql", false, e);
        }
    }

    private int list(String listing, CloneListener listener) throws SQLException {
        int count = 0;
        try (PreparedStatement statement = target.connection().prepareStatement(listing);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                count++;
                listener.logLine("To revoke: " + rows.getString("PRIVILEGE") + " on " + rows.getString("OWNER")
                        + "." + rows.getString("TABLE_NAME") + " (" + rows.getString("TYPE") + ") from "
                        + rows.getString("GRANTEE"));
            }
        }
        return count;
    }
}
