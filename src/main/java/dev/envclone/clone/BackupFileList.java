package dev.envclone.clone;

import dev.envclone.procedure.CatalogClone;
import dev.envclone.procedure.DatabaseFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The logical files of a backup set as {@code RESTORE FILELISTONLY} lists them (Microsoft Learn, "RESTORE
 * Statements - FILELISTONLY": LogicalName, PhysicalName, Type D/L/F/S, Size in bytes, and more by version), and
 * the refusal of a restore whose plan does not name exactly those files: {@code RESTORE … WITH MOVE} must move
 * every one of them, under the name the backup gives it.
 */
final class BackupFileList {
    static final String WHAT = "RESTORE FILELISTONLY";

    /** One row: Type D (data), L (log), F (full-text catalog), S (FILESTREAM, FileTable or memory-optimized). */
    record BackupFile(String logicalName, String physicalName, String type, long size) {
        String asOption() {
            return logicalName + ":" + type;
        }
    }

    private BackupFileList() {
    }

    static List<BackupFile> read(ResultSet rows) throws SQLException, CloneFailedException {
        ResultColumns columns = ResultColumns.require(rows, WHAT, "LogicalName", "PhysicalName", "Type", "Size");
        List<BackupFile> files = new ArrayList<>();
        while (columns.next()) {
            Long size = columns.number("Size");
            String type = columns.text("Type");
            files.add(new BackupFile(columns.text("LogicalName"), columns.text("PhysicalName"),
                    type == null ? "?" : type.strip().toUpperCase(Locale.ROOT), size == null ? 0 : size));
        }
        return files;
    }

    /**
     * @param option the plan's option for this catalog's files: {@code --files} or {@code --log-files}
     * @throws CloneFailedException naming the files that differ and the option to pass; nothing done
     */
    static void check(CatalogClone clone, List<BackupFile> files, String file, String option)
            throws CloneFailedException {
        List<String> inBackup = files.stream().map(BackupFile::asOption).toList();
        List<String> inPlan = clone.files().stream().map(DatabaseFile::toString).toList();
        List<String> notInPlan = missingFrom(inBackup, inPlan);
        List<String> notInBackup = missingFrom(inPlan, inBackup);
        if (files.isEmpty()) {
            throw new CloneFailedException(file + " lists no logical files: it holds no backup of "
                    + clone.sourceCatalog() + ". Nothing was restored.", "nothing was changed");
        }
        List<String> unmovable = files.stream().filter(f -> !f.type().equals("D") && !f.type().equals("L"))
                .map(BackupFile::asOption).toList();
        if (!unmovable.isEmpty()) {
            throw new CloneFailedException("The backup of " + clone.sourceCatalog() + " in " + file + " holds "
                    + String.join(", ", unmovable) + " (full-text, FILESTREAM or memory-optimized files), which "
                    + "the plan cannot move: restore it by hand with restore-on-target.sql edited for them. "
                    + "Nothing was restored.", "nothing was changed");
        }
        if (!notInPlan.isEmpty() || !notInBackup.isEmpty()) {
            throw new CloneFailedException("The backup of " + clone.sourceCatalog() + " in " + file + " holds the "
                    + "logical files " + String.join(", ", inBackup) + "; the plan names " + String.join(", ", inPlan)
                    + (notInPlan.isEmpty() ? "" : " (not in the plan: " + String.join(", ", notInPlan) + ")")
                    + (notInBackup.isEmpty() ? "" : " (not in the backup: " + String.join(", ", notInBackup) + ")")
                    + ". Make the plan again with " + option + " " + String.join(",", inBackup)
                    + ". Nothing was restored.", "nothing was changed");
        }
    }

    /** Those of {@code these} that {@code others} lacks, name and type compared as MOVE compares names. */
    private static List<String> missingFrom(List<String> these, List<String> others) {
        java.util.Set<String> known = others.stream().map(o -> o.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return these.stream().filter(t -> !known.contains(t.toLowerCase(Locale.ROOT))).toList();
    }
}
