package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import dev.envclone.db.TargetInspection;
import dev.envclone.db.TargetSession;
import dev.envclone.db.TargetUrl;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.procedure.StepKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rehearsal's clone: a source sandbox (an H2 file, {@code envclone sandbox create}) copied into the target
 * file by H2's own copy mechanism, so that the rehearsal starts from a source as the window does. The source is
 * opened read-only ({@link TargetSession#openSandboxSource}) and {@code BACKUP TO} writes a consistent copy of its
 * file into a zip in the run folder ({@link SandboxBackup}); the target file is then extracted from it under a
 * temporary name and moved into place in one atomic rename ({@link SandboxRestore}), so that the target exists only
 * once it is whole, and only the clone creates it.
 *
 * <p>The plan's clone steps map onto these two halves: SQL Server {@code backup-database} (BACKUP) and
 * {@code restore-database} (extract and move); Oracle {@code export-schemas} (BACKUP), {@code create-users} (an H2
 * copy brings its schemas with it, so the step only checks that the source holds the plan's admin schema:
 * {@link SandboxSchemaCheck}) and {@code import-schemas} (extract and move). Any other clone step (the Oracle
 * revoke) has no action here and stays manual.
 *
 * <p>Why BACKUP and not the alternatives (measured on H2 2.5.252, 21 MB file): it works on a database opened
 * read-only and leaves the source file byte for byte as it was; it copies the store's file as it stands at a commit,
 * which a plain file copy of an open database does not promise; {@code SCRIPT}/{@code RUNSCRIPT} rebuilds every row
 * and index and is many times slower. H2 reports no progress while BACKUP runs (its DatabaseEventListener gets
 * nothing from it), and the zip it writes is deflated, so its size is no fraction of the source's: while BACKUP
 * runs the progress names the bytes written, with no percent; the extraction reports exact percents.
 */
public final class SandboxClone implements CloneRoute {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxClone.class);
    /** The folder of the run folder that holds the backup. */
    static final String FOLDER = "clone";

    private final TargetSession source;
    private final Path sourceFile;
    private final String fingerprint;
    private final List<CloneAction> actions;

    private SandboxClone(TargetSession source, Path sourceFile, String fingerprint, List<CloneAction> actions) {
        this.source = source;
        this.sourceFile = sourceFile;
        this.fingerprint = fingerprint;
        this.actions = actions;
    }

    /**
     * Opens the source read-only and reads its fingerprint.
     *
     * @param sourceUrl the source sandbox's URL as {@code envclone sandbox create} printed it (the file must exist)
     * @param targetUrl the target's H2 file URL; the file must not exist yet (checked by the actions)
     * @param runFolder where the backup goes ({@code clone/STEP.zip})
     * @throws IllegalArgumentException a URL that is not an H2 file database, naming the option
     * @throws CloneFailedException the source cannot be opened or is not a platform database
     */
    public static SandboxClone open(MigrationPlan plan, String sourceUrl, String user, char[] password,
                                    String targetUrl, Path runFolder) throws CloneFailedException {
        Path sourceFile = fileOf("--source", TargetUrl.ofOption("--source", sourceUrl));
        Path targetFile = fileOf("--target", TargetUrl.ofCloneTarget("--target", targetUrl));
        TargetSession session;
        try {
            session = TargetSession.openSandboxSource(sourceFile, user, password, plan.dbms(),
                    plan.users().admin());
        } catch (SQLException e) {
            throw new CloneFailedException("Cannot open the source sandbox " + sourceFile + " read-only: "
                    + e.getMessage().replace('\n', ' ') + ". Check --source and --source-user.",
                    "nothing was changed", false, e);
        }
        try {
            TargetInspection.Facts facts = TargetInspection.inspect(session);
            if (!facts.platformDatabase()) {
                throw new CloneFailedException("The source " + facts.fingerprint() + " is not an OutSystems "
                        + "platform database (its ossys_ tables are missing): give the sandbox made with envclone "
                        + "sandbox create as --source.", "nothing was changed");
            }
            session.rollback();
            List<CloneAction> actions = actions(plan, session, sourceFile, targetFile, runFolder);
            LOG.info("Sandbox clone: source {} (read-only, {}), target {}, actions {}", sourceFile,
                    facts.fingerprint(), targetFile, actions.stream().map(CloneAction::stepId).toList());
            return new SandboxClone(session, sourceFile, facts.fingerprint(), actions);
        } catch (SQLException e) {
            closeQuietly(session, e);
            throw new CloneFailedException("Cannot read the source sandbox " + sourceFile + ": "
                    + e.getMessage().replace('\n', ' '), "nothing was changed", false, e);
        } catch (CloneFailedException | RuntimeException e) {
            closeQuietly(session, e);
            throw e;
        }
    }

    private static List<CloneAction> actions(MigrationPlan plan, TargetSession source, Path sourceFile,
                                             Path targetFile, Path runFolder) {
        List<CloneAction> actions = new ArrayList<>();
        Path backup = null;
        for (Step step : ProcedureCatalog.allSteps(plan)) {
            if (step.kind() != StepKind.CLONE) {
                continue;
            }
            switch (step.id()) {
                case "backup-database", "export-schemas" -> {
                    backup = runFolder.resolve(FOLDER).resolve(step.id() + ".zip");
                    actions.add(new SandboxBackup(step.id(), source, sourceFile, backup, runFolder));
                }
                case "create-users" -> actions.add(new SandboxSchemaCheck(step.id(), source, plan));
                case "restore-database", "import-schemas" -> {
                    if (backup == null) {
                        throw new IllegalStateException(step.id() + " comes before the backup in the plan");
                    }
                    actions.add(new SandboxRestore(step.id(), backup, targetFile, Files.exists(sourceFile)
                            ? size(sourceFile) : 0));
                }
                default -> {
                    // No sandbox action (the revoke after a same-instance import): it stays manual.
                }
            }
        }
        return List.copyOf(actions);
    }

    /** The {@code .mv.db} file of an H2 file URL; anything else is not a sandbox. */
    private static Path fileOf(String option, TargetUrl url) {
        if (url.driver() != TargetUrl.Driver.H2 || url.h2File() == null) {
            throw new IllegalArgumentException(option + " " + url + ": the sandbox clone copies an H2 file database:"
                    + " give the jdbc:h2:file:PATH URL envclone sandbox create prints");
        }
        return url.h2File();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The source's {@code .mv.db} file. */
    public Path sourceFile() {
        return sourceFile;
    }

    @Override
    public String name() {
        return "H2 copy (BACKUP TO of the source opened read-only, extracted into the new target file)";
    }

    @Override
    public String sourceFingerprint() {
        return fingerprint;
    }

    @Override
    public List<CloneAction> actions() {
        return actions;
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (SQLException e) {
            LOG.warn("Closing the read-only source session failed: {}", e.getMessage());
        }
    }

    private static void closeQuietly(TargetSession session, Exception failure) {
        try {
            session.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Cancelled work as a clone failure, with what it left. */
    static CloneFailedException cancelled(String what, String left) {
        return new CloneFailedException(what + " was cancelled by the operator.", left, true, null);
    }

    /** Throws the cancel as a clone failure when the operator cancelled. */
    static void checkCancel(CancelToken cancel, String what, String left) throws CloneFailedException {
        if (cancel.isCancelled()) {
            throw cancelled(what, left);
        }
    }

    static Map<String, String> facts(String... keysAndValues) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            facts.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return facts;
    }
}
