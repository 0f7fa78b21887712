package dev.envclone.clone;

import java.util.List;

/**
 * How a run clones its source onto its target: the sandbox copy (H2), SQL Server backup/restore over JDBC, Oracle
 * Data Pump through DBMS_DATAPUMP or over SSH. Open for the run, closed after it.
 */
public interface CloneRoute extends AutoCloseable {

    /** What the route is, for the journal and the report: "H2 copy", "SQL Server BACKUP/RESTORE over JDBC", ... */
    String name();

    /** The source's fingerprint, read from the source connection ({@code TargetInspection.fingerprint}). */
    String sourceFingerprint();

    /**
     * The actions for the plan's clone steps, in the plan's order. A clone step with no action here stays manual
     * (done by DBA).
     */
    List<CloneAction> actions();

    @Override
    void close();
}
