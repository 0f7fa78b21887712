package dev.envclone.db;

import dev.envclone.db.TargetUrl.Rule;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An H2 URL as a target: the rehearsal sandbox ({@code jdbc:h2:file:PATH;MODE=...}), an H2 server
 * ({@code jdbc:h2:tcp://host:port/PATH}) or, in tests, a memory database that is already open. A target is never
 * created: a file database must exist, and every connection is opened with {@code IFEXISTS=TRUE}
 * ({@link JdbcAddress}). Only the settings {@code envclone sandbox create} prints are accepted, as H2 reads
 * them (name up to {@code =}, not trimmed, in any case): others, such as {@code INIT} (which runs SQL, RUNSCRIPT
 * included, at connection), {@code TRACE_LEVEL_FILE}, {@code FILE_LOCK} or {@code ACCESS_MODE_DATA}, are refused by
 * name.
 */
final class H2Url {
    private static final String PREFIX = "jdbc:h2:";
    /** COLLATION: the sandbox URLs of earlier versions carry it (run folders recorded them); JdbcAddress drops it. */
    static final List<String> SETTINGS = List.of("MODE", "DATABASE_TO_UPPER", "CASE_INSENSITIVE_IDENTIFIERS",
            "IGNORECASE", "COLLATION", "DEFAULT_NULL_ORDERING", "WRITE_DELAY", "IFEXISTS");

    private H2Url() {
    }

    static TargetUrl read(String url) {
        return read(url, false);
    }

    /** @param mayBeMissing true for a clone's target, which the clone creates (and only the clone) */
    static TargetUrl read(String url, boolean mayBeMissing) {
        String rest = url.substring(PREFIX.length());
        int semicolon = rest.indexOf(';');
        String database = semicolon < 0 ? rest : rest.substring(0, semicolon);
        Map<String, String> settings = settings(semicolon < 0 ? "" : rest.substring(semicolon + 1));
        String lower = database.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:")) {
            return new TargetUrl(url, TargetUrl.Driver.H2, null, 0, database, null, settings);
        }
        if (lower.startsWith("tcp://") || lower.startsWith("ssl://")) {
            return server(url, database, settings);
        }
        String path = lower.startsWith("file:") ? database.substring("file:".length()) : database;
        if (path.matches("[A-Za-z][A-Za-z0-9]+:.*")) {
            throw new Rule("H2 file system '" + path.substring(0, path.indexOf(':') + 1) + "' is not allowed: use "
                    + "the jdbc:h2:file:PATH URL envclone sandbox create prints");
        }
        Path file = file(path);
        if (!mayBeMissing && !Files.isRegularFile(file)) {
            throw new Rule("no H2 database at " + path + " (" + file + " does not exist): make one with envclone "
                    + "sandbox create");
        }
        return new TargetUrl(url, TargetUrl.Driver.H2, null, 0, database, file, settings);
    }

    /** The settings after the database part, each one allowed; refused by name otherwise. */
    static Map<String, String> settings(String text) {
        if (text.indexOf('\\') >= 0) {
            throw new Rule("the H2 settings hold a '\\': give only the settings envclone sandbox create prints");
        }
        Map<String, String> settings = new HashMap<>();
        for (String setting : text.split(";")) {
            if (setting.isEmpty()) {
                continue;
            }
            int equals = setting.indexOf('=');
            String name = (equals < 0 ? setting : setting.substring(0, equals)).toUpperCase(Locale.ROOT);
            if (name.equals("USER")) {
                throw new Rule("H2 setting USER is not allowed on a target: give the user through its own option");
            }
            if (!SETTINGS.contains(name)) {
                throw new Rule("H2 setting " + name + " is not allowed on a target: use only "
                        + String.join(", ", SETTINGS.stream().filter(s -> !s.equals("COLLATION")).toList())
                        + " (the settings envclone sandbox create prints)");
            }
            if (equals < 0) {
                throw new Rule("H2 setting " + name + " has no value: write " + name + "=VALUE");
            }
            String value = setting.substring(equals + 1);
            if (name.equals("IFEXISTS") && !value.equalsIgnoreCase("TRUE")) {
                throw new Rule("IFEXISTS=" + value + " would create a database that is not there: leave it out");
            }
            if (settings.put(name, value) != null) {
                throw new Rule("H2 setting " + name + " is given twice");
            }
        }
        return settings;
    }

    private static TargetUrl server(String url, String database, Map<String, String> settings) {
        String rest = database.substring("tcp://".length());
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw new Rule("no database path after the H2 server: jdbc:h2:tcp://HOST:PORT/PATH");
        }
        String authority = rest.substring(0, slash);
        int colon = authority.lastIndexOf(':');
        boolean hasPort = colon >= 0 && !authority.endsWith("]");
        String host = TargetUrl.host(hasPort ? authority.substring(0, colon) : authority);
        int port = hasPort ? TargetUrl.port(authority.substring(colon + 1)) : 0;
        return new TargetUrl(url, TargetUrl.Driver.H2, host, port, database, null, settings);
    }

    /** The {@code .mv.db} file H2 opens for a path; H2 itself refuses a path implicitly relative. */
    private static Path file(String path) {
        if (path.isEmpty()) {
            throw new Rule("no database path after jdbc:h2:");
        }
        String expanded = path.startsWith("~") ? System.getProperty("user.home") + path.substring(1) : path;
        try {
            Path file = Path.of(expanded + ".mv.db");
            if (!file.isAbsolute() && !path.startsWith("./") && !path.startsWith("../") && !path.startsWith(".\\")
                    && !path.startsWith("..\\")) {
                throw new Rule("H2 path " + path + " is relative: give an absolute path, ./PATH or ~/PATH");
            }
            return file.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new Rule("H2 path " + path + " is not a usable path: " + e.getReason());
        }
    }
}
