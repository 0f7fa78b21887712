package dev.envclone.db;

import dev.envclone.db.TargetUrl.Rule;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * mssql-jdbc's URL, read as its parser reads it ({@code Util.parseUrl}, 13.6):
 * {@code jdbc:sqlserver://[host][\instance][:port][;name=value]...}. Names are case-insensitive and trimmed, and
 * have synonyms ({@code database} for {@code databaseName}...); a value is trimmed, or taken as it is between
 * braces, where {@code }}} stands for a brace; the last of two equal names wins. Host, instance and port may also
 * come as properties.
 */
final class SqlServerUrl {
    private static final String PREFIX = "jdbc:sqlserver://";
    /** mssql-jdbc's synonyms (SQLServerDriver.driverPropertiesSynonyms) for the properties read here. */
    private static final Map<String, String> SYNONYMS = Map.of("database", "databasename", "server", "servername",
            "port", "portnumber", "username", "user", "uid", "user");

    private SqlServerUrl() {
    }

    static TargetUrl read(String url) {
        if (!url.startsWith(PREFIX)) {
            throw new Rule("a SQL Server URL starts with " + PREFIX + ": " + TargetUrl.FORMS);
        }
        String rest = url.substring(PREFIX.length());
        int semicolon = rest.indexOf(';');
        String authority = semicolon < 0 ? rest : rest.substring(0, semicolon);
        Map<String, String> properties = new HashMap<>();
        authority(authority, properties);
        if (semicolon >= 0) {
            properties(rest.substring(semicolon + 1), properties);
        }
        String host = properties.get("servername");
        String instance = properties.get("instancename");
        if (host != null && host.contains("\\")) {
            instance = host.substring(host.indexOf('\\') + 1);
            host = host.substring(0, host.indexOf('\\'));
        }
        if (host == null) {
            throw new Rule("no host: " + TargetUrl.FORMS);
        }
        host = TargetUrl.host(host);
        if (instance != null && !instance.isEmpty()) {
            try {
                FieldCheck.instance("instance", instance);
            } catch (IllegalArgumentException e) {
                throw new Rule("instance '" + instance + "' is not allowed: use up to 16 letters, digits, _ or $, "
                        + "starting with a letter");
            }
        }
        int port = properties.containsKey("portnumber") ? TargetUrl.port(properties.get("portnumber")) : 0;
        String database = properties.get("databasename");
        if (database == null || database.isEmpty()) {
            throw new Rule("no database: add ;databaseName=DB, the restored platform database");
        }
        return new TargetUrl(url, TargetUrl.Driver.SQLSERVER, host, port, database, null, properties);
    }

    /** {@code host[\instance][:port]}, each part trimmed. */
    private static void authority(String authority, Map<String, String> properties) {
        String rest = authority;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            properties.put("portnumber", rest.substring(colon + 1).strip());
            rest = rest.substring(0, colon);
        }
        int backslash = rest.indexOf('\\');
        if (backslash >= 0) {
            properties.put("instancename", rest.substring(backslash + 1).strip());
            rest = rest.substring(0, backslash);
        }
        if (!rest.isBlank()) {
            properties.put("servername", rest.strip());
        }
    }

    private static void properties(String text, Map<String, String> properties) {
        int i = 0;
        while (i < text.length()) {
            int equals = text.indexOf('=', i);
            int semicolon = text.indexOf(';', i);
            if (equals < 0 || (semicolon >= 0 && semicolon < equals)) {
                String stray = (semicolon < 0 ? text.substring(i) : text.substring(i, semicolon)).strip();
                if (!stray.isEmpty()) {
                    throw new Rule("'" + stray + "' is not a name=value property");
                }
                i = semicolon < 0 ? text.length() : semicolon + 1;
                continue;
            }
            String name = text.substring(i, equals).strip();
            if (name.isEmpty()) {
                throw new Rule("a property has no name before '='");
            }
            StringBuilder value = new StringBuilder();
            int end = value(text, equals + 1, value);
            String key = name.toLowerCase(Locale.ROOT);
            properties.put(SYNONYMS.getOrDefault(key, key), value.toString());
            i = end;
        }
    }

    /** Reads one value from {@code start}; returns the index after its {@code ;} (or the end). */
    private static int value(String text, int start, StringBuilder value) {
        int i = start;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '{') {
            for (i++; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                    value.append('}');
                    i++;
                } else if (c == '}') {
                    break;
                } else {
                    value.append(c);
                }
            }
            if (i >= text.length()) {
                throw new Rule("a value in braces has no closing }");
            }
            for (i++; i < text.length() && text.charAt(i) != ';'; i++) {
                if (text.charAt(i) != ' ') {
                    throw new Rule("text follows a value in braces: end it with ;");
                }
            }
            return i + 1;
        }
        int semicolon = text.indexOf(';', i);
        value.append(text, i, semicolon < 0 ? text.length() : semicolon);
        if (value.indexOf("{") >= 0) {
            throw new Rule("a '{' inside a value: put the whole value in braces");
        }
        String trimmed = value.toString().strip();
        value.setLength(0);
        value.append(trimmed);
        return semicolon < 0 ? text.length() : semicolon + 1;
    }
}
