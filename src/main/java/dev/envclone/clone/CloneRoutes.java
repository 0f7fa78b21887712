package dev.envclone.clone;

import dev.envclone.db.TargetUrl;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.SshSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * Opens the route for a run: refuses a target that is the source ({@link #refuseTargetIsSource}), reads the
     * source (its fingerprint) and prepares one action per clone step the route carries out. Changes nothing
     * anywhere.
     *
     * @param targetUrl the target's URL; for the sandbox, a file that the clone will create
     * @param runFolder the run folder (it may not exist yet: files go there only when an action runs)
     * @param ssh the database host for Data Pump over SSH, or null for the JDBC routes
     * @throws IllegalArgumentException a URL that breaks its rules (bad input, nothing was done)
     * @throws CloneFailedException the target is the source, the source cannot be read, or no route exists for it
     */
    public static CloneRoute open(MigrationPlan plan, Source source, String targetUrl, Path runFolder,
                                  SshSettings ssh) throws CloneFailedException {
        TargetUrl from = TargetUrl.ofOption("--source", source.url());
        refuseTargetIsSource(source.url(), targetUrl);
        return switch (from.driver()) {
            case H2 -> {
                if (ssh != null) {
                    throw new IllegalArgumentException("--ssh: the sandbox clone (an H2 --source) copies a file on "
                            + "this machine: leave out --ssh");
                }
                yield SandboxClone.open(plan, source.url(), source.user(), source.password(), targetUrl, runFolder);
            }
            case SQLSERVER, ORACLE -> throw new CloneFailedException("This build of envclone clones only the "
                    + "rehearsal sandbox (an H2 --source); the " + plan.dbms().displayName() + " route is not in "
                    + "it. Run the clone steps by hand with the files in the plan folder, mark them done by DBA, "
                    + "and run without --source.", "nothing was changed");
        };
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
