package dev.envclone.procedure;

/**
 * The five parts the document's procedure falls into, in the order they are done: what the wizard's step list
 * groups its steps under, so that the operator always sees which part of the night they are in.
 *
 * <p>Not {@link InstallPhase}: that one splits the cleanup scripts at the first Configuration Tool step (what runs
 * before the platform writes new keys); this one follows the document's headings. "Prepare the database" holds both
 * the prerequisites and the clone in the document; the clone is a phase of its own here because it is the long job
 * a DBA runs, and the cleanup sections that follow it are the SQL envclone executes. The install path's numbered
 * list ends where the platform is installed and configured (Install Service Center, or Apply and Exit); what
 * follows needs the running environment (Service Center, LifeTime) and is "After the install".
 */
public enum ProcedurePhase {
    PREPARE("Prepare"),
    CLONE("Clone"),
    CLEAN_UP("Clean up"),
    INSTALL("Install or Reconfigure"),
    AFTER_INSTALL("After the install");

    private final String displayName;

    ProcedurePhase(String displayName) {
        this.displayName = displayName;
    }

    /** The heading the step list shows: "Clean up". */
    public String displayName() {
        return displayName;
    }
}
