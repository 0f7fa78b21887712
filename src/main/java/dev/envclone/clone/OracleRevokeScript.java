package dev.envclone.clone;

import dev.envclone.procedure.CloneFiles;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.OracleSettings;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * revoke-after-import.sql: the document's warning for an import into the instance the export came from — the
 * imported users must lose their permissions over the original schemas. The privileges exist only once impdp has
 * created the grants, so this runs after the import (a listing before it always comes back empty). It lists them,
 * revokes each, and fails unless none is left. Written only when the plan remaps a schema: without a remap the
 * import cannot go into the source instance.
 */
public final class OracleRevokeScript {
    private static final Dialect ORACLE = Dialect.of(Dbms.ORACLE);

    private OracleRevokeScript() {
    }

    /** Whether the plan has original schemas beside the imported ones to revoke privileges on. */
    public static boolean applies(MigrationPlan plan) {
        return !plan.oracle().remappedSchemas().isEmpty();
    }

    public static String render(MigrationPlan plan) {
        List<String> out = new ArrayList<>(List.of(
                "-- envclone: the imported users' privileges on the original schemas, revoked (Oracle)",
                "-- Only when impdp imported into the instance the export came from. Run in SQL*Plus AFTER impdp "
                        + "(" + CloneFiles.IMPORT + "),",
                "-- as a DBA (GRANT ANY OBJECT PRIVILEGE revokes what the owners granted), in the PDB of the import.",
                "WHENEVER SQLERROR EXIT FAILURE ROLLBACK",
                "WHENEVER OSERROR EXIT FAILURE ROLLBACK",
                "SET SERVEROUTPUT ON",
                "",
                "-- What is revoked below.",
                listing(plan) + ";",
                "",
                revoking(plan),
                "/",
                "",
                "-- None may be left.",
                remainingCheck(plan),
                "/"));
        return String.join("\n", out) + "\n";
    }

    /**
     * The script's three statements as a JDBC session sends them, with the file's text: the listing query (its
     * rows are what is revoked), the revoking block and the check that none is left.
     */
    public static List<String> statements(MigrationPlan plan) {
        return List.of(listing(plan), revoking(plan), remainingCheck(plan));
    }

    /** Columns: GRANTEE, OWNER, TABLE_NAME, TYPE, PRIVILEGE. */
    private static String listing(MigrationPlan plan) {
        return "SELECT grantee, owner, table_name, type, privilege FROM dba_tab_privs\n" + where(plan)
                + "\nORDER BY grantee, owner, table_name, privilege";
    }

    private static String revoking(MigrationPlan plan) {
        return String.join("\n", List.of(
                "BEGIN",
                "    FOR p IN (SELECT grantee, owner, table_name, type, privilege FROM dba_tab_privs",
                "              " + where(plan).replace("\n", "\n              ") + ") LOOP",
                "        -- A privilege on a user (INHERIT PRIVILEGES) is revoked ON USER; every other ON owner.object.",
                "        EXECUTE IMMEDIATE 'REVOKE ' || p.privilege || ' ON '",
                "            || CASE p.type WHEN 'USER' THEN 'USER \"' || p.table_name || '\"'",
                "               ELSE '\"' || p.owner || '\".\"' || p.table_name || '\"' END",
                "            || ' FROM \"' || p.grantee || '\"';",
                "        DBMS_OUTPUT.PUT_LINE('Revoked ' || p.privilege || ' on ' || p.owner || '.' || p.table_name",
                "            || ' from ' || p.grantee);",
                "    END LOOP;",
                "END;"));
    }

    private static String remainingCheck(MigrationPlan plan) {
        return String.join("\n", List.of(
                "DECLARE",
                "    remaining NUMBER;",
                "BEGIN",
                "    SELECT COUNT(*) INTO remaining FROM dba_tab_privs",
                "    " + where(plan).replace("\n", "\n    ") + ";",
                "    IF remaining > 0 THEN",
                "        RAISE_APPLICATION_ERROR(-20002, remaining || ' privileges of the imported users on the "
                        + "original schemas are left: revoke them as their grantor.');",
                "    END IF;",
                "END;"));
    }

    private static String where(MigrationPlan plan) {
        OracleSettings o = plan.oracle();
        List<String> imported = o.exportedSchemas().stream().map(o::importedName).distinct().toList();
        return "WHERE grantee IN (" + literals(imported) + ")\n  AND owner IN (" + literals(o.remappedSchemas())
                + ")";
    }

    private static String literals(List<String> names) {
        return String.join(", ", names.stream().map(ORACLE::literal).toList());
    }
}
