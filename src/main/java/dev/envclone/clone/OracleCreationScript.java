package dev.envclone.clone;

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
 */
public final class OracleCreationScript {
    private static final Dialect ORACLE = Dialect.of(Dbms.ORACLE);
    private static final String ADMIN_GRANTS = "CREATE SESSION, CREATE VIEW, CREATE TABLE, ALTER SESSION, "
            + "CREATE SEQUENCE, CREATE PROCEDURE, CREATE TRIGGER";

    private OracleCreationScript() {
    }

    public static String render(MigrationPlan plan) {
        OracleSettings o = plan.oracle();
        PlatformUsers u = plan.users();
        Tablespaces t = o.tablespaces();
        List<String> out = new ArrayList<>(List.of(
                "-- envclone: tablespaces, users and grants for the import into " + plan.targetEnvironment()
                        + " (Oracle)",
                "-- The platform's dB\\runtime_oracle_creation.sql and dB\\logging_creation_oracle.sql, customized "
                        + "for this plan.",
                "-- Run in SQL*Plus as a DBA on the target database (in its PDB) before impdp.",
                "-- Passwords are asked for below and are not stored in this file.",
                "WHENEVER SQLERROR EXIT SQL.SQLCODE",
                "SET VERIFY OFF"));
        List<String> users = u.distinct();
        for (int i = 0; i < users.size(); i++) {
            out.add("ACCEPT pw" + (i + 1) + " CHAR PROMPT " + ORACLE.literal("Password for " + users.get(i) + ": ")
                    + " HIDE");
        }
        out.add("");
        out.add("-- Tablespaces" + (o.datafileFolder() == null
                ? " (Oracle-managed files: DB_CREATE_FILE_DEST must be set)" : ""));
        for (String tablespace : new LinkedHashSet<>(t.all())) {
            out.add("CREATE TABLESPACE " + ORACLE.quote(tablespace) + " DATAFILE " + datafile(o, tablespace)
                    + "SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED;");
        }
        out.add("");
        out.add("-- Platform database users");
        admin(out, u.admin(), users, t.system(), t.index(), t.user());
        runtime(out, u.runtime(), users, t.user());
        out.add("");
        out.add("-- Log database users");
        admin(out, u.logAdmin(), users, t.logSystem(), t.logIndex(), t.logUser());
        runtime(out, u.logRuntime(), users, t.logUser());
        sameInstanceCheck(out, o, users);
        for (int i = 0; i < users.size(); i++) {
            out.add("UNDEFINE pw" + (i + 1));
        }
        return String.join("\n", out) + "\n";
    }

    private static String datafile(OracleSettings o, String tablespace) {
        if (o.datafileFolder() == null) {
            return "";
        }
        String separator = o.datafileFolder().startsWith("/") ? "/" : "\\";
        String folder = o.datafileFolder().endsWith(separator) ? o.datafileFolder() : o.datafileFolder() + separator;
        return ORACLE.literal(folder + tablespace.toLowerCase(java.util.Locale.ROOT) + "01.dbf") + " ";
    }

    private static void admin(List<String> out, String user, List<String> users, String system, String index,
                              String data) {
        Set<String> quota = new LinkedHashSet<>(List.of(system, index, data));
        StringBuilder create = new StringBuilder(createUser(user, users, system));
        quota.forEach(q -> create.append(" QUOTA UNLIMITED ON ").append(ORACLE.quote(q)));
        out.add(create + ";");
        out.add("GRANT " + ADMIN_GRANTS + " TO " + ORACLE.quote(user) + ";");
    }

    private static void runtime(List<String> out, String user, List<String> users, String data) {
        out.add(createUser(user, users, data) + " QUOTA UNLIMITED ON " + ORACLE.quote(data) + ";");
        out.add("GRANT CREATE SESSION TO " + ORACLE.quote(user) + ";");
    }

    private static String createUser(String user, List<String> users, String defaultTablespace) {
        return "CREATE USER " + ORACLE.quote(user) + " IDENTIFIED BY \"&pw" + (users.indexOf(user) + 1)
                + "\" DEFAULT TABLESPACE " + ORACLE.quote(defaultTablespace) + " TEMPORARY TABLESPACE TEMP";
    }

    /**
     * The document: importing into the instance the export came from, the imported users must lose their
     * permissions over the original schemas. This lists them; the DBA revokes what it shows.
     */
    private static void sameInstanceCheck(List<String> out, OracleSettings o, List<String> users) {
        List<String> originals = o.exportedSchemas().stream().filter(s -> !users.contains(s)).toList();
        if (originals.isEmpty()) {
            return;
        }
        out.add("");
        out.add("-- Only when importing into the instance the export came from: after impdp, these are the");
        out.add("-- privileges the imported users hold on the original schemas. Revoke each one listed.");
        out.add("SELECT grantee, owner, table_name, privilege FROM dba_tab_privs");
        out.add("WHERE grantee IN (" + String.join(", ", users.stream().map(ORACLE::literal).toList()) + ")");
        out.add("AND owner IN (" + String.join(", ", originals.stream().map(ORACLE::literal).toList()) + ");");
    }
}
