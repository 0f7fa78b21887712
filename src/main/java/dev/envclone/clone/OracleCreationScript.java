package dev.envclone.clone;

import dev.envclone.procedure.CloneFiles;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.OracleSettings;
import dev.envclone.procedure.PlatformUsers;
import dev.envclone.procedure.Tablespaces;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * create-users.sql: the tablespaces, users and grants the platform's runtime_oracle_creation.sql and
 * logging_creation_oracle.sql create, with this plan's names, for SQL*Plus before impdp. Passwords are asked for
 * at the prompt (ACCEPT ... HIDE) and never written into the file.
 *
 * <p>The application schemas of a multi-schema plan are not created here: their grants come from Service Center's
 * own creation script (Administration > Database Schemas > Download Creation Script), which depends on the platform
 * and on how each schema is configured. The script first checks that those users and tablespaces exist and stops,
 * before it creates anything, with a message that says to run Service Center's script first; without them impdp
 * fails with ORA-00959 (tablespace does not exist) or creates the users itself without the platform's grants.
 */
public final class OracleCreationScript {
    private static final Dialect ORACLE = Dialect.of(Dbms.ORACLE);
    private static final String ADMIN_GRANTS = "CREATE SESSION, CREATE VIEW, CREATE TABLE, ALTER SESSION, "
            + "CREATE SEQUENCE, CREATE PROCEDURE, CREATE TRIGGER";

    private OracleCreationScript() {
    }

    /** The script for SQL*Plus: its commands, comments and the statements below, each with its terminator. */
    public static String render(MigrationPlan plan) {
        List<String> out = new ArrayList<>();
        for (Part part : parts(plan)) {
            out.add(switch (part.kind()) {
                case LINE -> part.text();
                case SQL -> part.text() + ";";
                case BLOCK -> part.text() + "\n/";
            });
        }
        return String.join("\n", out) + "\n";
    }

