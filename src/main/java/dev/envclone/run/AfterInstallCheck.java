package dev.envclone.run;

import dev.envclone.db.PreImageRows;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.CleanupCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * After the install: read-only checks that the target came back as itself, against the source's rows the cleanup
 * saved in its pre-images. The security parameters exist again with other values (their values are compared as
 * digests, never shown), no front-end, zone or LifeTime row of the source is back, the database connections are
 * defined again, the platform's version parameters are there, every other catalog has credentials again. Each
 * finding is ok, a warning (something to do) or failed (the source's state is in the target), or not yet (the
 * Configuration Tool has not run, so it cannot pass): the finding says which and what to do.
 */
public final class AfterInstallCheck {
    /** What a check found. */
    public enum Outcome {
        OK("ok"), NOT_YET("not yet"), WARNING("warning"), FAILED("failed");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Finding(String check, Outcome outcome, String detail) {
    }

    /** The install steps after which the Configuration Tool has written the target's own keys and front-ends. */
    private static final List<String> INSTALLED = List.of("install-service-center", "apply-and-exit");

    private final RunFolder run;
    private final Connection connection;
    private final dev.envclone.sql.Dialect dialect;
    private final boolean installed;

    public AfterInstallCheck(RunFolder run, TargetSession target) {
        this.run = run;
        this.connection = target.connection();
        this.dialect = target.dialect();
        this.installed = INSTALLED.stream().anyMatch(id -> run.state().of(id).finished());
    }

    /** Runs every check and journals what each found; returns the findings. */
    public List<Finding> checkAndRecord(String operator) throws SQLException, IOException {
        List<Finding> findings = check();
        Map<String, String> data = new LinkedHashMap<>();
        Outcome worst = Outcome.OK;
        for (int i = 0; i < findings.size(); i++) {
            String key = String.format(Locale.ROOT, "check.%02d", i + 1);
            data.put(key + ".name", findings.get(i).check());
            data.put(key + ".outcome", findings.get(i).outcome().label());
            data.put(key + ".detail", findings.get(i).detail());
            worst = findings.get(i).outcome().compareTo(worst) > 0 ? findings.get(i).outcome() : worst;
        }
        data.put("outcome", worst.label());
        run.journal().append(JournalEvent.AFTER_INSTALL_CHECKED, null, operator, data);
        return findings;
    }

    /** The worst of the findings: failed, then warning, then not yet, then ok. */
    public static Outcome worst(List<Finding> findings) {
        return findings.stream().map(Finding::outcome).max(Enum::compareTo).orElse(Outcome.OK);
    }

    /** Every check, in the procedure's order; nothing is changed. */
    public List<Finding> check() throws SQLException, IOException {
        read.clear();
        List<Finding> findings = new ArrayList<>();
        try {
            findings.add(securityKeys());
            findings.add(frontEnds());
            findings.add(sourceRowsGone("deployment zones", CleanupCatalog.DEPLOYMENT_ZONES.id(), "zone"));
            findings.add(sourceRowsGone("LifeTime registration", CleanupCatalog.MANAGED_BY_LIFETIME.id(),
                    "LifeTime"));
            findings.add(sourceRowsGone("LifeTime environments", CleanupCatalog.RUNNING_LIFETIME.id(), "LifeTime"));
            findings.add(connectionsDefined());
            findings.add(versionParameters());
            findings.add(catalogCredentials());
        } finally {
            connection.rollback();
        }
        return findings;
    }

