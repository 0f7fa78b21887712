package dev.envclone.clone;

import dev.envclone.db.CancelToken;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.MigrationPlan;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code create-users} in the sandbox: an H2 file carries its schemas and users with it, so the copy creates them
 * and this step creates nothing. What it does instead, and records: it checks that the source holds the schema the
 * run's cleanup works in (the plan's admin user, where the sandbox keeps the platform tables), and lists which of
 * the plan's exported schemas the source has and which it has not (a sandbox has only the admin schema).
 */
final class SandboxSchemaCheck implements CloneAction {
    private final String stepId;
    private final TargetSession source;
    private final MigrationPlan plan;

    SandboxSchemaCheck(String stepId, TargetSession source, MigrationPlan plan) {
        this.stepId = stepId;
        this.source = source;
        this.plan = plan;
    }

    @Override
    public String stepId() {
        return stepId;
    }

    @Override
    public String describe() {
        return "check that the source sandbox holds schema " + plan.users().admin() + ", which the H2 copy brings "
                + "with it (nothing is created: an H2 file carries its schemas and users)";
    }

    @Override
    public void check(CancelToken cancel) throws CloneFailedException {
        schemas();
    }

    @Override
    public Map<String, String> run(Started started, CloneListener listener, CancelToken cancel)
            throws CloneFailedException, IOException {
        started.started(SandboxClone.facts("schema", plan.users().admin(), "creates", "nothing"));
        List<String> found = schemas();
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (String schema : plan.oracle() == null ? List.<String>of() : plan.oracle().exportedSchemas()) {
            (found.contains(schema.toUpperCase(Locale.ROOT)) ? present : absent).add(schema);
        }
        listener.logLine("The copy brings schema " + plan.users().admin() + " with it; exported schemas in the "
                + "source: " + present + ", not in the sandbox: " + absent);
        listener.progress("Schemas checked", 100, 100);
        return SandboxClone.facts("schema", plan.users().admin(), "exported.present", String.join(",", present),
                "exported.absent", String.join(",", absent), "created", "nothing: the H2 copy carries its schemas");
    }

    /** The source's schemas; refuses a source without the admin schema. */
    private List<String> schemas() throws CloneFailedException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = source.connection().getMetaData().getSchemas()) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_SCHEM").toUpperCase(Locale.ROOT));
            }
            source.rollback();
        } catch (SQLException e) {
            throw new CloneFailedException("Cannot read the source's schemas: " + e.getMessage().replace('\n', ' '),
                    "nothing was changed", false, e);
        }
        if (!names.contains(plan.users().admin().toUpperCase(Locale.ROOT))) {
            throw new CloneFailedException("The source sandbox has no schema " + plan.users().admin() + " (it has "
                    + names + "): the H2 copy cannot rename schemas, so the plan's admin user must be the sandbox's ("
                    + "OSADMIN).", "nothing was changed");
        }
        return names;
    }

    @Override
    public Recovery recover(Map<String, String> started) {
        return new Recovery(false, "the schema check changes nothing; it runs again");
    }
}
