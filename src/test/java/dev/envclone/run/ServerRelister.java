package dev.envclone.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * An H2 trigger that stands for a running platform: whenever a row of ossys_server is deleted, the front-end lists
 * itself again (with an id of its own), so the front-ends step's effect never holds.
 */
public final class ServerRelister implements Trigger {
    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow == null) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into ossys_server (ID, NAME, IP_ADDRESS, IS_ACTIVE) values (?, ?, ?, 1)")) {
            insert.setInt(1, 1000 + ((Number) oldRow[0]).intValue());
            insert.setString(2, String.valueOf(oldRow[1]));
            insert.setString(3, String.valueOf(oldRow[2]));
            insert.executeUpdate();
        }
    }
}
