package dev.envclone.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A target given as a JDBC URL on the command line. The URL is used as given (it may carry driver properties that
 * {@link ConnectionSettings} has no field for); what it names is read back into settings only to explain a
 * failure in the operator's words. H2 URLs (the sandbox) go through {@link TargetDatabase} as they are. Every
 * connection is opened by {@link TargetSession}, which prepares it.
 */
public final class JdbcUrlTarget {
    private JdbcUrlTarget() {
    }

    /**
     * The URL as it may be shown or recorded: {@link UrlSecrets#mask}. A URL with a password is refused before it
     * is used ({@link TargetUrl}); every place that prints, journals or displays a target URL still goes through
     * here.
     */
    public static String withoutSecrets(String url) {
        return UrlSecrets.mask(url);
    }

    /**
     * Opens a connection as the driver gives it; only {@link TargetSession} calls this, and prepares it. A failure
     * comes back as the plain sentence when it can.
     */
    static Connection connect(String url, String user, char[] password) throws SQLException {
        char[] secret = password == null ? new char[0] : password;
        // The callers checked it under their own field name already; this keeps every connection to the rules.
        TargetUrl target = TargetUrl.parse("target URL", url, "give the password on its own, never in the URL");
        if (target.driver() == TargetUrl.Driver.H2) {
            return new TargetDatabase(H2Target.of(url, user == null ? "sa" : user, secret)).connect();
        }
        try {
            return DriverManager.getConnection(url, user == null ? "" : user, new String(secret));
        } catch (SQLException e) {
            ConnectionSettings settings = settings(target, user, secret);
            throw settings == null ? new SQLException(DriverErrors.scrub(UrlSecrets.mask(e.getMessage()),
                    Secret.of(secret)), e.getSQLState(), e.getErrorCode(), e) : DriverErrors.explain(e, settings,
                    "connecting to");
        }
    }

    /** What the URL names, as settings; null when it cannot be read (the driver's own message is then shown). */
    static ConnectionSettings settings(TargetUrl target, String user, char[] password) {
        char[] shown = password.length == 0 ? new char[] {'?'} : password;
        try {
            return switch (target.driver()) {
                case SQLSERVER -> {
                    String instance = target.property("instancename");
                    yield new SqlServerTarget(target.host(), instance == null || instance.isEmpty() ? null
                            : instance, target.port(), target.database(), user, Secret.of(shown), false,
                            "true".equalsIgnoreCase(target.property("trustservercertificate")));
                }
                case ORACLE -> {
                    String address = target.url().substring(target.url().indexOf('@') + 1).replaceFirst("\\?.*$",
                            "");
                    yield address.contains("/") ? OracleTarget.ezConnect(address, user, shown) : null;
                }
                case H2 -> null;
            };
        } catch (IllegalArgumentException e) { // InvalidNameException included: the driver's message is shown
            return null;
        }
    }
}
