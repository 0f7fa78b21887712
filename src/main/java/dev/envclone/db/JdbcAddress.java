package dev.envclone.db;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * The JDBC URL and driver properties for a target: the one place that knows each driver's spelling. Connection
 * options go into the URL (it is logged, and it shows what was tried); user and password only into the
 * properties, which are never shown.
 *
 * @param url the JDBC URL, without credentials
 * @param options driver properties other than user and password
 */
record JdbcAddress(String url, Properties options) {
    /** What the DBA sees as the program in the server's session list. */
    static final String PROGRAM = "envclone";

    /**
     * @param connectTimeout how long establishing one connection (TCP, TLS, login) may take; statements are not
     *     limited by it
     */
    static JdbcAddress of(ConnectionSettings settings, Duration connectTimeout) {
        if (settings instanceof SqlServerTarget sqlServer) {
            return sqlServer(sqlServer, connectTimeout);
        }
        if (settings instanceof OracleTarget oracle) {
            return oracle(oracle, connectTimeout);
        }
        // A target is never created: H2 would otherwise make an empty database where none is.
        String url = withoutCollation(((H2Target) settings).url());
        boolean ifExists = H2Url.settings(url.indexOf(';') < 0 ? "" : url.substring(url.indexOf(';') + 1))
                .containsKey("IFEXISTS");
        return new JdbcAddress(ifExists ? url : url + ";IFEXISTS=TRUE", new Properties());
    }

    /**
     * The H2 URL without its COLLATION setting. Sandbox URLs printed before IGNORECASE replaced the collation
     * (H2Mode), and the run folders that recorded them, carry {@code COLLATION=ENGLISH STRENGTH SECONDARY}. H2 keeps
     * a database's collation in its file from its creation, and a target is never created, so on a connection the
     * setting can only repeat what an old sandbox holds already, or make H2 refuse a sandbox made since ("Collation
     * cannot be changed because there is a data table"). Left out, such a URL opens both.
     */
    static String withoutCollation(String url) {
        StringBuilder kept = new StringBuilder();
        for (String part : url.split(";", -1)) {
            if (kept.length() > 0 && part.toUpperCase(Locale.ROOT).startsWith("COLLATION=")) {
                continue;
            }
            kept.append(kept.length() > 0 ? ";" : "").append(part);
        }
        return kept.toString();
    }

    private static JdbcAddress sqlServer(SqlServerTarget target, Duration connectTimeout) {
        StringBuilder url = new StringBuilder("jdbc:sqlserver://").append(target.host());
        if (target.instance() != null) {
            url.append('\\').append(target.instance());
        }
        if (target.port() != 0) {
            url.append(':').append(target.port());
        }
        url.append(";databaseName=").append(target.database())
                .append(";encrypt=true;trustServerCertificate=").append(target.trustServerCertificate())
                .append(";loginTimeout=").append(Math.max(1, ceilSeconds(connectTimeout)))
                .append(";applicationName=").append(PROGRAM);
        if (target.windowsAuthentication()) {
            url.append(";integratedSecurity=true");
        }
        return new JdbcAddress(url.toString(), new Properties());
    }

    private static JdbcAddress oracle(OracleTarget target, Duration connectTimeout) {
        Properties options = new Properties();
        // Covers the TCP connect and, in ojdbc 23, the whole connection establishment; not later reads.
        options.setProperty("oracle.net.CONNECT_TIMEOUT", Long.toString(connectTimeout.toMillis()));
        options.setProperty("v$session.program", PROGRAM);
        if (target.isTnsAlias()) {
            options.setProperty("oracle.net.tns_admin", target.tnsAdmin().toString());
        }
        return new JdbcAddress("jdbc:oracle:thin:@" + target.connectIdentifier(), options);
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    /** The properties a driver gets: the options plus the credentials (none with Windows authentication). */
    Properties withCredentials(ConnectionSettings settings) {
        Properties all = new Properties();
        all.putAll(options);
        String user = user(settings);
        if (user != null) {
            all.setProperty("user", user);
            all.setProperty("password", settings.password().reveal());
        }
        return all;
    }

    private static String user(ConnectionSettings settings) {
        if (settings instanceof SqlServerTarget sqlServer) {
            return sqlServer.windowsAuthentication() ? null : sqlServer.user();
        }
        if (settings instanceof OracleTarget oracle) {
            return oracle.user();
        }
        return ((H2Target) settings).user();
    }
}
