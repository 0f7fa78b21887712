package dev.envclone.db;

import java.nio.file.Path;
import java.util.Map;

/**
 * A target's JDBC URL, read by the rules of the driver that will get it, before anything is created or connected:
 * mssql-jdbc ({@code jdbc:sqlserver://host[\instance][:port];databaseName=DB...}), ojdbc thin
 * ({@code jdbc:oracle:thin:@//host:port/service}, {@code @host:port:SID}, {@code @(DESCRIPTION=...)}, a TNS alias)
 * or H2 (the rehearsal sandbox: a file that must exist, or {@code tcp://}). The scheme, host, port (1 to 65535) and
 * database or service are checked; a URL that holds a password in any form a driver accepts is refused without
 * showing it, since the URL is journaled and shown. A failure is an {@link IllegalArgumentException} whose
 * one-line message names the field and the rule.
 */
public final class TargetUrl {
    /** The driver a URL is for. */
    public enum Driver { SQLSERVER, ORACLE, H2 }

    static final String FORMS = "use jdbc:sqlserver://HOST[:PORT];databaseName=DB, "
            + "jdbc:oracle:thin:@//HOST:PORT/SERVICE or the sandbox's jdbc:h2:... URL";

    private final String url;
    private final Driver driver;
    private final String host;
    private final int port;
    private final String database;
    private final Path h2File;
    private final Map<String, String> properties;

    TargetUrl(String url, Driver driver, String host, int port, String database, Path h2File,
            Map<String, String> properties) {
        this.url = url;
        this.driver = driver;
        this.host = host;
        this.port = port;
        this.database = database;
        this.h2File = h2File;
        this.properties = Map.copyOf(properties);
    }

    /** The {@code --target} option of a command: a password belongs in {@code --password-env}. */
    public static TargetUrl ofOption(String option, String url) {
        return parse(option, url, "give it through --password-env VAR instead");
    }

    /**
     * Reads and checks a target URL.
     *
     * @param field what the operator calls it, named first in the message: {@code --target}, {@code JDBC URL}
     * @param passwordAdvice where the password goes instead, e.g. "type it in the Password field instead"
     * @throws IllegalArgumentException naming the field, the rule and what to do; never the password
     */
    public static TargetUrl parse(String field, String url, String passwordAdvice) {
        return parse(field, url, passwordAdvice, false);
    }

    /**
     * The target of a clone ({@code --target} with {@code --source}): read as {@link #ofOption}, except that an H2
     * file database need not exist yet, since the sandbox clone creates it ({@link #h2File()} names the file).
     */
    public static TargetUrl ofCloneTarget(String option, String url) {
        return parse(option, url, "give it through --password-env VAR instead", true);
    }

    private static TargetUrl parse(String field, String url, String passwordAdvice, boolean h2MayBeMissing) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(field + " is empty: " + FORMS + ".");
        }
        for (int i = 0; i < url.length(); i++) {
            if (Character.isISOControl(url.charAt(i))) {
                throw new IllegalArgumentException(field + " holds a line break or control character: give the URL "
                        + "on one line.");
            }
        }
        if (UrlSecrets.holdsSecret(url) || OracleUrl.holdsCredentials(url)) {
            throw new IllegalArgumentException(field + ": the URL holds a password; " + passwordAdvice + ".");
        }
        try {
            if (!url.equals(url.strip())) {
                throw new Rule("it starts or ends with spaces: remove them");
            }
            if (url.startsWith("jdbc:sqlserver:")) {
                return SqlServerUrl.read(url);
            }
            if (url.startsWith("jdbc:oracle:")) {
                return OracleUrl.read(url);
            }
            if (url.startsWith("jdbc:h2:")) {
                return H2Url.read(url, h2MayBeMissing);
            }
            if (url.regionMatches(true, 0, "jdbc:sqlserver:", 0, 15) || url.regionMatches(true, 0, "jdbc:oracle:", 0,
                    12) || url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
                throw new Rule("write the scheme in lower case, as the driver reads it");
            }
            throw new Rule("not a JDBC URL: " + FORMS);
        } catch (Rule rule) {
            throw new IllegalArgumentException(field + (rule.showUrl ? " " + UrlSecrets.mask(url) : "") + ": "
                    + rule.getMessage() + ".");
        }
    }

    /** The message {@link #parse} would give, or null when the URL is fine (for a form's field). */
    public static String problem(String field, String url, String passwordAdvice) {
        try {
            parse(field, url, passwordAdvice);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * {@link #problem} for the target of a clone (the wizard with a source connection): an H2 file database need
     * not exist yet, since the sandbox clone creates it.
     */
    public static String cloneTargetProblem(String field, String url, String passwordAdvice) {
        try {
            parse(field, url, passwordAdvice, true);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The URL as given (it holds no password). */
    public String url() {
        return url;
    }

    public Driver driver() {
        return driver;
    }

    /** The host, or null for an H2 file or memory database and an Oracle TNS alias. */
    public String host() {
        return host;
    }

    /** The port given, or 0 for the driver's default. */
    public int port() {
        return port;
    }

    /**
     * SQL Server: the database (catalog); Oracle: the service name, SID or TNS alias; H2: the database part of the
     * URL (file path, {@code mem:name} or {@code tcp://host:port/path}).
     */
    public String database() {
        return database;
    }

    /** The H2 database file ({@code .mv.db}) for a file URL, else null. */
    public Path h2File() {
        return h2File;
    }

    /** A SQL Server property as the driver reads it (name in lower case, synonyms resolved), or null. */
    String property(String lowerCaseName) {
        return properties.get(lowerCaseName);
    }

    @Override
    public String toString() {
        return url;
    }

    /** A rule a URL breaks, in words for the message after "FIELD URL: ". */
    static final class Rule extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** False when the URL may hold a secret in a form no driver reads, so that the mask would miss it. */
        private final boolean showUrl;

        Rule(String message) {
            this(message, true);
        }

        Rule(String message, boolean showUrl) {
            super(message, null, false, false);
            this.showUrl = showUrl;
        }
    }

    /** A port as the drivers take it: digits, 1 to 65535. */
    static int port(String text) {
        String value = text.strip();
        if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) {
            throw new Rule("port '" + value + "' is not allowed: give a number from 1 to 65535");
        }
        return Integer.parseInt(value);
    }

    /** A host name or address: letters, digits, '.', '-', '_', or an IPv6 address in brackets. */
    static String host(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new Rule("no host: " + FORMS);
        }
        if (!value.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}|\\[[0-9A-Fa-f:.]{2,45}]")) {
            throw new Rule("host '" + value + "' is not allowed: give a host name or address");
        }
        return value;
    }
}
