package dev.envclone.sandbox;

import dev.envclone.procedure.PlatformUsers;
import dev.envclone.sql.Dbms;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * The users a restore brings into a SQL Server clone, imitated in the sandbox so that the rehearsal runs the
 * security-context step on them: for each of the source's default users (OSADMIN, OSRUNTIME, OSLOG) an H2 user and
 * an empty schema of the same name that it owns, as CREATE USER with a default schema leaves on SQL Server.
 *
 * <p>Each user gets a random password that is never written anywhere: nobody logs in as a stand-in. Oracle's
 * sandbox has none: create-users.sql makes Oracle's users afresh, and no restored user is left to drop.
 */
final class StandInUsers {
    private StandInUsers() {
    }

    /** The names the sandbox creates: the SQL Server defaults, which a rehearsal plan's source users are. */
    static List<String> names(Dbms dbms) {
        return switch (dbms) {
            case SQLSERVER -> PlatformUsers.defaults(Dbms.SQLSERVER).distinct();
            case ORACLE -> List.of();
        };
    }

    static void create(Connection connection, Dbms dbms) throws SQLException {
        SecureRandom random = new SecureRandom();
        try (Statement statement = connection.createStatement()) {
            for (String user : names(dbms)) {
                byte[] password = new byte[24];
                random.nextBytes(password);
                statement.execute("CREATE USER " + user + " PASSWORD '" + HexFormat.of().formatHex(password) + "'");
                statement.execute("CREATE SCHEMA " + user + " AUTHORIZATION " + user);
            }
        }
    }
}
