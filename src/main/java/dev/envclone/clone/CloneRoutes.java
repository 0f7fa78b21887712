package dev.envclone.clone;

import dev.envclone.db.TargetUrl;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.SshSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Chooses how a run clones: by the source's URL (the sandbox copy for H2) and, for Oracle, whether the SSH route
 * is asked for. Also the guard that comes before any clone step: the target must not be the source.
 */
public final class CloneRoutes {
    private CloneRoutes() {
    }

    /**
     * The source as the operator gave it. The password is only passed on to the driver, never stored.
     *
     * @param url the source's JDBC URL ({@code --source})
     * @param user its login, or null for the driver's default ({@code sa} on H2)
     * @param password its password, or null for none
     */
    public record Source(String url, String user, char[] password) {
        public Source {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String toString() {
            return "Source[" + url + ", user " + user + "]";
        }
    }

    /**
     * What the database routes need beyond the two connections.
     *
     * @param runStarted when the run was created ({@code RunFolder.created()}): the Data Pump jobs and the SSH
     *     route's host folder are named after it, so that a resumed run finds those of its first start; before the
     *     run folder exists (the checks), the moment of the check
     * @param passwords asked when an action needs one (the users create-users.sql makes, the SSH login)
     * @param acceptedHostKey the SSH host key fingerprint the operator accepted after envclone showed it, or null
     */
    public record Extras(Instant runStarted, Passwords passwords, String acceptedHostKey) {
        public Extras {
            Objects.requireNonNull(runStarted, "runStarted");
            Objects.requireNonNull(passwords, "passwords");
        }

        /** For a check before the run exists, with the passwords from environment variables. */
        public static Extras now() {
            return new Extras(Instant.now(), new EnvironmentPasswords(), null);
        }
    }

    /** The sandbox route, or a database route with the target's login as {@code targetUrl} carries none. */
    public static CloneRoute open(MigrationPlan plan, Source source, String targetUrl, Path runFolder,
                                  SshSettings ssh) throws CloneFailedException {
        return open(plan, source, new Source(targetUrl, null, null), runFolder, ssh, Extras.now());
    }

    /**
     * Opens the route for a run: refuses a target that is the source ({@link #refuseTargetIsSource}), reads the
     * source (its fingerprint) and prepares one action per clone step the route carries out. Changes nothing
     * anywhere. By the source's URL: H2 the sandbox copy, SQL Server BACKUP/RESTORE over JDBC, Oracle Data Pump
     * through DBMS_DATAPUMP, or over SSH when {@code ssh} is given.
     *
     * @param target the target's URL and login; for the sandbox, a file that the clone will create
     * @param runFolder the run folder (it may not exist yet: files go there only when an action runs)
     * @param ssh the database host for Data Pump over SSH, or null for the JDBC routes
     * @throws IllegalArgumentException a URL that breaks its rules (bad input, nothing was done)
     * @throws CloneFailedException the target is the source, the source cannot be read, or no route exists for it
     */
    public static CloneRoute open(MigrationPlan plan, Source source, Source target, Path runFolder,
                                  SshSettings ssh, Extras extras) throws CloneFailedException {
        TargetUrl from = TargetUrl.ofOption("--source", source.url());
        refuseTargetIsSource(source.url(), target.url());
        if (ssh != null && from.driver() != TargetUrl.Driver.ORACLE) {
            throw new IllegalArgumentException("--ssh: the SSH route runs Oracle's expdp/impdp on the database host; "
                    + "a " + from.driver().name().toLowerCase(Locale.ROOT) + " --source is cloned without it: "
                    + "leave out --ssh");
        }
        try {
            return switch (from.driver()) {
                case H2 -> SandboxClone.open(plan, source.url(), source.user(), source.password(), target.url(),
                        runFolder);
                case SQLSERVER -> SqlServerCloneRoute.open(plan, login(source), login(target));
                case ORACLE -> plan.oracle() == null ? throwOtherDbms(plan, "an Oracle")
                        : ssh == null
                        ? DataPumpOverJdbc.open(plan, source.url(), source.user(), source.password(), target.url(),
                                target.user(), target.password(), extras.runStarted(), extras.passwords())
                        : overSsh(plan, source, target, ssh, extras);
            };
        } catch (java.sql.SQLException e) {
            throw new CloneFailedException("The source or the target could not be read: "
                    + dev.envclone.db.UrlSecrets.mask(String.valueOf(e.getMessage())) + ". Check the URL, user and "
                    + "password.", "nothing was changed", false, e);
        }
    }

