package dev.envclone.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.Dbms;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {

    @Test
    void rejectsTheDocumentsRemapOfUnexportedSchemaOslog() {
        // The document's example: expdp exports OSADMIN and OSRUNTIME, impdp remaps OSLOG as well.
        PlanBuilder builder = new PlanBuilder(Dbms.ORACLE)
                .oracleRemaps(List.of(new Remap("OSLOG", "NEW_OSLOG")), List.of());
        PlanException e = assertThrows(PlanException.class, builder::build);
        assertTrue(e.problems().contains("REMAP_SCHEMA OSLOG:NEW_OSLOG remaps schema OSLOG, which is not exported "
                + "(exported: OSADMIN, OSRUNTIME, OSADMIN_LOG, OSRUNTIME_LOG): export it or remove the remap"),
                e.getMessage());
    }

    @Test
    void rejectsRemapOfUnexportedTablespace() {
        PlanBuilder builder = new PlanBuilder(Dbms.ORACLE)
                .oracleRemaps(List.of(), List.of(new Remap("OSLOG", "NEW_OSLOG")));
        PlanException e = assertThrows(PlanException.class, builder::build);
        assertTrue(e.getMessage().contains("REMAP_TABLESPACE OSLOG:NEW_OSLOG remaps tablespace OSLOG, which is not "
                + "exported"), e.getMessage());
    }

    @Test
    void rejectsASchemaRemappedTwice() {
        PlanBuilder builder = new PlanBuilder(Dbms.ORACLE).users("NEW_OSADMIN", null, null, null)
                .oracleRemaps(List.of(new Remap("OSADMIN", "OTHER_OSADMIN")), List.of());
        assertTrue(assertThrows(PlanException.class, builder::build).getMessage()
                .contains("schema OSADMIN is remapped twice"));
    }

    @Test
    void rejectsATargetUserThatNoImportedSchemaBecomes() {
        // The source admin is exported as OSADMIN and not remapped, so NEW_OSADMIN would not exist.
        MigrationPlan plan = new PlanBuilder(Dbms.ORACLE).build();
        MigrationPlan broken = new MigrationPlan(plan.sourceEnvironment(), plan.targetEnvironment(), plan.dbms(),
                plan.installPath(), new PlatformUsers("NEW_OSADMIN", "OSRUNTIME", "OSADMIN_LOG", "OSRUNTIME_LOG"),
                plan.parts(), null, plan.oracle(), null);
        PlanException e = assertThrows(PlanException.class, () -> PlanValidator.check(broken));
        assertEquals(List.of("user NEW_OSADMIN will not exist after the import: export the source user and remap it "
                + "with REMAP_SCHEMA, or name the user the import creates"), e.problems());
    }

    @Test
    void derivesRemapsFromRolesAndUpperCasesOracleNames() {
        MigrationPlan plan = new PlanBuilder(Dbms.ORACLE).users("new_osadmin", "new_osruntime", null, null)
                .oracleTablespaces(null, new Tablespaces("NEW_OSSYS", "OSIDX", "OSUSR", "OSSYS_LOG", "OSIDX_LOG",
                        "OSUSR_LOG"))
                .build();
        assertEquals(List.of(new Remap("OSADMIN", "NEW_OSADMIN"), new Remap("OSRUNTIME", "NEW_OSRUNTIME")),
                plan.oracle().schemaRemaps());
        assertEquals(List.of(new Remap("OSSYS", "NEW_OSSYS")), plan.oracle().tablespaceRemaps());
        assertEquals("NEW_OSADMIN", plan.users().admin());
    }

    @Test
    void rejectsRestoreOverTheSourceCatalog() {
        PlanBuilder builder = new PlanBuilder(Dbms.SQLSERVER).sqlServerCatalogs("OUTSYSTEMS", "outsystems", null);
        assertTrue(assertThrows(PlanException.class, builder::build).getMessage()
                .contains("target catalog 'outsystems' is the source catalog"));
    }

    @Test
    void rejectsAFileListWithoutALogFile() {
        PlanBuilder builder = new PlanBuilder(Dbms.SQLSERVER)
                .sqlServerCatalogs(null, null, List.of(DatabaseFile.parse("OUTSYSTEMS:D")));
        assertTrue(assertThrows(PlanException.class, builder::build).getMessage()
                .contains("needs at least one data file (:D) and one log file (:L)"));
    }

    @Test
    void rejectsTheSameEnvironmentAsSourceAndTarget() {
        PlanBuilder builder = new PlanBuilder(Dbms.SQLSERVER).environments("Production", "production");
        assertTrue(assertThrows(PlanException.class, builder::build).getMessage()
                .contains("source and target environment are both 'Production'"));
    }

    @Test
    void reportsEveryProblemAtOnceEachNamingItsField() {
        PlanBuilder builder = new PlanBuilder(Dbms.SQLSERVER).users("OS;ADMIN", "select", null, null)
                .sqlServerCatalogs(null, "CLONE]", null);
        List<String> problems = assertThrows(PlanException.class, builder::build).problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("admin user 'OS;ADMIN' contains ';'"), problems.get(0));
        assertTrue(problems.get(1).startsWith("runtime user 'select' is reserved"), problems.get(1));
        assertTrue(problems.get(2).startsWith("target catalog 'CLONE]' contains a bracket"), problems.get(2));
    }

    @Test
    void rejectsAParallelExportIntoOneDumpFile() {
        PlanBuilder builder = new PlanBuilder(Dbms.ORACLE)
                .oracleDataPump(new DataPumpSettings("DATA_PUMP_DIR", "prod.dmp", "e.log", "i.log", 4));
        assertTrue(assertThrows(PlanException.class, builder::build).getMessage()
                .contains("dump file 'prod.dmp' has no %U"));
    }

    @Test
    void aPlanJsonWithoutSourceUsersGetsTheDocumentsDefaults() {
        MigrationPlan plan = new PlanBuilder(Dbms.SQLSERVER).build();
        SqlServerSettings s = plan.sqlServer();
        MigrationPlan old = new MigrationPlan(plan.sourceEnvironment(), plan.targetEnvironment(), plan.dbms(),
                plan.installPath(), plan.users(), plan.parts(), new SqlServerSettings(s.server(), s.platform(),
                s.log(), s.backupFolder(), s.dataFolder(), s.logFolder(), s.sessionCatalog(), s.sessionUser(), s.restore(),
                null),
                null, null);
        assertEquals(List.of("OSADMIN", "OSRUNTIME", "OSLOG"),
                PlanValidator.check(old).sqlServer().sourceUsers().distinct());
    }
}
