package dev.envclone.ui;

import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.common.Background;
import dev.envclone.ui.common.Settings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A wizard view model on a fresh small sandbox, with a run started from the DBMS's default plan: what page and
 * view-model tests start from. With {@link Background#direct()} every job runs at once on the test's thread.
 */
public final class WizardFixture {
    public final Dbms dbms;
    public final Path folder;
    public final String url;
    public final WizardViewModel wizard;

    /** The rehearsal's "production" source, when the fixture clones; null otherwise. */
    public final String sourceUrl;

    private WizardFixture(Dbms dbms, Path folder, Background background, boolean startRun) throws Exception {
        this(dbms, folder, background, startRun, false);
    }

    private WizardFixture(Dbms dbms, Path folder, Background background, boolean startRun, boolean clone)
            throws Exception {
        this.dbms = dbms;
        this.folder = folder;
        this.sourceUrl = clone ? Sandbox.create(dbms, folder.resolve("production"), SandboxSize.SMALL) : null;
        this.url = clone ? Sandbox.url(dbms, folder.resolve("target"))
                : Sandbox.create(dbms, folder.resolve("sandbox"), SandboxSize.SMALL);
        this.wizard = new WizardViewModel(background, Settings.load(folder.resolve("wizard.properties")));
        wizard.operatorProperty().set("Ana Operator");
        if (clone) {
            wizard.sourceUrlProperty().set(sourceUrl);
            wizard.sourceUserProperty().set("sa");
        }
        wizard.targetUrlProperty().set(url);
        wizard.targetUserProperty().set("sa");
        wizard.targetPasswordProperty().set("");
        wizard.runFolderProperty().set(folder.resolve("run"));
        wizard.rehearsalProperty().set(true);
        MigrationPlan plan = new PlanBuilder(dbms).build();
        if (startRun && clone) {
            // As the plan page starts a run with a source: the source read, its fingerprint the run's.
            wizard.planProperty().set(plan);
            dev.envclone.ui.plan.PlanViewModel page = new dev.envclone.ui.plan.PlanViewModel(wizard);
            page.accept();
            if (wizard.runProperty().get() == null) {
                throw new IllegalStateException("the run did not start: " + page.problemsProperty().get());
            }
        } else if (startRun) {
            wizard.createRun(plan);
        } else {
            wizard.planProperty().set(plan);
        }
    }

    /** A sandbox, the default plan, and the run started (plan.json and journal written). */
    public static WizardFixture started(Dbms dbms, Path folder, Background background) throws Exception {
        return new WizardFixture(dbms, folder, background, true);
    }

    /** A sandbox and the default plan in the wizard, no run yet (the plan page's starting point). */
    public static WizardFixture planned(Dbms dbms, Path folder, Background background) throws Exception {
        return new WizardFixture(dbms, folder, background, false);
    }

    /**
     * The rehearsal as the start page makes it: a "production" source sandbox, a target file that does not exist
     * yet, and the run started from the plan page (which reads the source's fingerprint); the clone steps are open.
     */
    public static WizardFixture cloning(Dbms dbms, Path folder, Background background) throws Exception {
        return new WizardFixture(dbms, folder, background, true, true);
    }

    /** The row of the step list for a step id. */
    public StepItem item(String stepId) {
        return wizard.items().stream().filter(i -> i.step() != null && i.step().id().equals(stepId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + stepId));
    }

    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, "sa", "");
        if (dbms == Dbms.ORACLE) {
            connection.setSchema(Sandbox.ORACLE_SCHEMA);
        }
        return connection;
    }

    public long count(String table) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
