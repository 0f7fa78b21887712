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
        return Step.manual(ProcedurePhase.PREPARE, "prerequisites", "Prerequisites", DocRef.of(plan.dbms()),
                "Confirm the conditions the document sets before anything is cloned.", all.toArray(String[]::new));
    }

    private static List<Step> sqlServer(MigrationPlan plan) {
        SqlServerSettings s = plan.sqlServer();
        Dbms dbms = Dbms.SQLSERVER;
        RestoreSettings r = s.restore();
        List<String> details = new ArrayList<>(List.of(
                "The restore goes to a new catalog, " + s.platform().catalog() + ", not over the source catalog "
                        + s.platform().sourceCatalog() + " or any other active database.",
                "The restored files get new physical names: data in " + s.dataFolder() + ", log in "
                        + s.logFolder() + ".",
                "The recommended file growth for the restored files is agreed: " + r.dataFileGrowth()
                        + " for data files, " + r.logFileGrowth() + " for log files (fixed increments)."));
        if (s.log() != null) {
            details.add("The log database " + s.log().sourceCatalog() + " is restored as " + s.log().catalog()
                    + ".");
        }
        return List.of(
                prerequisites(plan, details),
                new Step("backup-database", "Clone the databases: back up the source", StepKind.CLONE,
                        DocRef.of(dbms, PREPARE, "Clone the databases"),
                        "On the SOURCE database server, run " + CloneFiles.BACKUP + " in sqlcmd or in SSMS with "
                                + "SQLCMD mode on, as a login with BACKUP DATABASE rights: a copy-only backup with "
                                + "checksums of each source catalog, into new files in " + s.backupFolder() + ".",
                        List.of("It refuses a backup file that already exists: a plan's backup files are named "
                                        + "for it (" + r.backupName() + ").",
                                "Then make the files readable by the target server's service account under the "
                                        + "same path, " + s.backupFolder() + " (a share both servers reach, or a "
                                        + "copy into that folder on the target)."),
                        null, null, List.of(), ProcedurePhase.CLONE),
                new Step("restore-database", "Clone the databases: restore on the target", StepKind.CLONE,
                        DocRef.of(dbms, PREPARE, "Clone the databases"),
                        "On the TARGET database server, after the backup, run " + CloneFiles.RESTORE + " in "
                                + "sqlcmd or in SSMS with SQLCMD mode on, as a login with CREATE DATABASE rights: "
                                + "each backup restored under its new catalog name, every file moved.",
                        List.of("Before any RESTORE it stops if the catalog exists or the file is not this plan's "
                                        + "backup (RESTORE HEADERONLY: the source catalog's name, one full copy-only "
                                        + "backup set with checksums, a SQL Server no newer than the target).",
                                "Check the logical file names that RESTORE FILELISTONLY lists against the plan.",
                                recoveryReason(r.recoveryModel()),
                                "Owner " + r.owner() + ": otherwise the login that ran the restore owns the clone.",
                                "The restore ends with 'RESTORE DATABASE successfully processed'; the new catalog "
                                        + s.platform().catalog() + " is online."),
                        null, null, List.of(), ProcedurePhase.CLONE),
                SecurityContextStep.forPlan(plan));
    }

    private static List<Step> oracle(MigrationPlan plan) {
        OracleSettings o = plan.oracle();
        Dbms dbms = Dbms.ORACLE;
        List<String> details = List.of(
                "If the import goes to the same database instance the export came from, the imported users "
                        + "must lose every permission over the original schemas (" + CloneFiles.REVOKE
                        + " revokes them after the import).",
                "Tablespaces, datafile paths and users of the import do not clash with existing ones.");
        String exported = String.join(", ", o.exportedSchemas());
        List<Step> steps = new ArrayList<>(List.of(
                prerequisites(plan, details),
                Step.manual(ProcedurePhase.CLONE, "find-schemas", "Find out the schemas that need to be cloned",
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
                        null, null, List.of(), ProcedurePhase.CLONE),
                new Step("create-users", "Create the tablespaces and schemas", StepKind.CLONE,
                        DocRef.of(dbms, PREPARE, "Import the schemas"),
                        "Create the tablespaces, users and grants in the destination database with "
                                + CloneFiles.CREATE_USERS + " in SQL*Plus as a DBA (the platform's "
                                + "runtime_oracle_creation.sql and logging_creation_oracle.sql, customized for this "
                                + "plan).",
                        List.of("With multiple schemas, first run the creation scripts Service Center gives under "
                                        + "Administration > Database Schemas > Download Creation Script: "
                                        + CloneFiles.CREATE_USERS + " stops before it creates anything if the "
                                        + "application schemas or their tablespaces do not exist.",
                                o.temporaryTablespace() == null
                                        ? "The users get the database's default temporary tablespace."
                                        : "The users get the temporary tablespace " + o.temporaryTablespace() + "."),
                        null, null, List.of(), ProcedurePhase.CLONE),
                new Step("import-schemas", "Import the schemas", StepKind.CLONE,
                        DocRef.of(dbms, PREPARE, "Import the schemas"),
                        "Import all schemas and tablespaces at once with impdp and the parameter file impdp.par.",
                        List.of("ORA-31684 (user already exists) is expected: the users were created in the "
                                        + "previous step.",
                                "Any other error in " + o.dataPump().importLogFile() + " must be resolved."),
                        null, null, List.of(), ProcedurePhase.CLONE)));
        if (!o.remappedSchemas().isEmpty()) {
            steps.add(revoke(o));
        }
        return List.copyOf(steps);
    }

    /** Only when a schema is remapped: without one, the import cannot go into the source instance. */
    private static Step revoke(OracleSettings o) {
        return new Step("revoke-original-privileges", "Revoke the imported users' permissions over the original "
                + "schemas", StepKind.CLONE, DocRef.of(Dbms.ORACLE, PREPARE, "Import the schemas"),
                "Only when the import went into the instance the export came from: after impdp, run "
                        + CloneFiles.REVOKE + " in SQL*Plus as a DBA. It lists, revokes and then checks the "
                        + "privileges the imported users hold on " + String.join(", ", o.remappedSchemas()) + ".",
                List.of("Importing into another database: skip this step and say so."),
                null, null, List.of(), ProcedurePhase.CLONE);
    }

    /** Why the clone's recovery model is set, in the step text. */
    private static String recoveryReason(RecoveryModel model) {
        return switch (model) {
            case SIMPLE -> "Recovery model SIMPLE: the clone would keep the source's, and under FULL with no log "
                    + "backups its log grows until the disk is full.";
            case FULL, BULK_LOGGED -> "Recovery model " + model.sql() + ", as the plan says: schedule log backups "
                    + "of the clone, or its log grows until the disk is full.";
        };
    }
}
