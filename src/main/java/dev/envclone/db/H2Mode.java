package dev.envclone.db;

import dev.envclone.sql.Dbms;

/**
 * The H2 settings that make an H2 database behave closest to each DBMS, so that the statements envclone runs on a
 * restored platform database can first run on H2 (tests, the rehearsal sandbox).
 *
 * <p>Both settings compare strings case-insensitively, as the real systems do for the platform: SQL Server through
 * its default case-insensitive collation, Oracle because the procedure's sessions run with
 * {@code NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI}. The document's statements rely on it (for example
 * {@code NAME <> '$OS_LOG_DB_7e3e8ce0'} must also spare {@code $os_log_db_7E3E8CE0}).
 *
 * <p>Why {@code COLLATION=ENGLISH STRENGTH SECONDARY} and not the alternatives (measured on H2 2.5.252):
 * <ul>
 *   <li>{@code STRENGTH PRIMARY} ignores spaces and hyphens: {@code 'a b' = 'ab'} and {@code ' ' = ''} are true,
 *       which neither DBMS does, and which would hide the difference between a blanked and an empty value.</li>
 *   <li>{@code IGNORECASE=TRUE} only changes VARCHAR columns created afterwards, not CLOBs or literals.</li>
 *   <li>{@code SECONDARY} is case-insensitive and accent-sensitive, as SQL Server's {@code _CI_AS} collations.
 *       Oracle's {@code BINARY_AI} is also accent-insensitive; no statement of the procedure depends on that.</li>
 * </ul>
 * A collation can only be set on an empty database; in the URL it is applied when the database is created, and
 * later connections with the same URL are accepted. Not imitated: SQL Server ignores trailing spaces in
 * comparisons ({@code 'x ' = 'x'}), Oracle does not.
 */
public final class H2Mode {
    private static final String COLLATION = "COLLATION=ENGLISH STRENGTH SECONDARY";

    private H2Mode() {
    }

    /** The settings to append to an H2 URL, separated by {@code ;}, without a leading {@code ;}. */
    public static String settings(Dbms dbms) {
        return switch (dbms) {
            case SQLSERVER -> "MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                    + COLLATION;
            // In this mode '' is stored as NULL, as on Oracle.
            case ORACLE -> "MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;" + COLLATION;
        };
    }

    /**
     * The URL of a private in-memory database. It lives while a connection to it is open; the name must be unique
     * per database wanted (two callers with one name share one database).
     */
    public static String memoryUrl(Dbms dbms, String name) {
        // The name is spliced into the URL, where ';' would start another setting.
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("H2 database name '" + name + "': use letters, digits and _");
        }
        return "jdbc:h2:mem:" + name + ";" + settings(dbms);
    }
}
