package dev.envclone.db;

import dev.envclone.sql.InvalidNameException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks for connection fields that no {@link dev.envclone.sql.NameRule} covers (they are never spliced into SQL,
 * only into a JDBC URL or a driver property). The messages follow NameRule's style: the field named, the value
 * shown, what to type instead.
 */
final class FieldCheck {
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z][A-Za-z0-9_$]{0,15}");
    private static final Pattern TNS_ALIAS = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,127}");
    private static final Pattern H2_URL = Pattern.compile("jdbc:h2:[^\\p{Cntrl}]+");
    private static final Pattern H2_CREDENTIAL = Pattern.compile("(?i).*;\\s*(USER|PASSWORD)\\s*=.*");

    private FieldCheck() {
    }

    /** A SQL Server instance name: at most 16 characters (SQL Server's own limit). */
    static String instance(String field, String value) {
        return matching(field, value, INSTANCE, "use up to 16 letters, digits, _ or $, starting with a letter");
    }

    /** A TNS alias as written in tnsnames.ora: PROD, PROD.world. */
    static String tnsAlias(String field, String value) {
        return matching(field, value, TNS_ALIAS, "use letters, digits, '.', '_' or '-', starting with a letter, "
                + "as the alias is written in tnsnames.ora");
    }

    /** A TCP port; 0 is allowed by the callers that mean "the default". */
    static int port(String field, int value) {
        if (value < 1 || value > 65535) {
            throw new InvalidNameException(field, field + " '" + value + "' is not allowed: give a number from 1 to "
                    + "65535.");
        }
        return value;
    }

    /** The folder holding tnsnames.ora (what TNS_ADMIN names); it must exist on this machine. */
    static Path folder(String field, Path value) {
        if (value == null) {
            throw new InvalidNameException(field, field + " is empty: give the folder that holds tnsnames.ora.");
        }
        if (!Files.isDirectory(value)) {
            throw new InvalidNameException(field, field + " '" + value + "' is not a folder on this machine: give "
                    + "the folder that holds tnsnames.ora.");
        }
        return value.toAbsolutePath();
    }

    /** An H2 URL as given; the credentials belong in their own fields, where they are kept out of every text. */
    static String h2Url(String field, String value) {
        String url = matching(field, value, H2_URL, "give a URL such as jdbc:h2:/path/to/db;MODE=MSSQLServer on "
                + "one line");
        if (H2_CREDENTIAL.matcher(url).matches()) {
            throw new InvalidNameException(field, field + " '" + url.replaceAll("(?i)(PASSWORD\\s*=)[^;]*", "$1****")
                    + "' holds a user or password setting: type them in the user and password fields instead.");
        }
        return url;
    }

    /** A user name for H2: no quotes, separators or control characters. */
    static String h2User(String field, String value) {
        return matching(field, value, Pattern.compile("[A-Za-z0-9_$]{1,128}"), "use letters, digits, _ or $")
                .toUpperCase(Locale.ROOT);
    }

    /** A password that must be given (SQL login, Oracle user). */
    static Secret password(String field, Secret value, String login) {
        if (value == null || value.isEmpty()) {
            throw new InvalidNameException(field, field + " is empty: type the password of " + login + ".");
        }
        return value;
    }

    private static String matching(String field, String value, Pattern pattern, String advice) {
        if (value == null || value.isEmpty()) {
            throw new InvalidNameException(field, field + " is empty: " + advice + ".");
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidNameException(field, field + " '" + printable(value) + "' is not allowed: " + advice
                    + ".");
        }
        return value;
    }

    private static String printable(String value) {
        return value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
