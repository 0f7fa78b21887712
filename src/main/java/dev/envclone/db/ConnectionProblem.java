package dev.envclone.db;

/**
 * What went wrong reaching or using a target database, in the categories an operator acts on. The CLI maps them to
 * exit codes and the wizard to the field to correct; {@link DriverErrors} finds the category in a driver's error.
 */
public enum ConnectionProblem {
    /** The server refused the user name or password (or the account is locked or expired). */
    WRONG_LOGIN,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** The host answered that nothing listens on the port: wrong port, or the server or listener is down. */
    PORT_CLOSED,
    /** Nothing answered in time: a firewall dropping packets, a wrong address, or SQL Server Browser not answering. */
    NO_ANSWER,
    /** The server's TLS certificate does not chain to an authority this machine trusts (or names another host). */
    CERTIFICATE_NOT_TRUSTED,
    /** The database, service, TNS alias or H2 file does not exist (or the login may not open it). */
    DATABASE_MISSING,
    /** Logged in, but the user may not read or change the platform tables. */
    NO_PRIVILEGE,
    /** Anything else: the driver's own message is shown. */
    OTHER
}
