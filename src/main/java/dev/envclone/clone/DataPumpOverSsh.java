package dev.envclone.clone;

import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.SshSettings;
import java.util.List;
import java.util.Objects;

/**
 * Oracle Data Pump over SSH, the fallback for sites that mandate the client tools: {@code expdp} and {@code impdp}
 * run on the database host with envclone's parameter files, through one SSH session ({@link SshConnection}). The
 * steps {@code export-schemas}, {@code create-users} (create-users.sql in SQL*Plus on the same host, as the
 * import's login) and {@code import-schemas} are carried out. Moving the dump file stays manual when the two
 * databases do not share the DIRECTORY's folder: Data Pump writes and reads dump files on the database server, never
 * through SSH. See docs/decisions/0016-data-pump-over-ssh.md for what is verified how.
 */
public final class DataPumpOverSsh implements CloneRoute {
    private final MigrationPlan plan;
    private final Settings settings;
    private final Passwords passwords;
    private final String sourceFingerprint;
    private SshConnection connection;
    private int exportedTables;
    private volatile String refusedHostKey;

    /**
     * @param ssh the database host
     * @param acceptedFingerprint the host key fingerprint the operator accepted after envclone showed it (the
     *     wizard's or the command line's answer to a refusal), or null
     * @param exportLogin who runs expdp, on the source database
     * @param importLogin who runs create-users.sql and impdp, on the target database
     * @param run a name unique to the run (1 to 16 letters, digits, _): the host folder {@code .envclone/<run>}
     *     and the jobs {@code ENVCLONE_EXP_<run>} and {@code ENVCLONE_IMP_<run>}
     * @param expectedTables how many tables the export moves (counted on the source), for the progress; 0 when not
     *     known
     */
    public record Settings(SshSettings ssh, String acceptedFingerprint, DataPumpLogin exportLogin,
                           DataPumpLogin importLogin, String run, int expectedTables) {
        public Settings {
            Objects.requireNonNull(ssh, "ssh");
            Objects.requireNonNull(exportLogin, "exportLogin");
            Objects.requireNonNull(importLogin, "importLogin");
            new RemoteToolCommands(run, "expdp");
        }
    }

    /**
     * @param sourceFingerprint the source's fingerprint, read by the caller from its source connection
     */
    public DataPumpOverSsh(MigrationPlan plan, Settings settings, Passwords passwords, String sourceFingerprint) {
        this.plan = plan;
        this.settings = settings;
        this.passwords = passwords;
        this.sourceFingerprint = sourceFingerprint;
    }

    @Override
    public String name() {
        return "Oracle Data Pump over SSH (expdp/impdp on " + settings.ssh().host() + ")";
    }

    @Override
    public String sourceFingerprint() {
        return sourceFingerprint;
    }

    @Override
    public List<CloneAction> actions() {
        return List.of(new DataPumpOverSshAction(this, DataPumpOverSshAction.Tool.EXPORT),
                new CreateUsersOverSshAction(this),
                new DataPumpOverSshAction(this, DataPumpOverSshAction.Tool.IMPORT));
    }

    MigrationPlan plan() {
        return plan;
    }

    Settings settings() {
        return settings;
    }

    Passwords passwords() {
        return passwords;
    }

    /** The one SSH session of the run, opened (and its host key checked) when first needed. */
    synchronized SshConnection connection() throws CloneFailedException {
        if (connection == null || !connection.isOpen()) {
            refusedHostKey = null;
            connection = SshConnection.open(settings.ssh(), passwords, settings.acceptedFingerprint(),
                    fingerprint -> refusedHostKey = fingerprint);
        }
        return connection;
    }

    /**
     * The fingerprint of the host key the last connection refused (not in known_hosts, or changed), which the
     * wizard or the command line shows next to the refusal and, only if the operator confirms it with the host's
     * administrator, passes back as {@link Settings#acceptedFingerprint()} for a new route; null when none was.
     */
    public String refusedHostKey() {
        return refusedHostKey;
    }

    /** Tables the import expects: the plan's count when given, else what this run's export counted. */
    synchronized int expectedTables() {
        return settings.expectedTables() > 0 ? settings.expectedTables() : exportedTables;
    }

    synchronized void exported(int tables) {
        exportedTables = tables;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
