package dev.envclone.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * The database a run works on, reached through its {@link ConnectionSettings}: a small HikariCP pool for a run, or
 * a single connection for "test connection". Every failure to connect comes out as a
 * {@link TargetDatabaseException} whose message tells the operator what to check.
 *
 * <p>Connections start with auto-commit off: each cleanup step commits or rolls back as one transaction.
 */
public final class TargetDatabase {
    /** Long enough for a slow login over a VPN, short enough that a wrong address does not look like a hang. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /** One connection runs the steps, one is left for inspection or a cancel. */
    static final int POOL_SIZE = 2;

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

    /** One connection, outside any pool (test connection, one-off checks); auto-commit off. */
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

    /**
     * A pool of {@value #POOL_SIZE} connections, auto-commit off. A bad target fails here, at once, with the
     * driver's error explained. HikariCP's own start-up check sleeps a second after a failed attempt before it
     * gives up, so one connection is opened (and closed) first; the pool's check then only catches a target that
     * fails between the two ({@code initializationFailTimeout} 1 ms: fail rather than start an empty pool).
     */
    public HikariDataSource pool() throws TargetDatabaseException {
        try (Connection probe = open()) {
            probe.rollback();
        } catch (TargetDatabaseException e) {
            throw e;
        } catch (SQLException e) {
            throw DriverErrors.explain(e, settings, "connecting to");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("envclone-target");
        config.setJdbcUrl(address.url());
        config.setDataSourceProperties(address.options());
        String user = JdbcAddress.user(settings);
        if (user != null) {
            config.setUsername(user);
            config.setPassword(settings.password().reveal());
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setConnectionTimeout(connectTimeout.toMillis());
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException) {
                throw DriverErrors.explain((SQLException) e.getCause(), settings, "connecting to");
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return settings.describe();
    }
}
