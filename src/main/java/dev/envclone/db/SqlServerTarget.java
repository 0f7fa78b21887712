package dev.envclone.db;

import dev.envclone.sql.InvalidNameException;
import dev.envclone.sql.NameRule;

/**
 * A SQL Server database to connect to (mssql-jdbc). The connection is always encrypted; what is left to choose is
 * whether the server's certificate is validated.
 *
 * @param host the server's host name or address
 * @param instance the named instance, or null for the default instance (or when a port is given)
 * @param port the TCP port, or 0 for the default (1433, or the port SQL Server Browser gives for an instance)
 * @param database the catalog, e.g. OSPlatform
 * @param user the SQL login, or null with Windows authentication
 * @param password the SQL login's password; empty with Windows authentication
 * @param windowsAuthentication log in as the Windows account running envclone (integrated security)
 * @param trustServerCertificate {@code false} (the default to choose): the server's certificate must chain to a
 *     certificate authority this machine trusts and name the host, so that nobody in between can read the
 *     password or the data. {@code true} skips that validation; the traffic is still encrypted but the server is
 *     not authenticated. Choose it only for a server whose certificate is self-signed (SQL Server's own, made at
 *     start-up) and whose identity you have checked another way, e.g. its thumbprint with the DBA.
 */
public record SqlServerTarget(String host, String instance, int port, String database, String user,
        Secret password, boolean windowsAuthentication, boolean trustServerCertificate)
        implements ConnectionSettings {

    public SqlServerTarget {
        NameRule.SQLSERVER_SERVER.check("SQL Server host", host);
        if (host.contains("\\") || host.contains(",")) {
            throw new InvalidNameException("SQL Server host", "SQL Server host '" + host + "' holds an instance "
                    + "or port: give the host alone, and the instance or port in their own fields.");
        }
        if (instance != null) {
            FieldCheck.instance("SQL Server instance", instance);
        }
        if (port != 0) {
            FieldCheck.port("SQL Server port", port);
        }
        NameRule.SQLSERVER_IDENTIFIER.check("database", database);
        if (windowsAuthentication) {
            user = null;
            password = Secret.empty();
        } else {
            NameRule.LOGIN.check("SQL login", user);
            FieldCheck.password("password", password, "login " + user);
        }
    }

    /** SQL authentication; {@code server} as typed in SQL Server Management Studio: host, host\instance, host,port. */
    public static SqlServerTarget sqlLogin(String server, String database, String user, char[] password,
            boolean trustServerCertificate) {
        String[] parts = split(server);
        return new SqlServerTarget(parts[0], parts[1], parts[2] == null ? 0 : Integer.parseInt(parts[2]), database,
                user, Secret.of(password), false, trustServerCertificate);
    }

    /** Windows integrated authentication as the account running envclone (needs mssql-jdbc's auth library). */
    public static SqlServerTarget windows(String server, String database, boolean trustServerCertificate) {
        String[] parts = split(server);
        return new SqlServerTarget(parts[0], parts[1], parts[2] == null ? 0 : Integer.parseInt(parts[2]), database,
                null, Secret.empty(), true, trustServerCertificate);
    }

    private static String[] split(String server) {
        NameRule.SQLSERVER_SERVER.check("SQL Server", server);
        String rest = server;
        String port = null;
        int comma = rest.indexOf(',');
        if (comma >= 0) {
            port = rest.substring(comma + 1);
            rest = rest.substring(0, comma);
        }
        int slash = rest.indexOf('\\');
        String instance = slash < 0 ? null : rest.substring(slash + 1);
        return new String[] {slash < 0 ? rest : rest.substring(0, slash), instance, port};
    }

    @Override
    public String server() {
        if (port != 0) {
            return host + ":" + port;
        }
        return instance != null ? host + "\\" + instance : host + ":1433";
    }

    @Override
    public String target() {
        return "SQL Server " + server() + " / " + database;
    }

    @Override
    public String login() {
        return windowsAuthentication ? "the Windows account running envclone" : "login " + user;
    }

    @Override
    public String describe() {
        return target() + ", " + (windowsAuthentication ? "Windows authentication as the account running envclone"
                : "SQL login " + user) + ", encrypted; " + (trustServerCertificate
                ? "the server certificate is trusted without validation (only for a self-signed certificate "
                        + "checked another way)"
                : "the server certificate is validated against this machine's trusted authorities");
    }

    @Override
    public String toString() {
        return describe();
    }
}
