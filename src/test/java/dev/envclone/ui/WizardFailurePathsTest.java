package dev.envclone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.TargetInspection;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunFolder;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * What the operator sees when things go wrong, in the running wizard: a statement that fails, a target that is the
 * source, a preview cancelled. Each shows its message on the step's page and leaves nothing half-done.
 */
class WizardFailurePathsTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private WizardApp app;
    private WizardDriver driver;

    private void launchOnSandbox() throws Exception {
        System.setProperty("envclone.home", home.toString());
        FxToolkit.registerPrimaryStage();
        app = (WizardApp) FxToolkit.setupApplication(WizardApp::new);
        driver = new WizardDriver(robot, app);
        driver.rehearse(Dbms.SQLSERVER);
        // These are paths of a run whose clone a DBA did: the target is the restored database, no source is given.
        robot.interact(() -> {
            String restored = driver.wizard().sourceUrlProperty().get();
            driver.wizard().sourceUrlProperty().set("");
            driver.wizard().targetUrlProperty().set(restored);
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        System.clearProperty("envclone.home");
    }

    @Test
    void aFailingStatementShowsTheStatementRollsBackAndCanBeRetried() throws Exception {
        launchOnSandbox();
        driver.acceptPlan();
        String url = driver.wizard().targetUrlProperty().get();
        long servers = count(url, "ossys_server");
        execute(url, "create table keep_server(id int references ossys_server(ID))");
        execute(url, "insert into keep_server select min(ID) from ossys_server");
        go("cleanup-front-ends");
        robot.clickOn("#cleanup-execute");
        driver.okDialog();
        driver.waitIdle();
        String error = robot.lookup("#cleanup-error").queryLabeled().getText();
        assertTrue(error.contains("Statement 1") && error.contains("rolled back"), error);
        assertEquals(servers, count(url, "ossys_server"), "nothing of the step was kept");
        assertEquals(StepState.FAILED, state("cleanup-front-ends"));

        execute(url, "drop table keep_server");
        robot.clickOn("#cleanup-execute");
        driver.okDialog();
        driver.waitIdle();
        assertEquals(StepState.DONE, state("cleanup-front-ends"), "the step stays retryable");
        assertEquals(0, count(url, "ossys_server"));
    }

    @Test
    void aTargetThatIsTheSourceIsRefusedAndNothingRuns() throws Exception {
        launchOnSandbox();
        String url = driver.wizard().targetUrlProperty().get();
        String fingerprint;
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            fingerprint = TargetInspection.fingerprint(connection);
        }
        // The operator recorded the source's fingerprint, then pointed the wizard at the source by mistake.
        robot.interact(() -> {
            driver.wizard().planProperty().set(new PlanBuilder(Dbms.SQLSERVER).sourceFingerprint(fingerprint).build());
            // Show the plan page afresh, so that it starts from this plan.
            driver.wizard().selectedProperty().set(1);
            driver.wizard().selectedProperty().set(0);
        });
        driver.acceptPlan();
        long parameters = count(url, "ossys_parameter");
        go("cleanup-environment-security");
        robot.clickOn("#cleanup-execute");
        driver.okDialog();
        driver.waitIdle();
        String error = robot.lookup("#cleanup-error").queryLabeled().getText();
        assertTrue(error.contains("is the source database"), error);
        assertEquals(parameters, count(url, "ossys_parameter"));
        RunFolder run = RunFolder.open(driver.wizard().runProperty().get().folder(), Clock.systemUTC());
        assertFalse(run.journal().entries().stream().anyMatch(e -> e.event() == JournalEvent.STEP_STARTED),
                "no step started");
    }

    @Test
    void aQueuedPreviewCancelledOnItsPageRecordsNothingAndEscapeCancelsTheRunningJob() throws Exception {
        launchOnSandbox();
        driver.acceptPlan();
        go("cleanup-secret-site-properties");
        // Hold the worker with a job that ends only when cancelled, so that the preview waits in line behind it.
        java.util.concurrent.CompletableFuture<Throwable> holder = new java.util.concurrent.CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        robot.interact(() -> app.background().run("holding the worker", (progress, cancel) -> {
            started.countDown();
            while (true) {
                cancel.check();
                Thread.sleep(5);
            }
        }, done -> holder.complete(null), holder::complete));
        started.await();
        robot.clickOn("#cleanup-preview");
        robot.clickOn("#cleanup-cancel"); // the page's Cancel: its own job, waiting
        robot.type(KeyCode.ESCAPE); // the job under way
        assertTrue(holder.get(30, java.util.concurrent.TimeUnit.SECONDS)
                instanceof dev.envclone.db.CancelToken.CancelledException, "Escape cancelled the running job");
        driver.waitIdle();
        String error = robot.lookup("#cleanup-error").queryLabeled().getText();
        assertTrue(error.contains("cancelled"), error);
        RunFolder run = RunFolder.open(driver.wizard().runProperty().get().folder(), Clock.systemUTC());
        assertFalse(run.journal().entries().stream().anyMatch(e -> e.event() == JournalEvent.PREVIEWED
                && "cleanup-secret-site-properties".equals(e.step())), "no preview recorded");
        assertEquals(StepState.PENDING, state("cleanup-secret-site-properties"));
    }

    private void go(String stepId) {
        robot.interact(() -> driver.wizard().selectedProperty().set(driver.wizard().items().indexOf(
                driver.wizard().items().stream().filter(i -> i.step() != null && i.step().id().equals(stepId))
                        .findFirst().orElseThrow())));
        driver.waitIdle();
    }

    private StepState state(String stepId) {
        return driver.wizard().runProperty().get().state().of(stepId);
    }

    private static long count(String url, String table) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             var result = connection.createStatement().executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute(sql);
        }
    }
}
