package dev.envclone.procedure;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the SQL Server clone is backed up and set up after its restore.
 *
 * @param backupName the part of the backup file names unique to this plan: each source catalog is written to
 *     {@code <backup folder>\<source catalog>_<backupName>.bak}, a file that must not exist yet
 * @param recoveryModel the clone's recovery model after the restore (default SIMPLE)
 * @param owner the login that owns the clone after the restore (default sa), instead of the restoring login
 * @param dataFileGrowth FILEGROWTH of every data file, in MB or GB (default 512MB): the document's "recommended
 *     database files growth", fixed increments rather than a percentage
 * @param logFileGrowth FILEGROWTH of every log file (default 256MB)
 */
public record RestoreSettings(String backupName, RecoveryModel recoveryModel, String owner, String dataFileGrowth,
                              String logFileGrowth) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The defaults, with a backup name made from the moment the plan is made. */
    public static RestoreSettings defaults(Instant planMade) {
        return new RestoreSettings(defaultBackupName(planMade), RecoveryModel.SIMPLE, "sa", "512MB", "256MB");
    }

    /** {@code envclone_20261201T225100Z}: two plans made a second apart get different files. */
    public static String defaultBackupName(Instant planMade) {
        return "envclone_" + STAMP.format(planMade);
    }
}
