package dev.envclone.clone;

import dev.envclone.db.TargetSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * What the route reads about a server and its own session before a backup or restore
 * ({@link SqlServerCloneQueries#SERVER}, one row, read by name).
 *
 * @param engineEdition SERVERPROPERTY('EngineEdition'): 2 Standard (also Web, Business Intelligence), 3
 *     Enterprise (also Developer, Evaluation), 4 Express, ...
 * @param serverTime the server's local time (GETDATE()), the clock of msdb's history
 */
record ServerFacts(int engineEdition, String edition, int majorVersion, int databaseVersion, String defaultDataPath,
                   String defaultLogPath, String login, int sessionId, Timestamp serverTime) {

    static ServerFacts read(TargetSession session) throws SQLException, CloneFailedException {
        try (Statement statement = session.connection().createStatement();
                ResultSet rows = statement.executeQuery(SqlServerCloneQueries.SERVER)) {
            return read(rows);
        }
    }

    static ServerFacts read(ResultSet rows) throws SQLException, CloneFailedException {
        ResultColumns c = ResultColumns.require(rows, "SERVERPROPERTY", "engine_edition", "edition",
                "product_major_version", "database_version", "default_data_path", "default_log_path", "login_name",
                "session_id", "server_time");
        if (!c.next()) {
            throw new CloneFailedException("The server returned nothing about itself.", "nothing was changed");
        }
        return new ServerFacts(whole(c.number("engine_edition")), c.text("edition"),
                whole(c.number("product_major_version")), whole(c.number("database_version")),
                c.text("default_data_path"), c.text("default_log_path"), c.text("login_name"),
                whole(c.number("session_id")), c.time("server_time"));
    }

    /**
     * Whether BACKUP … WITH COMPRESSION works here: "Backup compression is supported on SQL Server editions:
     * Enterprise, Standard, and Developer" (Microsoft Learn, Backup compression). EngineEdition 3 is Enterprise,
     * Developer and Evaluation; 2 also covers Web, told apart by the Edition text.
     */
    boolean compresses() {
        return engineEdition == 3 || (engineEdition == 2 && edition != null && edition.startsWith("Standard"));
    }

    private static int whole(Long value) {
        return value == null ? 0 : value.intValue();
    }
}