    /**
     * The same statements as {@link #render}, in the same order and with the same text, for a JDBC session: no
     * SQL*Plus command (WHENEVER, SET, ACCEPT, UNDEFINE), no comment, no terminator. A {@code CREATE USER} still
     * holds the SQL*Plus substitution variable ({@link CreationStatement#placeholder()}) where the password goes:
     * the caller puts the password in only when it sends the statement, so the text can be logged and pinned.
     */
    public static List<CreationStatement> statements(MigrationPlan plan) {
        List<String> users = plan.users().distinct();
        List<CreationStatement> out = new ArrayList<>();
        for (Part part : parts(plan)) {
            if (part.kind() != Part.Kind.LINE) {
                String text = part.text();
                String user = null;
                for (String candidate : users) {
                    if (text.startsWith("CREATE USER " + ORACLE.quote(candidate) + " ")) {
                        user = candidate;
                    }
                }
                out.add(new CreationStatement(text, user, user == null ? null : password(users, user)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * One statement of the script.
     *
     * @param text the statement as the file has it, without its terminator
     * @param user the user a {@code CREATE USER} creates; null for every other statement
     * @param placeholder where that user's password goes in {@code text} ({@code "&pw1"}); null when none
     */
    public record CreationStatement(String text, String user, String placeholder) {

        /** The text to send: the password, already quoted as an Oracle quoted identifier, in the placeholder. */
        public String withPassword(String quotedPassword) {
            return placeholder == null ? text : text.replace(placeholder, quotedPassword);
        }
    }

    /** A line of the file: a SQL*Plus command, a comment or a blank line, a SQL statement or a PL/SQL block. */
    private record Part(String text, Kind kind) {
        enum Kind { LINE, SQL, BLOCK }

        static Part line(String text) {
            return new Part(text, Kind.LINE);
        }

        static List<Part> lines(String... texts) {
            return java.util.Arrays.stream(texts).map(Part::line).toList();
        }

        /** Ends with ';' in the file; sent to JDBC without. */
        static Part sql(String text) {
            return new Part(text, Kind.SQL);
        }

        /** Followed by '/' in the file; sent to JDBC whole, its own END; included. */
        static Part block(String text) {
            return new Part(text, Kind.BLOCK);
        }
    }

    private static String password(List<String> users, String user) {
        return "\"&pw" + (users.indexOf(user) + 1) + "\"";
    }

    private static List<Part> parts(MigrationPlan plan) {
        OracleSettings o = plan.oracle();
        PlatformUsers u = plan.users();
        Tablespaces t = o.tablespaces();
        List<Part> out = new ArrayList<>(Part.lines(
                "-- envclone: tablespaces, users and grants for the import into " + plan.targetEnvironment()
                        + " (Oracle)",
                "-- The platform's dB\\runtime_oracle_creation.sql and dB\\logging_creation_oracle.sql, customized "
                        + "for this plan.",
                "-- Run in SQL*Plus as a DBA on the target database (in its PDB) before impdp.",
                "-- Passwords are asked for below and are not stored in this file.",
                "-- EXIT FAILURE, not SQL.SQLCODE: an exit code is taken modulo 256, and ORA-01536 would exit 0.",
                "WHENEVER SQLERROR EXIT FAILURE ROLLBACK",
                "WHENEVER OSERROR EXIT FAILURE ROLLBACK",
                "SET VERIFY OFF"));
        applicationSchemasCheck(out, o, u);
        List<String> users = u.distinct();
        for (int i = 0; i < users.size(); i++) {
            out.add(Part.line("ACCEPT pw" + (i + 1) + " CHAR PROMPT "
                    + ORACLE.literal("Password for " + users.get(i) + ": ")
                    + " HIDE"));
        }
        out.add(Part.line(""));
        out.add(Part.line("-- Tablespaces" + (o.datafileFolder() == null
                ? " (Oracle-managed files: DB_CREATE_FILE_DEST must be set)" : "")));
        for (String tablespace : new LinkedHashSet<>(t.all())) {
            out.add(Part.sql("CREATE TABLESPACE " + ORACLE.quote(tablespace) + " DATAFILE "
                    + datafile(o, tablespace)
                    + "SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED"));
        }
        out.add(Part.line(""));
        out.add(Part.line("-- Platform database users"));
        admin(out, o, u.admin(), users, t.system(), t.index(), t.user());
        runtime(out, o, u.runtime(), users, t.user());
        out.add(Part.line(""));
        out.add(Part.line("-- Log database users"));
        admin(out, o, u.logAdmin(), users, t.logSystem(), t.logIndex(), t.logUser());
        runtime(out, o, u.logRuntime(), users, t.logUser());
        out.add(Part.line(""));
        out.add(Part.line("-- After impdp, on the instance the export came from: " + CloneFiles.REVOKE
                + " (when the plan "
                + "writes one)."));
        for (int i = 0; i < users.size(); i++) {
            out.add(Part.line("UNDEFINE pw" + (i + 1)));
        }
        return out;
    }

    private static String datafile(OracleSettings o, String tablespace) {
        if (o.datafileFolder() == null) {
            return "";
        }
        String separator = o.datafileFolder().startsWith("/") ? "/" : "\\";
        String folder = o.datafileFolder().endsWith(separator) ? o.datafileFolder() : o.datafileFolder() + separator;
        return ORACLE.literal(folder + tablespace.toLowerCase(java.util.Locale.ROOT) + "01.dbf") + " ";
    }

    private static void admin(List<Part> out, OracleSettings o, String user, List<String> users, String system,
                              String index, String data) {
        Set<String> quota = new LinkedHashSet<>(List.of(system, index, data));
        StringBuilder create = new StringBuilder(createUser(o, user, users, system));
        quota.forEach(q -> create.append(" QUOTA UNLIMITED ON ").append(ORACLE.quote(q)));
        out.add(Part.sql(create.toString()));
        out.add(Part.sql("GRANT " + ADMIN_GRANTS + " TO " + ORACLE.quote(user)));
    }

    private static void runtime(List<Part> out, OracleSettings o, String user, List<String> users, String data) {
        out.add(Part.sql(createUser(o, user, users, data) + " QUOTA UNLIMITED ON " + ORACLE.quote(data)));
        out.add(Part.sql("GRANT CREATE SESSION TO " + ORACLE.quote(user)));
    }

    /** Without TEMPORARY TABLESPACE, Oracle gives the user the database's default temporary tablespace. */
    private static String createUser(OracleSettings o, String user, List<String> users, String defaultTablespace) {
        return "CREATE USER " + ORACLE.quote(user) + " IDENTIFIED BY " + password(users, user)
                + " DEFAULT TABLESPACE " + ORACLE.quote(defaultTablespace)
                + (o.temporaryTablespace() == null ? "" : " TEMPORARY TABLESPACE "
                + ORACLE.quote(o.temporaryTablespace()));
    }

    /**
     * Stops before anything is created unless the application schemas and the tablespaces only they use exist:
     * Service Center's creation script makes them.
     */
    private static void applicationSchemasCheck(List<Part> out, OracleSettings o, PlatformUsers u) {
        List<String> schemas = new ArrayList<>();
        for (String exported : o.exportedSchemas()) {
            String imported = o.importedName(exported);
            if (!u.distinct().contains(imported) && !schemas.contains(imported)) {
                schemas.add(imported);
            }
        }
        List<String> tablespaces = new ArrayList<>();
        for (String exported : o.exportedTablespaces()) {
            String imported = o.importedTablespace(exported);
            if (!o.tablespaces().all().contains(imported) && !tablespaces.contains(imported)) {
                tablespaces.add(imported);
            }
        }
        if (schemas.isEmpty() && tablespaces.isEmpty()) {
            return;
        }
        String advice = ": run the creation script from Service Center (Administration > Database Schemas > "
                + "Download Creation Script) on this database first, then this script. Nothing was created.";
        out.add(Part.line(""));
        out.add(Part.line("-- Application schemas (multiple schemas): Service Center's creation script makes their "
                + "users, "
                + "tablespaces"));
        out.add(Part.line("-- and grants, not this script. Stop here, before anything is created, unless it has run."));
        List<String> block = new ArrayList<>(List.of("DECLARE", "    found NUMBER;", "BEGIN"));
        for (String schema : schemas) {
            block.add("    SELECT COUNT(*) INTO found FROM dba_users WHERE username = " + ORACLE.literal(schema)
                    + ";");
            block.add("    IF found = 0 THEN");
            block.add("        RAISE_APPLICATION_ERROR(-20001, " + ORACLE.literal("User " + schema
                    + " does not exist" + advice) + ");");
            block.add("    END IF;");
        }
        for (String tablespace : tablespaces) {
            block.add("    SELECT COUNT(*) INTO found FROM dba_tablespaces WHERE tablespace_name = "
                    + ORACLE.literal(tablespace) + ";");
            block.add("    IF found = 0 THEN");
            block.add("        RAISE_APPLICATION_ERROR(-20001, " + ORACLE.literal("Tablespace " + tablespace
                    + " does not exist" + advice) + ");");
            block.add("    END IF;");
        }
        block.add("END;");
        out.add(Part.block(String.join("\n", block)));
    }
}
