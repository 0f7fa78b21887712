package dev.envclone.run;

import dev.envclone.clone.DataPumpParameterFiles;
import dev.envclone.clone.OracleCreationScript;
import dev.envclone.clone.SqlServerCloneScript;
import dev.envclone.procedure.ChecklistMarkdown;
import dev.envclone.procedure.CleanupScript;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanJson;
import dev.envclone.sql.Dbms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a plan produces, by name: plan.json, cleanup.sql, checklist.md, and clone.sql (SQL Server) or
 * expdp.par, impdp.par and create-users.sql (Oracle). All are generated before any is written, and each is written
 * through a temporary file and a rename, so a folder never holds half a file.
 */
public final class PlanArtifacts {
    private PlanArtifacts() {
    }

    /** File name to content, in the order an operator reads them. */
    public static Map<String, String> of(MigrationPlan plan) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("plan.json", PlanJson.write(plan));
        files.put("checklist.md", ChecklistMarkdown.render(plan));
        if (plan.dbms() == Dbms.SQLSERVER) {
            files.put("clone.sql", SqlServerCloneScript.render(plan));
        } else {
            files.put("expdp.par", DataPumpParameterFiles.export(plan));
            files.put("create-users.sql", OracleCreationScript.render(plan));
            files.put("impdp.par", DataPumpParameterFiles.importParameters(plan));
        }
        files.put("cleanup.sql", CleanupScript.render(plan));
        return files;
    }

    /** Writes every file into {@code folder}, creating it if needed; returns the files written. */
    public static Map<String, String> write(MigrationPlan plan, Path folder) throws IOException {
        Map<String, String> files = of(plan);
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Path temporary = Files.createTempFile(folder, "." + file.getKey(), ".tmp");
            try {
                Files.writeString(temporary, file.getValue(), StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        return files;
    }
}
