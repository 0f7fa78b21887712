package dev.envclone.ui.cleanup;

import dev.envclone.db.TargetSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.CancelToken;
import dev.envclone.db.ProgressListener;
import dev.envclone.db.TargetInspection;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunFolder;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cleanup page's logic against a real sandbox, without a window: every job runs at once on the test thread. */
class CleanupViewModelTest {
    private static final String SECURITY = "cleanup-environment-security";
    private static final String FRONT_ENDS = "cleanup-front-ends";
    private static final String SAML = "cleanup-saml";

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void previewShowsTheCountsAndChangesNothing(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        long before = fixture.count("ossys_parameter");
        CleanupViewModel model = model(fixture, SECURITY);

        model.preview();

        assertEquals("", model.errorTextProperty().get());
        assertEquals(before, fixture.count("ossys_parameter"));
        assertEquals(StepState.PREPARED, state(fixture, SECURITY));
        assertEquals(StepState.PREPARED, fixture.item(SECURITY).stateProperty().get(), "the step list is refreshed");
        long total = Long.parseLong(lastEntry(fixture, SECURITY).get("total"));
        assertTrue(total > 0, "the sandbox holds security parameters");
        assertTrue(model.resultTextProperty().get().startsWith("Preview: " + total + " rows in total would change"),
                model.resultTextProperty().get());
        assertTrue(model.resultTextProperty().get().contains("\nStatement 18: "), model.resultTextProperty().get());
        assertTrue(model.stateTextProperty().get().contains("Prepared: previewed by Ana Operator"),
                model.stateTextProperty().get());
        assertFalse(model.busyProperty().get());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void restorePutsAnExecutedStepsRowsBackAndTheStepCanRunAgain(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        CleanupViewModel model = model(fixture, SECURITY);
        long before = fixture.count("ossys_parameter");
        assertFalse(model.restorableProperty().get(), "nothing executed, nothing to put back");
        model.execute();
        assertTrue(model.restorableProperty().get(), "an executed step offers its restore");
        long executed = fixture.count("ossys_parameter");

        model.restore();

        assertEquals("", model.errorTextProperty().get());
        assertEquals(before, fixture.count("ossys_parameter"));
        assertTrue(model.resultTextProperty().get().startsWith("Restored: " + (before - executed) + " rows put back "
                + "from the pre-images of attempt 1, in one transaction"), model.resultTextProperty().get());
        assertEquals(StepState.PENDING, state(fixture, SECURITY));
        assertEquals(StepState.PENDING, fixture.item(SECURITY).stateProperty().get(), "the step list is refreshed");
        assertFalse(model.restorableProperty().get());
        assertFalse(model.finishedProperty().get(), "it can be executed again");
        assertTrue(model.stateTextProperty().get().startsWith("State: Pending: restored from its pre-images by Ana "
                + "Operator on "), model.stateTextProperty().get());
        model.execute();
        assertEquals(executed, fixture.count("ossys_parameter"));
        assertEquals(StepState.DONE, state(fixture, SECURITY));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void executeChangesTheRowsAndSaysWhereThePreImagesAre(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        CleanupViewModel model = model(fixture, SECURITY);
        model.preview();
        long previewed = Long.parseLong(lastEntry(fixture, SECURITY).get("total"));
        long before = fixture.count("ossys_parameter");

        model.execute();

        assertEquals("", model.errorTextProperty().get());
        assertEquals(before - previewed, fixture.count("ossys_parameter"));
        assertEquals(StepState.DONE, state(fixture, SECURITY));
        String result = model.resultTextProperty().get();
        assertTrue(result.startsWith("Executed and committed: " + previewed + " rows changed in total."), result);
        String preImages = String.format("pre-images/%02d-%s/attempt-1", fixture.item(SECURITY).number(), SECURITY);
        assertTrue(result.contains(preImages), result);
        assertTrue(Files.isDirectory(fixture.wizard.runProperty().get().folder().resolve(preImages)));
        assertTrue(model.finishedProperty().get(), "a done step offers nothing more to run");
        assertTrue(model.stateTextProperty().get().contains("Done: executed by Ana Operator"),
                model.stateTextProperty().get());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void skipNeedsAReasonAndKeepsIt(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        CleanupViewModel model = model(fixture, SECURITY);

        model.skip("   ");
        assertTrue(model.errorTextProperty().get().contains("reason"), model.errorTextProperty().get());
        assertEquals(StepState.PENDING, state(fixture, SECURITY));

        model.skip("The DBA ran cleanup.sql in SSMS ");
        assertEquals("", model.errorTextProperty().get());
        assertEquals(StepState.SKIPPED, state(fixture, SECURITY));
        assertEquals("The DBA ran cleanup.sql in SSMS", lastEntry(fixture, SECURITY).get("reason"));
        assertTrue(model.stateTextProperty().get().contains("Reason: The DBA ran cleanup.sql in SSMS"));
        assertTrue(model.finishedProperty().get());
        assertEquals(StepState.SKIPPED, fixture.item(SECURITY).stateProperty().get());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aFinishedStepIsNotExecutedAgain(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        CleanupViewModel model = model(fixture, SECURITY);
        model.skip("kept on purpose");
        long before = fixture.count("ossys_parameter");

        model.execute();

        assertEquals("The step is skipped already: nothing to execute.", model.errorTextProperty().get());
        assertEquals(before, fixture.count("ossys_parameter"));
        assertEquals(StepState.SKIPPED, state(fixture, SECURITY));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void doneByDbaKeepsTheNameAndNote(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        CleanupViewModel model = model(fixture, SECURITY);

        model.doneByDba(" ", "no name");
        assertTrue(model.errorTextProperty().get().contains("DBA's name"));

        model.doneByDba("Bea Admin", "ran it with the change ticket CHG-12");
        assertEquals(StepState.DONE_BY_DBA, state(fixture, SECURITY));
        assertEquals("Bea Admin", lastEntry(fixture, SECURITY).get("dba"));
        String text = model.stateTextProperty().get();
        assertTrue(text.contains("Done by DBA Bea Admin") && text.contains("CHG-12"), text);
        assertTrue(model.finishedProperty().get());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aFailingStatementRollsTheStepBackAndTheStepCanBeRetried(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        // A row that references a front-end: the delete of ossys_server fails on the foreign key, during execute.
        fixture.execute("create table keep_server (server_id int references ossys_server(ID))");
        fixture.execute("insert into keep_server select min(ID) from ossys_server");
        long before = fixture.count("ossys_server");
        assertTrue(before > 0);
        CleanupViewModel model = model(fixture, FRONT_ENDS);

        model.execute();

        String error = model.errorTextProperty().get();
        assertTrue(error.startsWith("Statement 1 failed and the whole step was rolled back: "), error);
        assertTrue(error.contains("delete from ossys_server"), error);
        assertEquals(before, fixture.count("ossys_server"));
        assertEquals(StepState.FAILED, state(fixture, FRONT_ENDS));
        assertFalse(model.finishedProperty().get(), "a failed step stays retryable");

        fixture.execute("drop table keep_server");
        model.execute();

        assertEquals("", model.errorTextProperty().get());
        assertEquals(0, fixture.count("ossys_server"));
        assertEquals(StepState.DONE, state(fixture, FRONT_ENDS));
        assertTrue(model.resultTextProperty().get().contains("attempt-2"), model.resultTextProperty().get());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aRefusedTargetIsShownAndNothingRuns(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        // A run whose source is the sandbox itself: the guard must refuse to clean it up.
        MigrationPlan plan = new PlanBuilder(dbms).sourceFingerprint(fingerprint(fixture)).build();
        fixture.wizard.runFolderProperty().set(folder.resolve("run-on-source"));
        fixture.wizard.createRun(plan);
        long before = fixture.count("ossys_parameter");
        CleanupViewModel model = model(fixture, SECURITY);

        model.execute();

        String error = model.errorTextProperty().get();
        assertTrue(error.startsWith("The target was refused: The target is the source database"), error);
        assertTrue(error.endsWith("Nothing was executed."), error);
        assertEquals(before, fixture.count("ossys_parameter"));
        assertEquals(StepState.PENDING, state(fixture, SECURITY));
        assertFalse(model.busyProperty().get());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aRefusedTableNameIsShownOnPreviewAndExecuteAndNothingRuns(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        fixture.execute("update ossys_entity set PHYSICAL_TABLE_NAME = 'OSSYS_PARAMETER' where NAME = 'ConfigSP'");
        long before = fixture.count("ossys_parameter");
        CleanupViewModel model = model(fixture, SAML);
        String refusal = "SAML configuration table of entity ConfigSP in module SAML: "
                + "ossys_entity.physical_table_name 'OSSYS_PARAMETER' is a platform table (OSSYS_), not an "
                + "application table: the step empties only application tables (OSUSR_). Nothing of the step ran. "
                + "Check ossys_entity in the restored database, or clean these tables by hand and mark the step "
                + "done by the DBA.";

        model.preview();

        assertEquals(refusal, model.errorTextProperty().get());
        assertEquals(StepState.PENDING, state(fixture, SAML), "a refused preview records nothing");

        model.execute();

        assertEquals(refusal, model.errorTextProperty().get());
        assertEquals(before, fixture.count("ossys_parameter"));
        assertEquals(2, fixture.count("OSUSR_SAM_CONFIGIDP"));
        assertEquals(StepState.FAILED, state(fixture, SAML));
        assertFalse(Files.exists(fixture.wizard.runProperty().get().folder().resolve("pre-images")),
                "no pre-image written");
        assertFalse(model.finishedProperty().get(), "the step stays retryable");
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aCancelledPreviewRecordsNothing(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, cancelledAtOnce());
        CleanupViewModel model = model(fixture, SECURITY);

        model.preview();

        assertEquals("Preview cancelled; nothing was recorded.", model.errorTextProperty().get());
        assertTrue(fixture.wizard.runProperty().get().journal().entries().stream()
                .noneMatch(e -> e.event() == JournalEvent.PREVIEWED));
        assertEquals(StepState.PENDING, state(fixture, SECURITY));
        assertEquals("", model.resultTextProperty().get());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aCancelledExecutionKeepsNothing(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, cancelledAtOnce());
        long before = fixture.count("ossys_parameter");
        CleanupViewModel model = model(fixture, SECURITY);

        model.execute();

        assertEquals("Cancelled: nothing of the step was kept.", model.errorTextProperty().get());
        assertEquals(before, fixture.count("ossys_parameter"));
        assertFalse(model.finishedProperty().get());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aDynamicStepListsTheStatementsItGenerated(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        CleanupViewModel model = model(fixture, "cleanup-lifetime-running");
        assertTrue(model.dynamic());
        assertTrue(model.confirmationText().contains("generates from the database"), model.confirmationText());

        model.preview();

        assertFalse(model.statements().isEmpty());
        for (StatementRow row : model.statements()) {
            assertTrue(row.sql().startsWith("update ") && row.sql().endsWith(" set isactive=0"), row.sql());
        }
        long total = model.statements().stream().mapToLong(StatementRow::rows).sum();
        assertEquals(lastEntry(fixture, "cleanup-lifetime-running").get("total"), String.valueOf(total));
        int count = model.statements().size();
        assertTrue(model.confirmationText().contains("It runs " + count + " statement"), model.confirmationText());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void theConfirmationNamesTheTargetDatabase(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        CleanupViewModel model = model(fixture, SECURITY);
        String name = fixture.wizard.planProperty().get().targetDatabaseName();

        String text = model.confirmationText();

        String kind = dbms == Dbms.SQLSERVER ? "catalog " : "schema ";
        assertTrue(text.startsWith("Execute step " + fixture.item(SECURITY).number() + " against " + kind + name
                + " (" + fixture.url + ")?"), text);
        assertTrue(text.contains("It runs 18 statements."), text);
        assertTrue(text.contains("pre-image") && text.contains("one transaction"), text);
        assertTrue(text.contains("Not previewed: Preview first counts the rows that will change"), text);
        Path preImages = fixture.wizard.runProperty().get().folder().resolve("pre-images")
                .resolve(String.format("%02d-%s", fixture.item(SECURITY).number(), SECURITY)).toAbsolutePath();
        assertTrue(text.contains("(pre-image) in " + preImages), text);

        model.preview();
        String total = lastEntry(fixture, SECURITY).get("total");
        assertTrue(model.confirmationText().contains("The preview counted " + total + " rows that will change."),
                model.confirmationText());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void onARealTargetExecuteWaitsForTheDatabasesNameTypedExactly(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        CleanupViewModel sandbox = model(fixture, SECURITY);
        assertFalse(sandbox.nameToBeTyped(), "the sandbox asks for no name");
        assertTrue(sandbox.typedNameMatches(""));

        RealTargetRun.open(fixture, dbms, folder.resolve("real"));
        CleanupViewModel real = model(fixture, SECURITY);
        String name = real.targetDatabaseName();
        assertEquals(fixture.wizard.planProperty().get().targetDatabaseName(), name);
        assertTrue(real.nameToBeTyped());
        assertTrue(real.typedNameMatches(name));
        assertFalse(real.typedNameMatches(""));
        assertFalse(real.typedNameMatches(null));
        assertFalse(real.typedNameMatches(name.toLowerCase(java.util.Locale.ROOT)), "exactly as shown");
        assertFalse(real.typedNameMatches(name + " "));
        assertFalse(real.typedNameMatches(name.substring(1)));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void saveSqlWritesTheStepsSql(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        CleanupViewModel model = model(fixture, SECURITY);
        Path file = folder.resolve(model.sqlFileName());

        model.saveSql(file);

        String sql = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(model.sqlProperty().get(), sql);
        assertTrue(sql.contains("'OutSystems.SiteProperties.EncryptionKey'"), sql);
        assertTrue(model.noticeTextProperty().get().contains(file.getFileName().toString()));
        assertTrue(model.title().endsWith(". Clean up the environment security context"), model.title());
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void withoutARunNothingIsTouched(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.planned(dbms, folder, Background.direct());
        long before = fixture.count("ossys_parameter");
        CleanupViewModel model = model(fixture, SECURITY);
        assertTrue(model.stateTextProperty().get().contains("no run yet"), model.stateTextProperty().get());

        model.execute();

        assertEquals("There is no run yet: accept the plan first.", model.errorTextProperty().get());
        assertEquals(before, fixture.count("ossys_parameter"));
    }

    @org.junit.jupiter.api.Test
    void theSecurityContextPreviewNamesEachUsersActionsAndExecuteDropsThem() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        String standIns = "INFORMATION_SCHEMA.USERS where USER_NAME in ('OSADMIN', 'OSRUNTIME', 'OSLOG')";
        CleanupViewModel model = model(fixture, "security-context");
        assertTrue(model.dynamic() && model.changesCatalog());

        model.preview();

        assertEquals("", model.errorTextProperty().get());
        assertEquals(3, fixture.count(standIns), "a preview drops nothing");
        java.util.List<String> notes = model.statements().stream().map(StatementRow::note).toList();
        assertEquals(java.util.List.of(
                "schema OSADMIN, the own schema of user OSADMIN in OUTSYSTEMS_CLONE (0 objects): dropped",
                "schema OSRUNTIME, the own schema of user OSRUNTIME in OUTSYSTEMS_CLONE (0 objects): dropped",
                "schema OSLOG, the own schema of user OSLOG in OUTSYSTEMS_CLONE (0 objects): dropped",
                "user OSADMIN in OUTSYSTEMS_CLONE (sandbox stand-in; H2 users have no login): dropped",
                "user OSRUNTIME in OUTSYSTEMS_CLONE (sandbox stand-in; H2 users have no login): dropped",
                "user OSLOG in OUTSYSTEMS_CLONE (sandbox stand-in; H2 users have no login): dropped"), notes);
        assertTrue(model.statementsTitleProperty().get().startsWith("Actions found in the catalog, per user"),
                model.statementsTitleProperty().get());
        assertTrue(model.confirmationText().contains("the sandbox (H2) commits each statement"),
                model.confirmationText());

        model.execute();

        assertEquals("", model.errorTextProperty().get());
        assertEquals(StepState.DONE, state(fixture, "security-context"));
        assertEquals(0, fixture.count(standIns));
        assertEquals(java.util.List.of(1L, 1L, 1L, 1L, 1L, 1L),
                model.statements().stream().map(StatementRow::rows).toList());
    }

    private static CleanupViewModel model(WizardFixture fixture, String stepId) {
        return new CleanupViewModel(fixture.wizard, fixture.item(stepId));
    }

    private static StepState state(WizardFixture fixture, String stepId) {
        return fixture.wizard.runProperty().get().state().of(stepId);
    }

    private static JournalEntry lastEntry(WizardFixture fixture, String stepId) {
        return fixture.wizard.runProperty().get().state().lastEntry(stepId);
    }

    /** The fingerprint the run's guard computes for the sandbox, on a connection prepared as the session's. */
    private static String fingerprint(WizardFixture fixture) throws Exception {
        RunFolder run = fixture.wizard.runProperty().get();
        try (TargetSession session = TargetSession.open(fixture.url, "sa", new char[0], fixture.dbms,
                run.plan().users().admin())) {
            return TargetInspection.fingerprint(session.connection());
        }
    }

    /** A background whose every job is cancelled before its work starts: the operator pressed Cancel at once. */
    private static Background cancelledAtOnce() {
        return new Background() {
            @Override
            public <T> Job run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
                CancelToken token = new CancelToken();
                token.cancel();
                T result;
                try {
                    result = work.call(ProgressListener.NONE, token);
                } catch (Exception e) {
                    onFailed.accept(e);
                    return token::cancel;
                }
                onDone.accept(result);
                return token::cancel;
            }
        };
    }
}
