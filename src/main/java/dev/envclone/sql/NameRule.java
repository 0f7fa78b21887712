package dev.envclone.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a name must look like before envclone splices it into SQL, a script or a parameter file.
 *
 * <p>The rules are deliberately narrower than what the DBMS accepts with quoting: a name that needs quoting to be
 * valid (spaces, quotes, brackets, {@code ;}, comment markers, line breaks) is almost always a typing or paste
 * mistake in a maintenance window, and rejecting it costs nothing. Names that pass are still quoted where spliced
 * into SQL ({@link Dialect#quote}), so a rule and its quoting never depend on each other alone.
 */
public enum NameRule {
    /** SQL Server regular identifier: logins, users, schemas, catalogs, logical file names. */
    SQLSERVER_IDENTIFIER(128, Pattern.compile("[A-Za-z_][A-Za-z0-9_@$#]*"),
            "use letters, digits, _, @, $ or #, starting with a letter or _"),
    /**
     * Oracle nonquoted identifier: users (schemas), tablespaces, directory objects. Oracle folds these to upper
     * case; envclone does the same so that quoting preserves the name Oracle would use.
     */
    ORACLE_IDENTIFIER(128, Pattern.compile("[A-Za-z][A-Za-z0-9_$#]*"),
            "use letters, digits, _, $ or #, starting with a letter"),
    /**
     * A login envclone connects with (SQL login, Oracle user): the identifier rules, but a built-in account such as
     * sa or SYSTEM is allowed, since a DBA may well run the cleanup with it.
     */
    LOGIN(128, Pattern.compile("[A-Za-z_][A-Za-z0-9_@$#]*"),
            "use letters, digits, _, @, $ or #, starting with a letter or _"),
    /** A physical table name read from ossys_entity: OSUSR_xxx_NAME style, never anything else. */
    PHYSICAL_TABLE(128, Pattern.compile("[A-Za-z_][A-Za-z0-9_]*"),
            "a physical table name has only letters, digits and _"),
    /** An environment name as shown in reports: Production, Pre-Production, QA 2. */
    ENVIRONMENT(64, Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._()-]*"),
            "use letters, digits, spaces, '.', '_', '-' or parentheses, starting with a letter or digit"),
    /** A Windows folder on the database server: D:\Data or \\server\share\Data. */
    WINDOWS_FOLDER(200, Pattern.compile("(?:[A-Za-z]:|\\\\\\\\[A-Za-z0-9_.$-]+\\\\[A-Za-z0-9_.$ -]+)(?:\\\\[A-Za-z0-9_.$ ()-]+)*\\\\?"),
            "give an absolute Windows folder such as D:\\Data or \\\\server\\share\\Data, with letters, digits, "
                    + "spaces, '.', '_', '-', '$' or parentheses in each part"),
    /** A folder on an Oracle database server: Windows (D:\oradata) or Unix (/u01/oradata/ORCL). */
    SERVER_FOLDER(200, Pattern.compile("(?:[A-Za-z]:(?:\\\\[A-Za-z0-9_.$ ()-]+)*\\\\?|(?:/[A-Za-z0-9_.$-]+)+/?)"),
            "give an absolute folder such as /u01/oradata/ORCL or D:\\oradata"),
    /** A SQL Server to connect to: host, host\instance or host,port. */
    SQLSERVER_SERVER(253, Pattern.compile("[A-Za-z0-9_.-]+(?:\\\\[A-Za-z0-9_$]+)?(?:,[0-9]{1,5})?"),
            "give host, host\\instance or host,port"),
    /** An Oracle database to connect to: a TNS alias or EZConnect host[:port]/service. */
    ORACLE_SERVICE(253, Pattern.compile("[A-Za-z0-9_.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9_.$-]+)?"),
            "give a TNS alias or host:port/service"),
    /** A Data Pump dump or log file name inside the DIRECTORY object; %U is Data Pump's file counter. */
    DUMP_FILE(200, Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.%-]*"),
            "use a plain file name with letters, digits, '.', '_', '-' or %U, no folder"),
    /** The part of a SQL Server backup file name unique to a plan, e.g. envclone_20261201T225100Z. */
    BACKUP_NAME(64, Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*"),
            "use letters, digits, '_' or '-', starting with a letter or digit, no folder and no extension"),
    /** The database host the SSH route connects to: a DNS name or an IPv4 address (no user, no port). */
    SSH_HOST(253, Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?"),
            "give the host's name or IPv4 address, such as dbhost.example.com or 10.0.0.5"),
    /** The OS account on the database host that runs expdp/impdp (oracle, svc_oracle, ora.admin). */
    OS_USER(32, Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*"),
            "use letters, digits, '.', '_' or '-', starting with a letter or _, as the account is named on the host"),
    /**
     * A file on the machine envclone runs on (an SSH key, a known_hosts file): an absolute path, Unix or Windows.
     * Read by envclone, never spliced into SQL or a command line.
     */
    LOCAL_FILE(1024, Pattern.compile("(?:/|[A-Za-z]:\\\\|\\\\\\\\)[^\\p{Cntrl}]*[^/\\\\\\p{Cntrl}]"),
            "give the file's absolute path on this machine, such as /home/me/.ssh/id_ed25519 or "
                    + "C:\\Users\\me\\.ssh\\id_ed25519"),
    /** A fixed FILEGROWTH increment: a whole number of MB or GB, never a percentage. */
    FILE_GROWTH(16, Pattern.compile("[1-9][0-9]{0,5}(?:MB|GB)"),
            "give a whole number of MB or GB such as 512MB or 1GB (fixed increments, not a percentage)");

    private final int maxLength;
    private final Pattern pattern;
    private final String advice;

    NameRule(int maxLength, Pattern pattern, String advice) {
        this.maxLength = maxLength;
        this.pattern = pattern;
        this.advice = advice;
    }

    public int maxLength() {
        return maxLength;
    }

    /**
     * Checks a name and returns it as it will be used (Oracle identifiers in upper case).
     *
     * <p>The message names every rule the value breaks, not only the first found: {@code OS'ADMIN;DROP} "contains
     * ';' and a quote". An operator who corrects one thing at a time would otherwise be refused again for the next.
     *
     * @param field what the user calls the field, e.g. "admin user"; named in the message
     * @throws InvalidNameException naming the field, the value and the rules it breaks
     */
    public String check(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidNameException(field, field + " is empty: " + advice + ".");
        }
        String printable = printable(value);
        List<String> broken = new ArrayList<>();
        List<String> remedies = new ArrayList<>();
        if (value.length() > maxLength) {
            broken.add("is " + value.length() + " characters long (the limit is " + maxLength + ")");
            printable = abbreviate(printable);
        }
        // What is left once each part already named is taken out: whether the rest breaks the rule too.
        String rest = value;
        List<String> dangers = dangerousParts(value);
        if (!dangers.isEmpty()) {
            broken.add("contains " + list(dangers));
            rest = withoutDangerousParts(rest);
        }
        String port = badPort(value);
        if (port != null) {
            broken.add("has port " + port);
            rest = this == SQLSERVER_SERVER ? rest.substring(0, rest.lastIndexOf(',') + 1) + "1"
                    : rest.replaceFirst(":[^/]*", ":1");
        }
        boolean shapeBroken = !rest.isEmpty() && !pattern.matcher(rest).matches();
        if (shapeBroken) {
            broken.add(dangers.isEmpty() && port == null ? "is not allowed" : "more that is not allowed");
        }
        if (!dangers.isEmpty() || shapeBroken) {
            remedies.add(advice);
        }
        if (port != null) {
            remedies.add("give a port from 1 to 65535");
        }
        String normalized = (this == ORACLE_IDENTIFIER ? rest.toUpperCase(Locale.ROOT) : rest);
        if (!shapeBroken && !rest.isEmpty()) {
            if (this == LOGIN && ReservedWords.isKeyword(normalized)) {
                broken.add("is a keyword in SQL Server or Oracle");
                remedies.add("choose another name");
            } else if (isIdentifier() && ReservedWords.isReserved(normalized)) {
                broken.add("is reserved in SQL Server or Oracle (a keyword or a built-in account)");
                remedies.add("choose another name");
            }
        }
        if (!broken.isEmpty()) {
            throw new InvalidNameException(field, field + " '" + printable + "' " + clauses(broken)
                    + (remedies.isEmpty() ? "" : ": " + String.join("; ", remedies)) + ".");
        }
        return this == ORACLE_IDENTIFIER ? value.toUpperCase(Locale.ROOT) : value;
    }

    /** The port of a server name (host,port or host:port/service) when outside TCP's range, 1 to 65535; or null. */
    private String badPort(String value) {
        String port = switch (this) {
            case SQLSERVER_SERVER -> value.contains(",") ? value.substring(value.indexOf(',') + 1) : null;
            case ORACLE_SERVICE -> value.contains(":") ? value.substring(value.indexOf(':') + 1).replaceFirst("/.*",
                    "") : null;
            default -> null;
        };
        if (port != null && (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1
                || Integer.parseInt(port) > 65535)) {
            return port;
        }
        return null;
    }

    /** "a, b and c". */
    private static String list(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** "contains ';' and a quote, and is reserved …": the clauses after the value, each rule once. */
    private static String clauses(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + ", and " + items.get(items.size() - 1);
    }

    private boolean isIdentifier() {
        return this == SQLSERVER_IDENTIFIER || this == ORACLE_IDENTIFIER || this == PHYSICAL_TABLE;
    }

    /** Names every dangerous thing in a value, in the words an administrator uses; empty when there is none. */
    private static List<String> dangerousParts(String value) {
        List<String> found = new ArrayList<>();
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            found.add("a line break");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r') {
                found.add("a control character");
                break;
            }
        }
        if (value.contains("--") || value.contains("/*") || value.contains("*/")) {
            found.add("a comment marker");
        }
        if (value.indexOf(';') >= 0) {
            found.add("';'");
        }
        if (value.indexOf('\'') >= 0 || value.indexOf('"') >= 0 || value.indexOf('`') >= 0) {
            found.add("a quote");
        }
        if (value.indexOf('[') >= 0 || value.indexOf(']') >= 0) {
            found.add("a bracket");
        }
        if (!value.equals(value.strip())) {
            found.add("leading or trailing spaces");
        }
        return found;
    }

    /** The value with each dangerous part taken out, to see whether what is left breaks the rule as well. */
    private static String withoutDangerousParts(String value) {
        return value.replaceAll("\\p{Cntrl}|--|/\\*|\\*/|[;'\"`\\[\\]]", "").strip();
    }

    /** A value as a one-line message can show it: line breaks and control characters escaped. */
    public static String printable(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
