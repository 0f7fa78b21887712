package dev.envclone.db;

import dev.envclone.db.TargetUrl.Rule;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ojdbc thin's URL, in the forms its reference (Oracle JDBC 23ai, "URL Formats") lists and ojdbc11 23.26 accepts:
 * EZConnect {@code @[tcp:|tcps:][//]host[,host...][:port][/service][:server_mode][/instance]}, the older
 * {@code @host:port:SID}, a connect descriptor {@code @(DESCRIPTION=...)}, a TNS alias {@code @alias} and LDAP
 * {@code @ldap://host:port/name,cn=OracleContext,...}; each may end in {@code ?name=value&...} (connection
 * properties, e.g. {@code TNS_ADMIN}). ojdbc also takes {@code user/password@} (the password quoted or not) before
 * the {@code @}: envclone refuses it, the user and password have their own options.
 */
final class OracleUrl {
    private static final String PREFIX = "jdbc:oracle:thin:";
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.$#-]*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_$#]*");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,127}");
    private static final Pattern SID_FORM = Pattern.compile("([^:/]+):([^:/]*):([^:/]*)");
    private static final Pattern DESCRIPTOR_HOST = Pattern.compile("(?i)\\(\\s*HOST\\s*=\\s*([^()]*)\\)");
    private static final Pattern DESCRIPTOR_PORT = Pattern.compile("(?i)\\(\\s*PORT\\s*=\\s*([^()]*)\\)");
    private static final Pattern DESCRIPTOR_SERVICE = Pattern.compile(
            "(?i)\\(\\s*(?:SERVICE_NAME|SID)\\s*=\\s*([^()]*)\\)");

    private OracleUrl() {
    }

    /** Whether an Oracle URL has {@code user/password@} (or {@code user/@}) before its connect identifier. */
    static boolean holdsCredentials(String url) {
        String credentials = credentials(url);
        return credentials != null && credentials.contains("/");
    }

    /** What stands between {@code jdbc:oracle:DRIVER:} and the first {@code @} outside quotes; null without one. */
    private static String credentials(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:oracle:", 0, 12)) {
            return null;
        }
        int driverEnd = url.indexOf(':', 12);
        if (driverEnd < 0) {
            return null;
        }
        boolean quoted = false;
        for (int i = driverEnd + 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '@' && !quoted) {
                return url.substring(driverEnd + 1, i);
            }
        }
        return null;
    }

    static TargetUrl read(String url) {
        if (!url.startsWith(PREFIX)) {
            throw new Rule("envclone uses the thin driver: " + TargetUrl.FORMS);
        }
        String credentials = credentials(url);
        if (credentials == null) {
            // Not shown: what was typed there may be user/password without its '@'.
            throw new Rule("the Oracle URL has no '@' before its connect identifier: " + TargetUrl.FORMS, false);
        }
        if (!credentials.isEmpty()) {
            throw new Rule("the URL holds a user name before '@': give it through the user option instead");
        }
        String identifier = url.substring(PREFIX.length() + 1);
        int query = identifier.startsWith("(") ? identifier.indexOf('?', identifier.lastIndexOf(')') + 1)
                : identifier.indexOf('?');
        Map<String, String> properties = query < 0 ? Map.of() : properties(identifier.substring(query + 1));
        String address = query < 0 ? identifier : identifier.substring(0, query);
        if (address.isBlank()) {
            throw new Rule("no connect identifier after '@': " + TargetUrl.FORMS);
        }
        if (address.startsWith("(")) {
            return descriptor(url, address, properties);
        }
        if (address.regionMatches(true, 0, "ldap://", 0, 7) || address.regionMatches(true, 0, "ldaps://", 0, 8)) {
            return ldap(url, address, properties);
        }
        return ezConnect(url, address, properties);
    }

    private static TargetUrl ezConnect(String url, String address, Map<String, String> properties) {
        String rest = address.replaceFirst("(?i)^tcps?:", "");
        boolean protocol = rest.length() != address.length();
        boolean slashes = rest.startsWith("//");
        rest = slashes ? rest.substring(2) : rest;
        int slash = rest.indexOf('/');
        if (slash < 0) {
            Matcher sid = SID_FORM.matcher(rest);
            if (sid.matches()) {
                String host = TargetUrl.host(sid.group(1));
                int port = TargetUrl.port(sid.group(2));
                return new TargetUrl(url, TargetUrl.Driver.ORACLE, host, port, checked("SID", sid.group(3),
                        IDENTIFIER), null, properties);
            }
            if (protocol || slashes || rest.contains(":") || rest.contains(",")) {
                throw new Rule("no service name: end the address with /SERVICE");
            }
            return new TargetUrl(url, TargetUrl.Driver.ORACLE, null, 0, checked("TNS alias", rest, ALIAS), null,
                    properties);
        }
        String firstHost = null;
        int firstPort = 0;
        for (String entry : rest.substring(0, slash).split(",", -1)) {
            int colon = entry.lastIndexOf(':');
            boolean hasPort = colon >= 0 && !entry.endsWith("]");
            String host = TargetUrl.host(hasPort ? entry.substring(0, colon) : entry);
            int port = hasPort ? TargetUrl.port(entry.substring(colon + 1)) : 0;
            if (firstHost == null) {
                firstHost = host;
                firstPort = port;
            }
        }
        String[] service = rest.substring(slash + 1).split("/", -1);
        if (service.length > 2) {
            throw new Rule("'" + rest.substring(slash + 1) + "' is not SERVICE[:MODE][/INSTANCE]");
        }
        String name = service[0];
        int mode = name.indexOf(':');
        if (mode >= 0) {
            String serverMode = name.substring(mode + 1);
            if (!serverMode.matches("(?i)dedicated|shared|pooled")) {
                throw new Rule("server mode '" + serverMode + "' is not dedicated, shared or pooled");
            }
            name = name.substring(0, mode);
        }
        checked("service name", name, SERVICE);
        if (service.length == 2) {
            checked("instance name", service[1], IDENTIFIER);
        }
        return new TargetUrl(url, TargetUrl.Driver.ORACLE, firstHost, firstPort, name, null, properties);
    }

    private static TargetUrl descriptor(String url, String address, Map<String, String> properties) {
        // One group: (DESCRIPTION=...) or (DESCRIPTION_LIST=...), closed by its last character.
        int depth = 0;
        for (int i = 0; i < address.length(); i++) {
            depth += address.charAt(i) == '(' ? 1 : address.charAt(i) == ')' ? -1 : 0;
            if (depth < 0 || (depth == 0 && i < address.strip().length() - 1)) {
                throw new Rule("the connect descriptor's parentheses do not match");
            }
        }
        if (depth != 0) {
            throw new Rule("the connect descriptor's parentheses do not match");
        }
        String firstHost = null;
        Matcher host = DESCRIPTOR_HOST.matcher(address);
        while (host.find()) {
            String checked = TargetUrl.host(host.group(1));
            firstHost = firstHost == null ? checked : firstHost;
        }
        if (firstHost == null) {
            throw new Rule("the connect descriptor names no (HOST=...)");
        }
        int firstPort = 0;
        Matcher port = DESCRIPTOR_PORT.matcher(address);
        while (port.find()) {
            int checked = TargetUrl.port(port.group(1));
            firstPort = firstPort == 0 ? checked : firstPort;
        }
        Matcher service = DESCRIPTOR_SERVICE.matcher(address);
        if (!service.find()) {
            throw new Rule("the connect descriptor names no (SERVICE_NAME=...) or (SID=...)");
        }
        String name = checked("service name", service.group(1).strip(), SERVICE);
        return new TargetUrl(url, TargetUrl.Driver.ORACLE, firstHost, firstPort, name, null, properties);
    }

    private static TargetUrl ldap(String url, String address, Map<String, String> properties) {
        String rest = address.substring(address.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw new Rule("no database name after the LDAP server: ldap://HOST:PORT/NAME,cn=OracleContext,...");
        }
        String authority = rest.substring(0, slash);
        int colon = authority.lastIndexOf(':');
        boolean hasPort = colon >= 0 && !authority.endsWith("]");
        String host = TargetUrl.host(hasPort ? authority.substring(0, colon) : authority);
        int port = hasPort ? TargetUrl.port(authority.substring(colon + 1)) : 0;
        String name = rest.substring(slash + 1);
        int comma = name.indexOf(',');
        return new TargetUrl(url, TargetUrl.Driver.ORACLE, host, port, checked("database name",
                comma < 0 ? name : name.substring(0, comma), SERVICE), null, properties);
    }

    /** {@code name=value&name="value"...}; TNS_ADMIN must name a folder on this machine. */
    private static Map<String, String> properties(String query) {
        Map<String, String> properties = new HashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new Rule("'" + pair + "' is not a name=value property");
            }
            String value = pair.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            properties.put(pair.substring(0, equals).strip().toLowerCase(Locale.ROOT), value);
        }
        String tnsAdmin = properties.get("tns_admin");
        if (tnsAdmin != null) {
            try {
                if (!Files.isDirectory(Path.of(tnsAdmin))) {
                    throw new Rule("TNS_ADMIN folder " + tnsAdmin + " is not a folder on this machine");
                }
            } catch (InvalidPathException e) {
                throw new Rule("TNS_ADMIN '" + tnsAdmin + "' is not a usable path");
            }
        }
        return properties;
    }

    private static String checked(String what, String value, Pattern pattern) {
        if (value.isEmpty()) {
            throw new Rule("no " + what + ": " + TargetUrl.FORMS);
        }
        if (!pattern.matcher(value).matches()) {
            throw new Rule(what + " '" + value + "' is not allowed");
        }
        return value;
    }
}
