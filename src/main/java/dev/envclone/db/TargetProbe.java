package dev.envclone.db;

import dev.envclone.sql.Dbms;
import java.sql.SQLException;

/**
 * Reads which database a target is, changing nothing: {@code envclone fingerprint} and the wizard's Test connection.
 * The session is set up as a run's is ({@link TargetSession}), so the fingerprint is the one the run will record.
 */
public final class TargetProbe {
    private TargetProbe() {
    }

    /** What was read, and how the session was set up to read it. */
    public record Probe(TargetInspection.Facts facts, TargetSession.Setup setup) {
    }

    /**
     * @param adminSchema the platform admin user (Oracle), checked by its name rule; null to keep the login's schema
     * @throws SQLException the driver's problem, in plain words where {@link DriverErrors} knows it
     */
    public static Probe inspect(String url, String user, char[] password, Dbms dbms, String adminSchema)
            throws SQLException {
        try (TargetSession session = TargetSession.open(url, user, password, dbms, adminSchema)) {
            session.readOnly();
            return new Probe(TargetInspection.inspect(session), session.setup());
        }
    }
}