    /** The security parameters the cleanup deleted: back, each with a value other than the source's. */
    private Finding securityKeys() throws SQLException, IOException {
        String check = "security keys";
        ExecutedStep step = ExecutedStep.of(run, CleanupCatalog.ENVIRONMENT_SECURITY.id()).orElse(null);
        if (step == null) {
            return notExecuted(check, CleanupCatalog.ENVIRONMENT_SECURITY.id());
        }
        Map<String, String> now = new LinkedHashMap<>();
        for (Map<String, String> row : rows("select * from ossys_parameter")) {
            now.put(row.get("NAME"), digest(withoutKeys(row)));
        }
        Set<String> missing = new LinkedHashSet<>();
        Set<String> same = new LinkedHashSet<>();
        for (Map<String, String> saved : savedRows(step)) {
            String name = saved.get("NAME");
            String value = now.get(name);
            if (value == null) {
                missing.add(name);
            } else if (value.equals(digest(withoutKeys(saved)))) {
                same.add(name);
            }
        }
        if (!same.isEmpty()) {
            return new Finding(check, Outcome.FAILED, String.join(", ", same) + " still hold the source's value: "
                    + "the target would use the source's keys. Delete them (restore and run the cleanup step again) "
                    + "and run the Configuration Tool again.");
        }
        if (!missing.isEmpty()) {
            return new Finding(check, installed ? Outcome.WARNING : Outcome.NOT_YET, missing.size() + " of the "
                    + "deleted parameters are not there yet (" + String.join(", ", missing) + "): "
                    + (installed ? "the Configuration Tool did not create them; run it again (Apply and Exit)."
                    : "the Configuration Tool creates them; it has not run yet."));
        }
        return new Finding(check, Outcome.OK, "every deleted parameter exists again with a value of the target's "
                + "own (compared as digests)");
    }

    /** None of the rows the step deleted or changed is back exactly as the source had it. */
    private Finding sourceRowsGone(String check, String stepId, String what) throws SQLException, IOException {
        ExecutedStep step = ExecutedStep.of(run, stepId).orElse(null);
        if (step == null) {
            return notExecuted(check, stepId);
        }
        List<String> back = new ArrayList<>();
        for (int i = 1; i <= step.statements(); i++) {
            String table = step.field(i, "table");
            PreImageRows saved = PreImageRows.read(run.folder().resolve(step.field(i, "preimage.file")));
            if (saved.rows().isEmpty() || "ddl".equals(step.field(i, "kind"))) {
                continue;
            }
            Set<String> current = new java.util.HashSet<>();
            for (Map<String, String> row : rows("select * from " + table)) {
                current.add(digest(row));
            }
            long found = 0;
            for (List<String> row : saved.rows()) {
                if (current.contains(digest(asMap(saved.columns(), row)))) {
                    found++;
                }
            }
            if (found > 0) {
                back.add(table + " (" + found + " of " + saved.rows().size() + ")");
            }
        }
        return back.isEmpty() ? new Finding(check, Outcome.OK, "none of the source's " + what + " rows is back")
                : new Finding(check, Outcome.FAILED, "the source's " + what + " rows are back in " + String.join(", ",
                back) + ": the target would act on the source's settings. Run the cleanup step again (restore it "
                + "first if it is done).");
    }

    /** The target's own front-ends are listed, none of them one of the source's (by name). */
    private Finding frontEnds() throws SQLException, IOException {
        String check = "front-ends";
        ExecutedStep step = ExecutedStep.of(run, CleanupCatalog.FRONT_ENDS.id()).orElse(null);
        if (step == null) {
            return notExecuted(check, CleanupCatalog.FRONT_ENDS.id());
        }
        Set<String> source = new java.util.HashSet<>();
        for (Map<String, String> saved : savedRows(step)) {
            source.add(saved.get("NAME"));
        }
        List<Map<String, String>> servers = rows("select * from ossys_server");
        List<String> theSources = servers.stream().map(r -> r.get("NAME")).filter(source::contains).toList();
        if (!theSources.isEmpty()) {
            return new Finding(check, Outcome.FAILED, "the source's front-end" + (theSources.size() == 1 ? " " : "s ")
                    + String.join(", ", theSources) + " listed: the target would deploy to the source's servers. "
                    + "Run the front-ends cleanup step again (restore it first if it is done).");
        }
        if (servers.isEmpty()) {
            return new Finding(check, installed ? Outcome.WARNING : Outcome.NOT_YET, installed
                    ? "no front-end listed: start the OutSystems services on each front-end, then check again."
                    : "the target's front-ends register themselves when its installed services start.");
        }
        return new Finding(check, Outcome.OK, servers.size() + " front-end" + (servers.size() == 1 ? "" : "s")
                + " of the target's own listed, none of the source's");
    }

