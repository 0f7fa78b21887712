package dev.envclone.db;

import dev.envclone.sql.InvalidNameException;
import java.util.Locale;

/**
 * An H2 database given by its JDBC URL, as {@code envclone sandbox create} prints it (the rehearsal sandbox) or as a
 * test makes it. The URL is used as given; user and password are kept out of it so that the URL can be shown.
 *
 * @param url e.g. {@code jdbc:h2:/runs/rehearsal/db;MODE=MSSQLServer;...}
 * @param user the H2 user ({@code SA} for the sandbox)
 * @param password the password ({@link Secret#empty()} for the sandbox)
 */
public record H2Target(String url, String user, Secret password) implements ConnectionSettings {

    public H2Target {
        FieldCheck.h2Url("H2 URL", url);
        try {
            H2Url.settings(url.indexOf(';') < 0 ? "" : url.substring(url.indexOf(';') + 1));
        } catch (TargetUrl.Rule rule) {
            throw new InvalidNameException("H2 URL", "H2 URL '" + UrlSecrets.mask(url) + "': " + rule.getMessage()
                    + ".");
        }
        user = FieldCheck.h2User("H2 user", user);
        password = password == null ? Secret.empty() : password;
    }

    public static H2Target of(String url, String user, char[] password) {
        return new H2Target(url, user, Secret.of(password));
    }

    /** The database part of the URL: a file path, {@code mem:name} or {@code tcp://host/path}; no settings. */
    public String database() {
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        rest = settings < 0 ? rest : rest.substring(0, settings);
        return rest.toLowerCase(Locale.ROOT).startsWith("file:") ? rest.substring("file:".length()) : rest;
    }

    @Override
    public String host() {
        String database = database();
        if (database.startsWith("tcp://") || database.startsWith("ssl://")) {
            String authority = database.substring(6);
            return authority.replaceFirst("[:/].*$", "");
        }
        return "localhost";
    }

    @Override
    public String server() {
        String database = database();
        if (database.startsWith("tcp://") || database.startsWith("ssl://")) {
            String authority = database.substring(6).replaceFirst("/.*$", "");
            return authority.contains(":") ? authority : authority + ":9092";
        }
        return "this machine";
    }

    @Override
    public String target() {
        return "H2 database " + database();
    }

    @Override
    public String login() {
        return "user " + user;
    }

    @Override
    public String describe() {
        return target() + " (" + url + "), user " + user + (password.isEmpty() ? ", no password" : "");
    }

    @Override
    public String toString() {
        return describe();
    }
}
