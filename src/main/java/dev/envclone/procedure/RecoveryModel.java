package dev.envclone.procedure;

/**
 * The recovery model the clone is set to after the restore. A restored database keeps the source's model; a
 * pre-production clone under FULL with no log backups grows its log until the disk is full, hence SIMPLE by default.
 */
public enum RecoveryModel {
    SIMPLE, FULL, BULK_LOGGED;

    /** As {@code ALTER DATABASE … SET RECOVERY} writes it. */
    public String sql() {
        return name();
    }
}
