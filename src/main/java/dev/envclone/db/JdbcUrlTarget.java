package dev.envclone.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target given as a JDBC URL on the command line. The URL is used as given (it may carry driver properties that
 * {@link ConnectionSettings} has no field for); what it names is read back into settings only to explain a
 * failure in the operator's words. H2 URLs (the sandbox) go through {@link TargetDatabase} as they are.
 */
public final class JdbcUrlTarget {
    private static final Pattern SQLSERVER = Pattern.compile(
            "(?i)jdbc:sqlserver://([^;:\\\\/]+)(?:\\\\([^;:]+))?(?::([0-9]+))?(;.*)?");
    private static final Pattern PROPERTY = Pattern.compile("(?i);\\s*(databaseName|database)\\s*=\\s*([^;]+)");
    private static final Pattern TRUST = Pattern.compile("(?i);\\s*trustServerCertificate\\s*=\\s*true");
    private static final Pattern ORACLE = Pattern.compile("(?i)jdbc:oracle:thin:@(.+)");

    private JdbcUrlTarget() {
    }

    /**
     * The URL as it may be shown or recorded: a password=... or pwd=... in it becomes ***. Every place that prints,
     * journals or displays a target URL goes through here.
     */
    public static String withoutSecrets(String url) {
        return url == null ? "" : url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
    }

    /** Opens a connection with autocommit off; a failure comes back as the plain sentence when it can. */
    public static Connection open(String url, String user, char[] password) throws SQLException {
        char[] secret = password == null ? new char[0] : password;
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return new TargetDatabase(H2Target.of(url, user == null ? "sa" : user, secret)).open();
        }
        try {
            Connection connection = DriverManager.getConnection(url, user == null ? "" : user, new String(secret));
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            ConnectionSettings settings = settings(url, user, secret);
            throw settings == null ? e : DriverErrors.explain(e, settings, "connecting to");
        }
    }

    /** What the URL names, as settings; null when it cannot be read (the driver's own message is then shown). */
    static ConnectionSettings settings(String url, String user, char[] password) {
        try {
            Matcher sqlServer = SQLSERVER.matcher(url);
            if (sqlServer.matches()) {
                String server = sqlServer.group(1) + (sqlServer.group(2) == null ? "" : "\\" + sqlServer.group(2))
                        + (sqlServer.group(3) == null ? "" : "," + sqlServer.group(3));
                String properties = sqlServer.group(4) == null ? "" : sqlServer.group(4);
                Matcher database = PROPERTY.matcher(properties);
                return SqlServerTarget.sqlLogin(server, database.find() ? database.group(2).strip() : "master", user,
                        password.length == 0 ? new char[] {'?'} : password, TRUST.matcher(properties).find());
            }
            Matcher oracle = ORACLE.matcher(url);
            if (oracle.matches() && oracle.group(1).contains("/")) {
                return OracleTarget.ezConnect(oracle.group(1), user, password.length == 0 ? new char[] {'?'}
                        : password);
            }
        } catch (IllegalArgumentException e) { // InvalidNameException included
            return null;
        }
        return null;
    }
}
