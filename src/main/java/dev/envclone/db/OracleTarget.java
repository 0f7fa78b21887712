package dev.envclone.db;

import dev.envclone.sql.InvalidNameException;
import dev.envclone.sql.NameRule;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Oracle database to connect to (ojdbc11 thin driver), in one of the three forms an Oracle DBA hands out: host,
 * port and service name; an EZConnect string; or a TNS alias with the folder holding its tnsnames.ora.
 *
 * @param connectIdentifier what follows {@code @} in the JDBC URL: {@code //host:port/service}, an EZConnect
 *     string such as {@code tcps://host:2484/service}, or a TNS alias
 * @param tnsAdmin the TNS_ADMIN folder when {@code connectIdentifier} is an alias, otherwise null
 * @param user the Oracle user (upper case, as Oracle folds it)
 * @param password its password
 */
public record OracleTarget(String connectIdentifier, Path tnsAdmin, String user, Secret password)
        implements ConnectionSettings {
    /** EZConnect: an optional protocol (tcp, tcps) or {@code //}, then host[:port][/service]. */
    private static final Pattern EZCONNECT = Pattern.compile("((?:tcps?:)?//)?([^:/]+)(?::([0-9]+))?(?:/(.+))?",
            Pattern.CASE_INSENSITIVE);
    private static final int DEFAULT_PORT = 1521;

    public OracleTarget {
        if (tnsAdmin == null) {
            ezConnect(connectIdentifier);
        } else {
            FieldCheck.tnsAlias("TNS alias", connectIdentifier);
            tnsAdmin = FieldCheck.folder("TNS_ADMIN folder", tnsAdmin);
        }
        user = NameRule.LOGIN.check("Oracle user", user).toUpperCase(java.util.Locale.ROOT);
        FieldCheck.password("password", password, "user " + user);
    }

    /** Host, port and service name, as in {@code jdbc:oracle:thin:@//host:port/service}. */
    public static OracleTarget service(String host, int port, String service, String user, char[] password) {
        NameRule.ORACLE_SERVICE.check("Oracle host", host);
        FieldCheck.port("Oracle port", port);
        NameRule.ORACLE_SERVICE.check("Oracle service name", service);
        return new OracleTarget("//" + host + ":" + port + "/" + service, null, user, Secret.of(password));
    }

    /** An EZConnect string: {@code host:port/service}, {@code //host/service}, {@code tcps://host:2484/service}. */
    public static OracleTarget ezConnect(String ezConnect, String user, char[] password) {
        return new OracleTarget(ezConnect, null, user, Secret.of(password));
    }

    /** A TNS alias, resolved in {@code tnsAdmin/tnsnames.ora} (the driver reads no TNS_ADMIN variable). */
    public static OracleTarget tnsAlias(String alias, Path tnsAdmin, String user, char[] password) {
        return new OracleTarget(alias, tnsAdmin, user, Secret.of(password));
    }

    private static Matcher ezConnect(String value) {
        NameRule.ORACLE_SERVICE.check("EZConnect string", value == null ? null
                : value.replaceFirst("(?i)^(tcps?:)?//", ""));
        Matcher matcher = EZCONNECT.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidNameException("EZConnect string", "EZConnect string '" + value
                    + "' is not allowed: give host:port/service, optionally after tcp:// or tcps://.");
        }
        return matcher;
    }

    /** Whether this is a TNS alias (otherwise an EZConnect string). */
    public boolean isTnsAlias() {
        return tnsAdmin != null;
    }

    @Override
    public String host() {
        return isTnsAlias() ? "the host of TNS alias " + connectIdentifier : ezConnect(connectIdentifier).group(2);
    }

    @Override
    public String server() {
        if (isTnsAlias()) {
            return "TNS alias " + connectIdentifier;
        }
        String port = ezConnect(connectIdentifier).group(3);
        return host() + ":" + (port == null ? DEFAULT_PORT : port);
    }

    /** The service name, or null when the EZConnect string gives none or the target is a TNS alias. */
    public String service() {
        return isTnsAlias() ? null : ezConnect(connectIdentifier).group(4);
    }

    @Override
    public String target() {
        if (isTnsAlias()) {
            return "Oracle TNS alias " + connectIdentifier + " (TNS_ADMIN " + tnsAdmin + ")";
        }
        return "Oracle " + server() + (service() == null ? "" : "/" + service());
    }

    @Override
    public String login() {
        return "user " + user;
    }

    @Override
    public String describe() {
        boolean tcps = !isTnsAlias() && connectIdentifier.regionMatches(true, 0, "tcps:", 0, 5);
        return target() + ", user " + user + (tcps ? ", TLS (tcps): the server certificate is validated against "
                + "this machine's trust store" : "");
    }

    @Override
    public String toString() {
        return describe();
    }
}
