package dev.envclone.procedure;

import dev.envclone.sql.Dbms;
import java.util.ArrayList;
import java.util.List;

/** The steps before the cleanup scripts: prerequisites, and the clone (SQL Server) or export/import (Oracle). */
final class PrepareSteps {
    private static final String PREPARE = "Prepare the database";

    private PrepareSteps() {
    }

    static List<Step> forPlan(MigrationPlan plan) {
        return switch (plan.dbms()) {
            case SQLSERVER -> sqlServer(plan);
            case ORACLE -> oracle(plan);
        };
    }

    private static Step prerequisites(MigrationPlan plan, List<String> details) {
        List<String> all = new ArrayList<>(List.of(
                "The environment is self-managed; this procedure is not for disaster recovery.",
                "Every step below is carried out: a skipped step can leave the platform server misconfigured.",
                "Source " + plan.sourceEnvironment() + " and target " + plan.targetEnvironment()
                        + " are the environments agreed for this window."));
        all.addAll(details);
        return Step.manual("prerequisites", "Prerequisites", DocRef.of(plan.dbms()),
                "Confirm the conditions the document sets before anything is cloned.", all.toArray(String[]::new));
    }

    private static List<Step> sqlServer(MigrationPlan plan) {
        SqlServerSettings s = plan.sqlServer();
        Dbms dbms = Dbms.SQLSERVER;
        List<String> details = new ArrayList<>(List.of(
                "The restore goes to a new catalog, " + s.platform().catalog() + ", not over the source catalog "
                        + s.platform().sourceCatalog() + " or any other active database.",
                "The restored files get new physical names: data in " + s.dataFolder() + ", log in "
                        + s.logFolder() + ".",
                "The recommended file growth settings are agreed for the restored files."));
        if (s.log() != null) {
            details.add("The log database " + s.log().sourceCatalog() + " is restored as " + s.log().catalog()
                    + ".");
        }
        return List.of(
                prerequisites(plan, details),
                new Step("clone-database", "Clone the databases", StepKind.CLONE,
                        DocRef.of(dbms, PREPARE, "Clone the databases"),
                        "Back up the source catalog with a copy-only backup and restore it under the new catalog "
                                + "name with new file names: run clone.sql as a login with BACKUP DATABASE and "
                                + "CREATE DATABASE rights.",
                        List.of("Check the logical file names that RESTORE FILELISTONLY lists against the plan.",
                                "The restore ends with 'RESTORE DATABASE successfully processed'.",
                                "The new catalog " + s.platform().catalog() + " is online."),
                        null, null, List.of()),
                SecurityContextStep.forPlan(plan));
    }

    private static List<Step> oracle(MigrationPlan plan) {
        OracleSettings o = plan.oracle();
        Dbms dbms = Dbms.ORACLE;
        List<String> details = List.of(
                "If the import goes to the same database instance the export came from, the imported users "
                        + "must lose every permission over the original schemas (create-users.sql lists them).",
                "Tablespaces, datafile paths and users of the import do not clash with existing ones.");
        String exported = String.join(", ", o.exportedSchemas());
        return List.of(
                prerequisites(plan, details),
                Step.manual("find-schemas", "Find out the schemas that need to be cloned",
                        DocRef.of(dbms, PREPARE, "Export the schemas"),
                        "The schemas are the users in the Configuration Tool's Platform and Log tabs (by default "
                                + "OSADMIN, OSRUNTIME, OSADMIN_LOG, OSRUNTIME_LOG), plus, with multiple schemas, "
                                + "those in Service Center > Administration > Database Schemas.",
                        "This plan exports: " + exported + "."),
                new Step("export-schemas", "Clone the schemas", StepKind.CLONE,
                        DocRef.of(dbms, PREPARE, "Export the schemas"),
                        "Export the schemas with expdp and the parameter file expdp.par (a consistent export "
                                + "with FLASHBACK_TIME), as a user with DATAPUMP_EXP_FULL_DATABASE rather than SYSDBA.",
                        List.of("Check the logs: the export log " + o.dataPump().exportLogFile()
                                + " ends with 'successfully completed'."),
                        null, null, List.of()),
                new Step("create-users", "Create the tablespaces and schemas", StepKind.CLONE,
                        DocRef.of(dbms, PREPARE, "Import the schemas"),
                        "Create the tablespaces, users and grants in the destination database with "
                                + "create-users.sql (the platform's runtime_oracle_creation.sql and "
                                + "logging_creation_oracle.sql, customized for this plan).",
                        List.of("With multiple schemas, also run the creation scripts Service Center gives under "
                                + "Administration > Database Schemas > Download Creation Script."),
                        null, null, List.of()),
                new Step("import-schemas", "Import the schemas", StepKind.CLONE,
                        DocRef.of(dbms, PREPARE, "Import the schemas"),
                        "Import all schemas and tablespaces at once with impdp and the parameter file impdp.par.",
                        List.of("ORA-31684 (user already exists) is expected: the users were created in the "
                                        + "previous step.",
                                "Any other error in " + o.dataPump().importLogFile() + " must be resolved."),
                        null, null, List.of()));
    }
}
