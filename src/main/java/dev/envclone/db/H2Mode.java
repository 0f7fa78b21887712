package dev.envclone.db;

import dev.envclone.sql.Dbms;

/**
 * The H2 settings that make an H2 database behave closest to each DBMS, so that the statements envclone runs on a
 * restored platform database can first run on H2 (tests, the rehearsal sandbox).
 *
 * <p>Both settings compare the platform's text case-insensitively, as the real systems do: SQL Server through its
 * default case-insensitive collation, Oracle because the procedure's sessions run with
 * {@code NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI}. The document's statements rely on it (for example
 * {@code NAME <> '$OS_LOG_DB_7e3e8ce0'} must also spare {@code $os_log_db_7E3E8CE0}).
 *
 * <p>{@code IGNORECASE=TRUE} (H2 2.5.252): every VARCHAR column created afterwards is {@code VARCHAR_IGNORECASE},
 * compared with {@code String.compareToIgnoreCase}, so a column compared with a literal, a parameter or another
 * such column ignores case; spaces, hyphens and accents stay significant, as in SQL Server's {@code _CI_AS}
 * collations (Oracle's {@code BINARY_AI} also ignores accents; no statement of the procedure depends on that).
 * It replaced {@code COLLATION=ENGLISH STRENGTH SECONDARY}, which compared the same for these statements but
 * computed a {@code java.text} collation key for every comparison (a full run of a {@code large} sandbox takes
 * 0.87x the CPU and 0.76x the peak memory without it: README) and put spaces into the printed URL. What neither
 * imitates, and no statement of the procedure does:
 * <ul>
 *   <li>two literals, or text a function computed ({@code SUBSTRING}, {@code ||}), compared with each other:
 *       case-sensitive here, case-insensitive on both DBMS;</li>
 *   <li>CHAR and CLOB columns: not made case-insensitive (the sandbox has none: SandboxTest checks it);</li>
 *   <li>SQL Server ignores trailing spaces in comparisons ({@code 'x ' = 'x'}), Oracle does not;</li>
 *   <li>{@code ORDER BY} of text: by {@code compareToIgnoreCase} here, by each DBMS's collation there.</li>
 * </ul>
 * A sandbox made with the old URL keeps its collation (H2 stores it in the file) and opens with the new settings
 * too; a URL that still carries {@code COLLATION=} (printed by an earlier envclone, recorded in a run folder) opens
 * either kind, because a target's connection leaves that setting out ({@link JdbcAddress}).
 */
public final class H2Mode {
    private static final String IGNORE_CASE = "IGNORECASE=TRUE";

    private H2Mode() {
    }

    /** The settings to append to an H2 URL, separated by {@code ;}, without a leading {@code ;}. */
    public static String settings(Dbms dbms) {
        return switch (dbms) {
            case SQLSERVER -> "MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                    + IGNORE_CASE;
            // In this mode '' is stored as NULL, as on Oracle.
            case ORACLE -> "MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;" + IGNORE_CASE;
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
