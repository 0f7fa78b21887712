package dev.envclone.run;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** An H2 trigger that refuses every change to its table, as a DBA's protection trigger would: the step fails. */
public final class RefusingTrigger implements Trigger {
    /** The trigger's own words; the log must carry them as the cause. */
    public static final String REASON = "ossys_server is protected by trigger PROTECT_SERVERS";

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(REASON, "45000");
    }
}