    /** The plan is for the other DBMS than the source's URL: bad input, nothing was connected. */
    private static CloneRoute throwOtherDbms(MigrationPlan plan, String source) {
        throw new IllegalArgumentException("--source is " + source + " URL, but the plan is for "
                + plan.dbms().displayName() + ": give the source database of the plan's DBMS, or make a plan for "
                + "the source's");
    }

    private static SqlServerLogin login(Source source) {
        return new SqlServerLogin(source.url(), source.user(), dev.envclone.db.Secret.of(source.password()));
    }

    /**
     * The SSH route: expdp logs in to the source and impdp to the target as the JDBC users given, at the databases
     * their URLs name (Easy Connect {@code host:port/service}); the source's fingerprint is read over JDBC.
     */
    private static CloneRoute overSsh(MigrationPlan plan, Source source, Source target, SshSettings ssh,
                                      Extras extras) throws java.sql.SQLException {
        // Bad input first, before anything is connected.
        DataPumpLogin export = new DataPumpLogin(required(source.user(), "--source-user"), easyConnect(source.url()));
        DataPumpLogin importLogin = new DataPumpLogin(required(target.user(), "--user"), easyConnect(target.url()));
        DataPumpOverSsh.Settings settings = new DataPumpOverSsh.Settings(ssh, extras.acceptedHostKey(), export,
                importLogin, RUN_NAME.format(extras.runStarted()), 0);
        try (dev.envclone.db.TargetSession session = dev.envclone.db.TargetSession.open(source.url(), source.user(),
                source.password(), plan.dbms(), null)) {
            String fingerprint = dev.envclone.db.TargetInspection.fingerprintIn(session.connection(),
                    plan.sourceAdminSchema());
            return new DataPumpOverSsh(plan, settings, extras.passwords(), fingerprint);
        }
    }

    /** 14 digits: the SSH route's run name (at most 16 characters) from the run's start. */
    private static final java.time.format.DateTimeFormatter RUN_NAME = java.time.format.DateTimeFormatter
            .ofPattern("yyyyMMddHHmmss").withZone(java.time.ZoneOffset.UTC);

    private static String required(String user, String option) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException(option + " is missing: over SSH, expdp and impdp log in as the "
                    + "database user given there (one with DATAPUMP_EXP_FULL_DATABASE / DATAPUMP_IMP_FULL_DATABASE)");
        }
        return user;
    }

    /** {@code host:port/service} of an Oracle URL, or its TNS alias; what the tool's Username prompt takes. */
    private static String easyConnect(String url) {
        TargetUrl parsed = TargetUrl.ofOption("--source", url);
        if (parsed.host() == null) {
            return parsed.database();
        }
        return parsed.host() + ":" + (parsed.port() == 0 ? 1521 : parsed.port()) + "/" + parsed.database();
    }

    /**
     * Refuses a target that is the source, before anything exists of the target: for H2 the same file (paths
     * normalised, links followed where the folders exist); otherwise the same server, port and database. The
     * fingerprints are compared again once the target exists ({@code RunSession.checkTarget}).
     */
    public static void refuseTargetIsSource(String sourceUrl, String targetUrl) throws CloneFailedException {
        TargetUrl source = TargetUrl.ofOption("--source", sourceUrl);
        TargetUrl target = TargetUrl.ofCloneTarget("--target", targetUrl);
        boolean same;
        if (source.h2File() != null || target.h2File() != null) {
            same = source.h2File() != null && target.h2File() != null
                    && real(source.h2File()).equals(real(target.h2File()));
        } else {
            same = source.driver() == target.driver()
                    && Objects.equals(lower(source.host()), lower(target.host())) && source.port() == target.port()
                    && Objects.equals(lower(source.database()), lower(target.database()));
        }
        if (same) {
            throw new CloneFailedException("--target is the source: " + target + " names the same database as "
                    + "--source. envclone never clones onto the source nor cleans it: give the new database as "
                    + "--target.", "nothing was changed");
        }
    }

    /** The file as the file system resolves it: the folder's real path (links followed) and the file's name. */
    private static Path real(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path folder = absolute.getParent();
            return folder != null && Files.exists(folder) ? folder.toRealPath().resolve(absolute.getFileName())
                    : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