    /** Each connection the cleanup deleted is defined again, under its name. */
    private Finding connectionsDefined() throws SQLException, IOException {
        String check = "database connections";
        ExecutedStep step = ExecutedStep.of(run, CleanupCatalog.DATABASE_CONNECTIONS.id()).orElse(null);
        if (step == null) {
            return notExecuted(check, CleanupCatalog.DATABASE_CONNECTIONS.id());
        }
        Set<String> now = new java.util.HashSet<>();
        for (Map<String, String> row : rows("select * from ossys_dbconnection")) {
            now.add(row.get("NAME"));
        }
        List<String> missing = new ArrayList<>();
        for (Map<String, String> saved : savedRows(step)) {
            if (!now.contains(saved.get("NAME"))) {
                missing.add(saved.get("NAME"));
            }
        }
        if (!missing.isEmpty()) {
            return new Finding(check, Outcome.WARNING, "not defined again yet: " + String.join(", ", missing)
                    + " (database-connections.md in the run folder says how; then map the extensions).");
        }
        List<String> unmapped = unmappedConnections();
        return unmapped.isEmpty() ? new Finding(check, Outcome.OK, "every deleted connection is defined again, "
                + "and mapped where the source mapped it")
                : new Finding(check, Outcome.WARNING, "defined again but not mapped to an extension as in the "
                + "source: " + String.join(", ", unmapped) + " (Service Center, the extension's Operation tab).");
    }

    /** The connections the source mapped to extensions (database-connections.md's journal entry) not mapped now. */
    private List<String> unmappedConnections() throws SQLException {
        JournalEntry saved = run.journal().entries().stream()
                .filter(e -> e.event() == JournalEvent.DATABASE_CONNECTIONS_SAVED).findFirst().orElse(null);
        if (saved == null) {
            return List.of();
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map<String, String> row : rows("select * from ossys_dbconnection")) {
            ids.put(row.get("NAME"), row.get("ID"));
        }
        Set<String> mapped = new java.util.HashSet<>();
        for (Map<String, String> row : rows("select * from ossys_extension_dbconnection")) {
            mapped.add(row.get("DBCONNECTION_ID"));
        }
        List<String> unmapped = new ArrayList<>();
        for (int i = 1; saved.get(String.format(Locale.ROOT, "connection.%02d.name", i)) != null; i++) {
            String key = String.format(Locale.ROOT, "connection.%02d", i);
            String name = saved.get(key + ".name");
            if (!"0".equals(saved.get(key + ".mappings")) && !mapped.contains(ids.get(name))) {
                unmapped.add(name);
            }
        }
        return unmapped;
    }

    /**
     * The platform's version parameters, which the Configuration Tool writes, are set and agree with the platform's
     * own version (ossys_platformconfig's "Platform Version", where the platform has it): the clone carries the
     * source's, and a target installed at another version that still shows them did not run the tool to the end.
     */
    private Finding versionParameters() throws SQLException {
        String check = "version parameters";
        Map<String, String> values = new LinkedHashMap<>();
        for (Map<String, String> row : rows("select * from ossys_parameter")) {
            values.put(row.get("NAME"), value(row));
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("version", "sessionversion")) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            return new Finding(check, installed ? Outcome.WARNING : Outcome.NOT_YET, String.join(" and ", missing)
                    + " not set: " + (installed ? "run the Configuration Tool again." : "the Configuration Tool "
                    + "sets them."));
        }
        String platform = platformVersion();
        if (platform == null) {
            return new Finding(check, Outcome.OK, "version and sessionversion set (the platform's own version is "
                    + "not in ossys_platformconfig to compare with)");
        }
        List<String> other = new ArrayList<>();
        for (String name : List.of("version", "sessionversion")) {
            if (!platform.equals(values.get(name))) {
                other.add(name + " " + values.get(name));
            }
        }
        return other.isEmpty() ? new Finding(check, Outcome.OK, "version and sessionversion are the platform's "
                + platform) : new Finding(check, installed ? Outcome.WARNING : Outcome.NOT_YET, String.join(" and ",
                other) + " differ from the platform's " + platform + ": " + (installed ? "run the Configuration Tool "
                + "again (Apply and Exit)." : "the Configuration Tool sets them when it runs."));
    }

