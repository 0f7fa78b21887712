package dev.envclone.ui.plan;

import dev.envclone.db.CleanupStatements;
import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.db.TargetInspection;
import dev.envclone.db.UrlSecrets;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import dev.envclone.sql.NameRule;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The plan page's Test connection: connects as a run would (on Oracle, in the admin user's schema, so the
 * fingerprint is the one the run will record), reads whether it is a platform database, and says so in one line.
 * Runs on the worker thread; changes nothing on the target.
 */
final class ConnectionCheck {
    private ConnectionCheck() {
    }

    /**
     * @param password cleared when done
     * @throws SQLException with the driver's problem in plain words where {@link JdbcUrlTarget} knows it
     */
    static TargetInspection.Facts inspect(String url, String user, char[] password, Dbms dbms, String adminUser)
            throws SQLException {
        try (Connection connection = JdbcUrlTarget.open(url, user, password)) {
            Dialect dialect = Dialect.of(dbms);
            String schema = dbms == Dbms.ORACLE ? NameRule.ORACLE_IDENTIFIER.check("admin user", adminUser)
                    : adminUser;
            CleanupStatements.prepareSession(connection, dialect, schema);
            try {
                return TargetInspection.inspect(connection, dialect);
            } finally {
                connection.rollback();
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static String describe(TargetInspection.Facts facts, Dbms dbms, String adminUser) {
        if (facts.platformDatabase()) {
            return "Connected: " + facts.fingerprint() + "; an OutSystems platform database";
        }
        return "Connected: " + facts.fingerprint() + "; not an OutSystems platform database: its ossys_ tables are "
                + "missing" + (dbms == Dbms.ORACLE ? " in schema " + adminUser : "")
                + ". Check the database the URL names" + (dbms == Dbms.ORACLE ? " and the admin user." : ".");
    }

    /**
     * A failure as the operator reads it: the driver's explained sentence, or the exception's message, without any
     * secret a URL in it holds.
     */
    static String failure(Throwable failed) {
        String message = failed.getMessage();
        if (message == null || message.isBlank()) {
            message = failed.getClass().getSimpleName();
        }
        return UrlSecrets.mask(message);
    }
}
