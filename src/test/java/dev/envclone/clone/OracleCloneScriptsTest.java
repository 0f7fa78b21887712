package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.ChecklistMarkdown;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.Remap;
import dev.envclone.sql.Dbms;
import org.junit.jupiter.api.Test;

/** create-users.sql and revoke-after-import.sql, read from the generated text (PL/SQL does not run on H2). */
class OracleCloneScriptsTest {
    private static final MigrationPlan DEFAULT = new PlanBuilder(Dbms.ORACLE).build();
    private static final MigrationPlan REMAPPED = new PlanBuilder(Dbms.ORACLE)
            .users("QA_OSADMIN", "QA_OSRUNTIME", null, null)
            .oracleApplicationSchema(new Remap("APPDATA", "QA_APPDATA"))
            .oracleApplicationTablespace(new Remap("APPDATA_TS", "QA_APPDATA_TS"))
            .build();

    @Test
    void theUsersGetTheDatabasesDefaultTemporaryTablespaceUnlessThePlanNamesOne() {
        assertFalse(OracleCreationScript.render(DEFAULT).contains("TEMPORARY TABLESPACE"));
        String named = OracleCreationScript.render(new PlanBuilder(Dbms.ORACLE).oracleTemporaryTablespace("TEMP2")
                .build());
        assertEquals(4, named.split("TEMPORARY TABLESPACE \"TEMP2\"", -1).length - 1, named);
    }

    @Test
    void createUsersNoLongerListsPrivilegesBeforeTheImport() {
        assertFalse(OracleCreationScript.render(REMAPPED).contains("dba_tab_privs"));
    }

    @Test
    void createUsersExitsWithFailureOnAnyError() {
        String script = OracleCreationScript.render(DEFAULT);
        assertTrue(script.contains("WHENEVER SQLERROR EXIT FAILURE ROLLBACK\nWHENEVER OSERROR EXIT FAILURE ROLLBACK\n"));
        assertFalse(script.contains("SQL.SQLCODE\n") || script.contains("EXIT SQL.SQLCODE"), script);
    }

    @Test
    void createUsersStopsBeforeCreatingAnythingUntilServiceCentersScriptMadeTheApplicationSchemas() {
        String script = OracleCreationScript.render(REMAPPED);
        int user = script.indexOf("SELECT COUNT(*) INTO found FROM dba_users WHERE username = 'QA_APPDATA';");
        int tablespace = script.indexOf("FROM dba_tablespaces WHERE tablespace_name = 'QA_APPDATA_TS';");
        int message = script.indexOf("'User QA_APPDATA does not exist: run the creation script from Service Center "
                + "(Administration > Database Schemas > Download Creation Script) on this database first");
        int firstPrompt = script.indexOf("ACCEPT pw1");
        int firstCreate = script.indexOf("CREATE TABLESPACE");
        assertTrue(user > 0 && message > user && tablespace > message && tablespace < firstPrompt
                && firstPrompt < firstCreate, script);
    }

    @Test
    void aPlanWithoutApplicationSchemasHasNoSuchCheck() {
        assertFalse(OracleCreationScript.render(DEFAULT).contains("dba_users"));
    }

    @Test
    void theRevokeScriptIsWrittenOnlyWhenASchemaIsRemapped() {
        assertFalse(OracleRevokeScript.applies(DEFAULT));
        assertTrue(OracleRevokeScript.applies(REMAPPED));
    }

    @Test
    void theRevokeScriptRevokesTheImportedUsersPrivilegesOnTheOriginalsAndChecksNoneIsLeft() {
        String script = OracleRevokeScript.render(REMAPPED);
        assertTrue(script.startsWith("-- envclone: the imported users' privileges"), script);
        assertTrue(script.contains("WHENEVER SQLERROR EXIT FAILURE ROLLBACK"), script);
        String where = "WHERE grantee IN ('QA_OSADMIN', 'QA_OSRUNTIME', 'OSADMIN_LOG', 'OSRUNTIME_LOG', "
                + "'QA_APPDATA')";
        assertEquals(3, script.split(java.util.regex.Pattern.quote(where), -1).length - 1, script);
        assertTrue(script.contains("AND owner IN ('OSADMIN', 'OSRUNTIME', 'APPDATA')"), script);
        int revoke = script.indexOf("EXECUTE IMMEDIATE 'REVOKE ' || p.privilege");
        int check = script.indexOf("RAISE_APPLICATION_ERROR(-20002");
        assertTrue(revoke > 0 && check > revoke, script);
    }

    @Test
    void theChecklistRunsTheRevokeScriptAfterTheImport() {
        String checklist = ChecklistMarkdown.render(REMAPPED);
        int imported = checklist.indexOf("File: impdp.par.");
        int revoke = checklist.indexOf("after impdp, run revoke-after-import.sql in SQL*Plus as a DBA");
        assertTrue(imported > 0 && revoke > imported, checklist);
        assertTrue(checklist.contains("File: revoke-after-import.sql."), checklist);
    }
}
