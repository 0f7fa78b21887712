package dev.envclone.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * The database a run works on, reached through its {@link ConnectionSettings}. Every failure to connect comes out
 * as a {@link TargetDatabaseException} whose message tells the operator what to check.
 *
 * <p>One connection at a time, opened when it is needed and closed after, no pool: a run is one operator's one
 * session on one target ({@link TargetSession}), its steps run one after another on it, and a cancel reaches the
 * running statement through {@code Statement.cancel()} on that same connection. A pool's idle connections, keep-alive
 * and leak detection would serve nothing here, and a dropped connection is recovered by resuming the run from its
 * journal, not by handing out another one halfway through a step.
 */
public final class TargetDatabase {
    /** Long enough for a slow login over a VPN, short enough that a wrong address does not look like a hang. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private final ConnectionSettings settings;
    private final Duration connectTimeout;
    private final JdbcAddress address;

    public TargetDatabase(ConnectionSettings settings) {
        this(settings, DEFAULT_CONNECT_TIMEOUT);
    }

    /** @param connectTimeout how long one connection attempt (TCP, TLS, login) may take; at least 1 s is used */
    public TargetDatabase(ConnectionSettings settings, Duration connectTimeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connectTimeout = connectTimeout.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : connectTimeout;
        this.address = JdbcAddress.of(settings, this.connectTimeout);
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** The JDBC URL tried, for logs and the operator: never holds a password. */
    public String url() {
        return address.url();
    }

    /** One connection for test connection and one-off checks; auto-commit off. */
    public Connection open() throws TargetDatabaseException {
        Connection connection = connect();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw DriverErrors.explain(e, settings, "connecting to");
        }
        return connection;
    }

    /** One connection as the driver gives it (autocommit on): {@link TargetSession} prepares it and restores it. */
    Connection connect() throws TargetDatabaseException {
        try {
            return DriverManager.getConnection(address.url(), address.withCredentials(settings));
        } catch (SQLException e) {
            throw DriverErrors.explain(e, settings, "connecting to");
        }
    }

    @Override
    public String toString() {
        return settings.describe();
    }
}
