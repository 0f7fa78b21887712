package dev.envclone.run;

import dev.envclone.clone.DataPumpParameterFiles;
import dev.envclone.clone.OracleCreationScript;
import dev.envclone.clone.OracleRevokeScript;
import dev.envclone.clone.SqlServerBackupScript;
import dev.envclone.clone.SqlServerRestoreScript;
import dev.envclone.files.OwnerOnly;
import dev.envclone.procedure.ChecklistMarkdown;
import dev.envclone.procedure.CleanupScript;
import dev.envclone.procedure.CloneFiles;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanJson;
import dev.envclone.procedure.UnattendedScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a plan produces, by name: plan.json, checklist.md, backup-on-source.sql and restore-on-target.sql
 * (SQL Server) or expdp.par, create-users.sql, impdp.par and, when the plan remaps a schema,
 * revoke-after-import.sql (Oracle), and the cleanup scripts cleanup-before-install.sql and
 * cleanup-after-install.sql. All are generated before any is written, and all are written
 * to temporary files before any is renamed in place, so a folder never holds half a file or half a plan.
 */
public final class PlanArtifacts {
    private PlanArtifacts() {
    }

    /** File name to content, in the order an operator reads them. */
    public static Map<String, String> of(MigrationPlan plan) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("plan.json", PlanJson.write(plan));
        files.put("checklist.md", ChecklistMarkdown.render(plan));
        files.putAll(switch (plan.dbms()) {
            case SQLSERVER -> sqlServerCloneFiles(plan);
            case ORACLE -> oracleCloneFiles(plan);
        });
        files.putAll(CleanupScript.files(plan));
        files.put(UnattendedScript.FILE, UnattendedScript.render(plan));
        return files;
    }

    /** The clone by backup and restore: one script for each server. */
    private static Map<String, String> sqlServerCloneFiles(MigrationPlan plan) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(CloneFiles.BACKUP, SqlServerBackupScript.render(plan));
        files.put(CloneFiles.RESTORE, SqlServerRestoreScript.render(plan));
        return files;
    }

    /** The clone by Data Pump: export, users, import, and the revoke where a schema is remapped. */
    private static Map<String, String> oracleCloneFiles(MigrationPlan plan) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(CloneFiles.EXPORT, DataPumpParameterFiles.export(plan));
        files.put(CloneFiles.CREATE_USERS, OracleCreationScript.render(plan));
        files.put(CloneFiles.IMPORT, DataPumpParameterFiles.importParameters(plan));
        if (OracleRevokeScript.applies(plan)) {
            files.put(CloneFiles.REVOKE, OracleRevokeScript.render(plan));
        }
        return files;
    }

    /**
     * Writes every file into {@code folder}, owner-only, creating the folder (owner-only) if needed; an existing
     * folder is left as it is. All or none: if one file cannot be written, no file of the plan is replaced.
     * Returns the files written.
     */
    public static Map<String, String> write(MigrationPlan plan, Path folder) throws IOException {
        Map<String, String> files = of(plan);
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        OwnerOnly.writeAll(folder, bytes, "plan file");
        return files;
    }
}
