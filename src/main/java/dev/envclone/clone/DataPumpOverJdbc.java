package dev.envclone.clone;

import dev.envclone.db.TargetInspection;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.sql.Dbms;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Oracle clone through DBMS_DATAPUMP over the JDBC sessions envclone already holds: same port as the
 * connection, no OS account on the database host. export-schemas runs a Data Pump job on the source,
 * create-users runs create-users.sql's statements on the target, import-schemas runs the import job on the target,
 * and, when the plan remaps a schema, revoke-original-privileges runs revoke-after-import.sql's statements.
 *
 * <p>Both sessions come from {@link TargetSession} with no admin schema: on the target the platform's users do not
 * exist before create-users, and Data Pump makes its master table in the session user's own schema. The session
 * users need the rights {@link DataPumpPrivileges} checks. The dump files stay on the database servers, in the
 * DIRECTORY: the import reads them from the target's DIRECTORY (decision record 0015).
 */
public final class DataPumpOverJdbc implements CloneRoute {
    private static final Logger LOG = LoggerFactory.getLogger(DataPumpOverJdbc.class);

    private final TargetSession source;
    private final TargetSession target;
    private final String sourceFingerprint;
    private final List<CloneAction> actions;

    /**
     * @param source the session on the source database (the export); closed with the route
     * @param target the session on the target database (users, import, revoke); closed with the route
     * @param runStarted when the run began: the Data Pump jobs are named after it, so a resumed run finds them
     * @param passwords asks for the passwords of the users create-users makes
     * @throws SQLException when the source's fingerprint cannot be read
     */
    public DataPumpOverJdbc(MigrationPlan plan, TargetSession source, TargetSession target, Instant runStarted,
                            Passwords passwords) throws SQLException {
        Objects.requireNonNull(plan.oracle(), "an Oracle plan");
        this.source = source;
        this.target = target;
        this.sourceFingerprint = TargetInspection.fingerprintIn(source.connection(), plan.sourceAdminSchema());
        List<CloneAction> list = new ArrayList<>(List.of(
                new DataPumpJobStep(plan, DataPumpJobSql.Job.EXPORT, source, runStarted),
                new CreateUsersStep(plan, target, passwords),
                new DataPumpJobStep(plan, DataPumpJobSql.Job.IMPORT, target, runStarted)));
        if (OracleRevokeScript.applies(plan)) {
            list.add(new RevokeStep(plan, target));
        }
        this.actions = List.copyOf(list);
    }

    /**
     * Opens both sessions through {@link TargetSession#open} (no password in a URL: the user and password go to
     * the driver apart) and the route on them.
     */
    public static DataPumpOverJdbc open(MigrationPlan plan, String sourceUrl, String sourceUser,
                                        char[] sourcePassword, String targetUrl, String targetUser,
                                        char[] targetPassword, Instant runStarted, Passwords passwords)
            throws SQLException {
        TargetSession source = TargetSession.open(sourceUrl, sourceUser, sourcePassword, Dbms.ORACLE, null);
        try {
            TargetSession target = TargetSession.open(targetUrl, targetUser, targetPassword, Dbms.ORACLE, null);
            try {
                return new DataPumpOverJdbc(plan, source, target, runStarted, passwords);
            } catch (SQLException | RuntimeException e) {
                target.close();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "Oracle Data Pump through DBMS_DATAPUMP over JDBC";
    }

    @Override
    public String sourceFingerprint() {
        return sourceFingerprint;
    }

    @Override
    public List<CloneAction> actions() {
        return actions;
    }

    @Override
    public void close() {
        for (TargetSession session : List.of(target, source)) {
            try {
                session.close();
            } catch (SQLException e) {
                LOG.warn("Closing a Data Pump session failed: {}", e.getMessage());
            }
        }
    }
}
