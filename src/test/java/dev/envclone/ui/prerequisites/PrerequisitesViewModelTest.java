package dev.envclone.ui.prerequisites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.TargetInspection;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunFolder;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.WizardViewModel;
import dev.envclone.ui.common.Settings;
import dev.envclone.ui.common.Background;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrerequisitesViewModelTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void liveCheckReportsAPlatformDatabaseAndRecordsEachCleanupPreview(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        PrerequisitesViewModel model = new PrerequisitesViewModel(fixture.wizard, fixture.item("prerequisites"));

        model.check();

        assertFalse(model.checkingProperty().get());
        assertTrue(has(model, Finding.Level.OK, "It is an OutSystems platform database: h2:"), texts(model));
        assertTrue(has(model, Finding.Level.INFO, "The clone carries "), texts(model));
        assertTrue(has(model, Finding.Level.PROBLEM, TargetCheck.NO_FINGERPRINT), texts(model));
        RunFolder run = fixture.wizard.runProperty().get();
        List<Step> cleanup = ProcedureCatalog.cleanupSteps(run.plan());
        Set<String> previewed = run.journal().entries().stream().filter(e -> e.event() == JournalEvent.PREVIEWED)
                .map(e -> e.step()).collect(Collectors.toSet());
        assertEquals(cleanup.stream().map(Step::id).collect(Collectors.toSet()), previewed);
        assertEquals(StepState.PREPARED, fixture.item(cleanup.get(0).id()).stateProperty().get(),
                "the step list shows the first stage done");
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void liveCheckShowsThatAnotherRunHoldsTheTarget(Dbms dbms) throws Exception {
        WizardFixture first = WizardFixture.started(dbms, folder, Background.direct());
        first.wizard.context().session();
        WizardViewModel second = new WizardViewModel(Background.direct(),
                Settings.load(folder.resolve("second.properties")));
        second.targetUrlProperty().set(first.url);
        second.targetUserProperty().set("sa");
        second.runFolderProperty().set(folder.resolve("second-run"));
        second.operatorProperty().set("Cy Operator");
        second.createRun(new PlanBuilder(dbms).build());
        PrerequisitesViewModel model = new PrerequisitesViewModel(second, second.items().stream()
                .filter(i -> i.step() != null && i.step().id().equals("prerequisites")).findFirst().orElseThrow());

        model.check();

        String refusal = "The target was refused: the target is in use by the envclone wizard (process "
                + ProcessHandle.current().pid() + " on ";
        assertTrue(has(model, Finding.Level.PROBLEM, refusal), texts(model));
        String shown = model.results().stream().filter(f -> f.text().startsWith(refusal)).findFirst().orElseThrow()
                .text();
        assertTrue(shown.endsWith(", run folder " + first.wizard.runProperty().get().folder() + ": wait for it to "
                + "finish, or close that window"), shown);
        assertTrue(second.runProperty().get().journal().entries().stream()
                .noneMatch(e -> e.event() == JournalEvent.TARGET_CHECKED), "the guards did not even start");

        first.wizard.closeContext();
        model.check();
        assertTrue(has(model, Finding.Level.OK, "It is an OutSystems platform database: h2:"), texts(model));
    }

    @Test
    void liveCheckNamesAStepWhoseDiscoveredTableIsRefusedAndCountsTheOthers() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.ORACLE, folder, Background.direct());
        fixture.execute("update ossys_entity set PHYSICAL_TABLE_NAME = 'OSSYS_PARAMETER' where NAME = 'ConfigSP'");
        PrerequisitesViewModel model = new PrerequisitesViewModel(fixture.wizard, fixture.item("prerequisites"));

        model.check();

        int number = fixture.item("cleanup-saml").number();
        assertTrue(has(model, Finding.Level.PROBLEM, number + ". Clean up SAML configuration: refused: SAML "
                + "configuration table of entity ConfigSP in module SAML: ossys_entity.physical_table_name "
                + "'OSSYS_PARAMETER' is a platform table"), texts(model));
        assertTrue(has(model, Finding.Level.INFO, "The clone carries "), texts(model));
        RunFolder run = fixture.wizard.runProperty().get();
        Set<String> previewed = run.journal().entries().stream().filter(e -> e.event() == JournalEvent.PREVIEWED)
                .map(e -> e.step()).collect(Collectors.toSet());
        assertFalse(previewed.contains("cleanup-saml"));
        assertTrue(previewed.contains("cleanup-lifetime-running"), "the steps after it are counted");
    }

    @Test
    void liveCheckShowsTheGuardsRefusalOfTheSource() throws Exception {
        WizardFixture fixture = WizardFixture.planned(Dbms.SQLSERVER, folder, Background.direct());
        String sandbox;
        try (Connection connection = fixture.connect()) {
            sandbox = TargetInspection.fingerprint(connection);
        }
        fixture.wizard.createRun(new PlanBuilder(Dbms.SQLSERVER).sourceFingerprint(sandbox).build());
        PrerequisitesViewModel model = new PrerequisitesViewModel(fixture.wizard, fixture.item("prerequisites"));

        model.check();

        assertTrue(has(model, Finding.Level.PROBLEM, "The target was refused: The target is the source database"),
                texts(model));
        assertTrue(fixture.wizard.runProperty().get().journal().entries().stream()
                .noneMatch(e -> e.event() == JournalEvent.PREVIEWED), "nothing is counted on the source");
    }

    @Test
    void markDoneWaitsForEveryPrerequisite() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.ORACLE, folder, Background.direct());
        PrerequisitesViewModel model = new PrerequisitesViewModel(fixture.wizard, fixture.item("prerequisites"));
        assertEquals(fixture.item("prerequisites").step().details().size(), model.prerequisites().size());

        for (int i = 0; i < model.prerequisites().size() - 1; i++) {
            model.prerequisites().get(i).confirmed().set(true);
        }
        assertFalse(model.canTickProperty().get(), "one left unconfirmed");
        model.prerequisites().get(model.prerequisites().size() - 1).confirmed().set(true);
        assertTrue(model.canTickProperty().get());

        model.tick();

        RunFolder run = fixture.wizard.runProperty().get();
        assertEquals(StepState.DONE, run.state().of("prerequisites"));
        assertTrue(run.state().lastEntry("prerequisites").get("note").startsWith("All "
                + model.prerequisites().size() + " prerequisites confirmed"));
        assertFalse(model.canTickProperty().get());
    }

    private String sourceSandbox(Dbms dbms) throws Exception {
        return dev.envclone.sandbox.Sandbox.create(dbms, folder.resolve("production"),
                dev.envclone.sandbox.SandboxSize.SMALL);
    }

    private static String fingerprintByCli(Dbms dbms, String url) {
        List<String> args = new java.util.ArrayList<>(List.of("fingerprint", "--target", url, "--user", "sa",
                "--dbms", dbms.cliName()));
        if (dbms == Dbms.ORACLE) {
            args.addAll(List.of("--schema", "OSADMIN"));
        }
        dev.envclone.cli.CliProcess.Result printed = dev.envclone.cli.CliProcess.inProcess(args.toArray(String[]::new));
        assertEquals(0, printed.code(), printed.err());
        return printed.out().strip();
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void testReadsTheSourceAndRecordJournalsItAsEnvcloneFingerprintPrintsIt(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        String source = sourceSandbox(dbms);
        try (Connection connection = java.sql.DriverManager.getConnection(source, "sa", "");
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER READER PASSWORD 'S3cret-pw' ADMIN");
        }
        PrerequisitesViewModel model = new PrerequisitesViewModel(fixture.wizard, fixture.item("prerequisites"));
        model.check();
        assertTrue(has(model, Finding.Level.PROBLEM, TargetCheck.NO_FINGERPRINT), texts(model));
        SourceFingerprintViewModel panel = model.source();
        assertTrue(panel.stateProperty().get().startsWith("This run has no source fingerprint"));
        assertFalse(panel.canRecordProperty().get(), "nothing read yet");

        panel.urlProperty().set(source);
        panel.userProperty().set("reader");
        panel.passwordProperty().set("S3cret-pw");
        panel.test();

        String read = fingerprintByCli(dbms, source);
        String target = fixture.wizard.runProperty().get().journal().entries().stream()
                .filter(e -> e.event() == JournalEvent.TARGET_CHECKED).findFirst().orElseThrow().get("fingerprint");
        assertEquals("Read " + read + ": an OutSystems platform database, not the target (" + target + "). Record "
                + "makes the run refuse it as its target.", panel.resultProperty().get());
        assertTrue(panel.resultOkProperty().get());
        assertTrue(panel.canRecordProperty().get());

        panel.record();

        RunFolder run = fixture.wizard.runProperty().get();
        assertEquals(read, run.sourceFingerprint());
        assertEquals(read, RunFolder.open(run.folder(), java.time.Clock.systemUTC()).sourceFingerprint());
        assertEquals("Ana Operator", run.sourceFingerprintRecorded().operator());
        assertEquals("Recorded: from now on the run refuses " + read + " as its target.",
                panel.resultProperty().get());
        assertTrue(panel.stateProperty().get().matches(java.util.regex.Pattern.quote("Recorded in this run: " + read
                + " (by Ana Operator at ") + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\)\\."),
                panel.stateProperty().get());
        assertFalse(panel.canRecordProperty().get(), "recorded once");
        assertTrue(has(model, Finding.Level.OK, TargetCheck.RECORDED + read + ": the run refuses it"), texts(model));
        assertFalse(has(model, Finding.Level.PROBLEM, TargetCheck.NO_FINGERPRINT), texts(model));
        String journal = java.nio.file.Files.readString(run.folder().resolve(RunFolder.JOURNAL));
        assertFalse(journal.contains("S3cret-pw"), "the password is never written");
        assertTrue(journal.contains("SOURCE_FINGERPRINT_RECORDED"), journal);
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void theRecordedFingerprintRefusesTheSourceAsTarget(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        String source = sourceSandbox(dbms);
        PrerequisitesViewModel model = new PrerequisitesViewModel(fixture.wizard, fixture.item("prerequisites"));
        model.source().urlProperty().set(source);
        model.source().userProperty().set("sa");
        model.source().test();
        model.source().record();
        String read = fixture.wizard.runProperty().get().sourceFingerprint();
        assertEquals(fingerprintByCli(dbms, source), read);

        // The operator points the run at the source by mistake: the guard now knows it.
        fixture.wizard.targetUrlProperty().set(source);
        model.check();

        assertTrue(has(model, Finding.Level.PROBLEM, "The target was refused: The target is the source database ("
                + read + ")"), texts(model));
        assertTrue(fixture.wizard.runProperty().get().journal().entries().stream()
                .noneMatch(e -> e.event() == JournalEvent.TARGET_CHECKED), "the source was never accepted");
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void wrongPasswordAndUnreachableSourceSayWhatToCheck(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        String source = sourceSandbox(dbms);
        SourceFingerprintViewModel panel = new PrerequisitesViewModel(fixture.wizard,
                fixture.item("prerequisites")).source();
        panel.urlProperty().set(source);
        panel.userProperty().set("sa");
        panel.passwordProperty().set("not-the-password");

        panel.test();

        assertEquals("Could not read the source " + source + ": H2 database " + folder.resolve("production")
                + " refused user SA: the user name or password is wrong (or the account is locked or expired); "
                + "check both and try again.", panel.resultProperty().get());
        assertFalse(panel.resultOkProperty().get());
        assertFalse(panel.canRecordProperty().get());

        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String closed = switch (dbms) {
            case SQLSERVER -> "jdbc:sqlserver://127.0.0.1:" + port + ";databaseName=osplatform";
            case ORACLE -> "jdbc:oracle:thin:@//127.0.0.1:" + port + "/ORCLPDB1";
        };
        panel.urlProperty().set(closed);
        panel.test();

        assertTrue(panel.resultProperty().get().startsWith("Could not read the source " + closed + ": Nothing is "
                + "listening on 127.0.0.1:" + port), panel.resultProperty().get());
        assertFalse(panel.canRecordProperty().get());
        assertEquals(null, fixture.wizard.runProperty().get().sourceFingerprint());
    }

    @Test
    void aPasswordInTheUrlIsRefusedBeforeAnythingConnects() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        SourceFingerprintViewModel panel = new PrerequisitesViewModel(fixture.wizard,
                fixture.item("prerequisites")).source();

        panel.urlProperty().set("jdbc:sqlserver://db1:1433;databaseName=osplatform;password=Hunter2");

        String message = panel.urlMessageProperty().get();
        assertTrue(message.startsWith("source JDBC URL: the URL holds a password"), message);
        assertTrue(message.contains("type it in the source's Password field instead"), message);
        assertFalse(message.contains("Hunter2"), message);
        assertFalse(panel.canTestProperty().get());
        panel.test();
        assertEquals(message, panel.resultProperty().get());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void theTargetsUrlIsRefusedAsTheSource(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        SourceFingerprintViewModel panel = new PrerequisitesViewModel(fixture.wizard,
                fixture.item("prerequisites")).source();
        panel.urlProperty().set(fixture.url);
        panel.userProperty().set("sa");

        panel.test();

        assertEquals("The source URL names the target's database (" + fixture.url + "): give the URL of the "
                + "source, the environment the clone was taken from.", panel.resultProperty().get());
        assertFalse(panel.canRecordProperty().get());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aFingerprintGivenToTheRunIsShownAndNotRecordedAgain(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.planned(dbms, folder, Background.direct());
        String source = sourceSandbox(dbms);
        String printed = fingerprintByCli(dbms, source);
        fixture.wizard.createRun(new PlanBuilder(dbms).sourceFingerprint(printed).build());
        SourceFingerprintViewModel panel = new PrerequisitesViewModel(fixture.wizard,
                fixture.item("prerequisites")).source();
        assertEquals("This run's source: " + printed + " (given when the run was made).",
                panel.stateProperty().get());
        panel.urlProperty().set(source);
        panel.userProperty().set("sa");

        panel.test();

        assertEquals("Read " + printed + ": it is this run's source, recorded already.", panel.resultProperty().get());
        assertFalse(panel.canRecordProperty().get());
        String other = dev.envclone.sandbox.Sandbox.create(dbms, folder.resolve("other"),
                dev.envclone.sandbox.SandboxSize.SMALL);
        panel.urlProperty().set(other);
        panel.test();
        assertTrue(panel.resultProperty().get().endsWith(": it is not this run's source (" + printed + "). A run "
                + "has one source: connect to that one."), panel.resultProperty().get());
        assertFalse(panel.canRecordProperty().get());
    }

    @Test
    void thePlanPagesSourceConnectionFillsThePanel() throws Exception {
        WizardFixture fixture = WizardFixture.cloning(Dbms.SQLSERVER, folder, Background.direct());
        SourceFingerprintViewModel panel = new PrerequisitesViewModel(fixture.wizard,
                fixture.item("prerequisites")).source();

        assertEquals(fixture.sourceUrl, panel.urlProperty().get());
        assertEquals("sa", panel.userProperty().get());
        assertEquals("This run's source: " + fixture.wizard.runProperty().get().sourceFingerprint()
                + " (given when the run was made).", panel.stateProperty().get());
        panel.userProperty().set("someone else");
        assertEquals("sa", fixture.wizard.sourceUserProperty().get(), "the clone's connection is not changed here");
    }

    @Test
    void anEditAfterTheTestTakesRecordAway() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.ORACLE, folder, Background.direct());
        String source = sourceSandbox(Dbms.ORACLE);
        SourceFingerprintViewModel panel = new PrerequisitesViewModel(fixture.wizard,
                fixture.item("prerequisites")).source();
        panel.urlProperty().set(source);
        panel.userProperty().set("sa");
        panel.test();
        assertTrue(panel.canRecordProperty().get(), panel.resultProperty().get());

        panel.userProperty().set("SA");

        assertFalse(panel.canRecordProperty().get(), "recorded only as read from the connection shown");
        panel.record();
        assertEquals(null, fixture.wizard.runProperty().get().sourceFingerprint());
    }

    @Test
    void aCancelledTestShowsNothingToRecord() throws Exception {
        // The operator pressed Escape while the source was being read: the token is cancelled when the read returns.
        Background cancelled = new Background() {
            @Override
            public <T> Job run(String title, Work<T> work, java.util.function.Consumer<T> onDone,
                               java.util.function.Consumer<Throwable> onFailed) {
                dev.envclone.db.CancelToken token = new dev.envclone.db.CancelToken();
                token.cancel();
                try {
                    onDone.accept(work.call(dev.envclone.db.ProgressListener.NONE, token));
                } catch (Exception e) {
                    onFailed.accept(e);
                }
                return token::cancel;
            }
        };
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, cancelled);
        SourceFingerprintViewModel panel = new PrerequisitesViewModel(fixture.wizard,
                fixture.item("prerequisites")).source();
        panel.urlProperty().set(sourceSandbox(Dbms.SQLSERVER));
        panel.userProperty().set("sa");

        panel.test();

        assertEquals("Test cancelled: nothing was read.", panel.resultProperty().get());
        assertFalse(panel.canRecordProperty().get());
        assertFalse(panel.busyProperty().get());
    }

    private static boolean has(PrerequisitesViewModel model, Finding.Level level, String start) {
        return model.results().stream().anyMatch(f -> f.level() == level && f.text().startsWith(start));
    }

    private static String texts(PrerequisitesViewModel model) {
        return model.results().stream().map(f -> f.level() + " " + f.text()).collect(Collectors.joining("\n"));
    }
}