    /** ossys_platformconfig's "Platform Version", or null where the platform keeps no such row. */
    private String platformVersion() throws SQLException {
        if (!dev.envclone.db.CleanupStatements.tableExists(connection, dialect, "ossys_platformconfig")) {
            return null;
        }
        for (Map<String, String> row : rows("select * from ossys_platformconfig")) {
            if ("Platform Version".equals(row.get("NAME"))) {
                return value(row);
            }
        }
        return null;
    }

    /** A parameter's value: the column that is neither ID nor NAME (VALUE or VAL, by platform version). */
    private static String value(Map<String, String> row) {
        return withoutKeys(row).values().stream().filter(v -> v != null).findFirst().orElse(null);
    }

    /** Every catalog but (Main) has credentials again, set in Service Center after the cleanup blanked them. */
    private Finding catalogCredentials() throws SQLException {
        List<String> blank = new ArrayList<>();
        for (Map<String, String> row : rows("select * from ossys_dbcatalog")) {
            if (!"(Main)".equals(row.get("NAME")) && (isBlank(row.get("USERNAME")) || isBlank(row.get("PASSWORD")))) {
                blank.add(row.get("NAME"));
            }
        }
        return blank.isEmpty() ? new Finding("catalog credentials", Outcome.OK, "every catalog has credentials")
                : new Finding("catalog credentials", Outcome.WARNING, "no credentials yet for " + String.join(", ",
                blank) + ": set them in Service Center, Administration > Database Catalogs.");
    }

    private Finding notExecuted(String check, String stepId) {
        boolean planned = dev.envclone.procedure.ProcedureCatalog.cleanupSteps(run.plan()).stream()
                .anyMatch(s -> s.id().equals(stepId));
        if (!planned) {
            return new Finding(check, Outcome.OK, "not part of this plan (" + stepId + " is left out)");
        }
        StepState state = run.state().of(stepId);
        if (!state.finished()) {
            // Pending, prepared, failed, restored: the cleanup is still to run, and so the check cannot pass yet.
            return new Finding(check, Outcome.NOT_YET, "the cleanup step " + stepId + " has not run yet ("
                    + state.label() + "): run it, then check again.");
        }
        return new Finding(check, Outcome.WARNING, "the step " + stepId + " was " + state.label() + ", not executed "
                + "by envclone: there are no saved rows to compare with; check it by hand.");
    }

    private List<Map<String, String>> savedRows(ExecutedStep step) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i <= step.statements(); i++) {
            Path file = run.folder().resolve(step.field(i, "preimage.file"));
            PreImageRows saved = PreImageRows.read(file);
            for (List<String> row : saved.rows()) {
                rows.add(asMap(saved.columns(), row));
            }
        }
        return rows;
    }

    /** Each query's rows, read once per check: several checks read ossys_parameter and ossys_dbconnection. */
    private final Map<String, List<Map<String, String>>> read = new java.util.HashMap<>();

    private List<Map<String, String>> rows(String sql) throws SQLException {
        List<Map<String, String>> cached = read.get(sql);
        if (cached != null) {
            return cached;
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.put(meta.getColumnLabel(c).toUpperCase(Locale.ROOT), result.getString(c));
                }
                rows.add(row);
            }
        }
        read.put(sql, rows);
        return rows;
    }

    private static Map<String, String> asMap(List<String> columns, List<String> values) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            row.put(columns.get(c).toUpperCase(Locale.ROOT), values.get(c));
        }
        return row;
    }

    /** The row less its ID and NAME: what a recreated parameter changes. */
    private static Map<String, String> withoutKeys(Map<String, String> row) {
        Map<String, String> rest = new LinkedHashMap<>(row);
        rest.remove("ID");
        rest.remove("NAME");
        return rest;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A row's values as one SHA-256: compared, never shown. */
    private static String digest(Map<String, String> row) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> field : row.entrySet()) {
                sha.update((field.getKey() + "\u0000" + (field.getValue() == null ? "\u0001" : field.getValue())
                        + "\u0000").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
