package dev.envclone.procedure;

import java.util.Map;

/** The file each clone step runs, by step id: one file per step, run at one time on one server. */
public final class CloneFiles {
    public static final String BACKUP = "backup-on-source.sql";
    public static final String RESTORE = "restore-on-target.sql";
    public static final String EXPORT = "expdp.par";
    public static final String CREATE_USERS = "create-users.sql";
    public static final String IMPORT = "impdp.par";
    public static final String REVOKE = "revoke-after-import.sql";

    private static final Map<String, String> BY_STEP = Map.of(
            "backup-database", BACKUP,
            "restore-database", RESTORE,
            "export-schemas", EXPORT,
            "create-users", CREATE_USERS,
            "import-schemas", IMPORT,
            "revoke-original-privileges", REVOKE);

    private CloneFiles() {
    }

    /** The file a clone step runs, or null for a step that runs none. */
    public static String forStep(String stepId) {
        return BY_STEP.get(stepId);
    }
}
