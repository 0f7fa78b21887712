package dev.envclone.ui.plan;

import dev.envclone.db.TargetInspection;
import dev.envclone.db.TargetProbe;
import dev.envclone.db.UrlSecrets;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.NameRule;
import java.util.Arrays;

/**
 * The plan page's Test connection: connects as a run would ({@link TargetProbe}: on Oracle in the admin user's
 * schema, with the run's NLS settings, so the fingerprint is the one the run will record), reads whether it is a
 * platform database, and says so in one line. Runs on the worker thread; changes nothing on the target.
 */
final class ConnectionCheck {
    private ConnectionCheck() {
    }

    /**
     * @param password cleared when done
     * @throws Exception a database failure ({@link dev.envclone.db.TargetSession#fromDatabase}) with the driver's
     *     problem in plain words where the engine knows it; a bad admin user name
     */
    static TargetInspection.Facts inspect(String url, String user, char[] password, Dbms dbms, String adminUser)
            throws Exception {
        try {
            String schema = switch (dbms) {
                case SQLSERVER -> null; // the URL names the catalog
                case ORACLE -> NameRule.ORACLE_IDENTIFIER.check("admin user", adminUser);
            };
            return TargetProbe.inspect(url, user, password, dbms, schema).facts();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static String describe(TargetInspection.Facts facts, Dbms dbms, String adminUser) {
        if (facts.platformDatabase()) {
            return "Connected: " + facts.fingerprint() + "; an OutSystems platform database";
        }
        String check = switch (dbms) {
            case SQLSERVER -> ". Check the database the URL names.";
            case ORACLE -> " in schema " + adminUser + ". Check the database the URL names and the admin user.";
        };
        return "Connected: " + facts.fingerprint() + "; not an OutSystems platform database: its ossys_ tables are "
                + "missing" + check;
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
