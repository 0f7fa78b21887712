package dev.envclone.ui.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.CancelToken;
import dev.envclone.db.ProgressListener;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunFolder;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The clone panel's rules without a window, on a real "production" sandbox cloned by the engine's route into a
 * target file that does not exist yet: what the rows, the log, the failure text and the journal say.
 */
class CloneRunViewModelTest {
    @TempDir
    Path folder;

    private static String firstCloneStep(Dbms dbms) {
        return switch (dbms) {
            case SQLSERVER -> "backup-database";
            case ORACLE -> "export-schemas";
        };
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void runMakesTheTargetFromTheSourceWithARowPerActionAndTheLogAndLeavesTheSourceAsItWas(Dbms dbms)
            throws Exception {
        WizardFixture fixture = WizardFixture.cloning(dbms, folder, Background.direct());
        Path source = folder.resolve("production.mv.db");
        String before = sha256(source);
        CloneViewModel model = new CloneViewModel(fixture.wizard, fixture.item(firstCloneStep(dbms)));
        model.reload();

        assertTrue(model.automaticProperty().get(), model.cloneMessageProperty().get());
        List<String> steps = model.rows().stream().map(CloneActionRow::stepId).toList();
        assertEquals(switch (dbms) {
            case SQLSERVER -> List.of("backup-database", "restore-database");
            case ORACLE -> List.of("export-schemas", "create-users", "import-schemas");
        }, steps);
        assertTrue(model.canRunProperty().get());
        assertFalse(Files.exists(folder.resolve("target.mv.db")), "only the clone makes the target");
        // The step list while the clone runs: the step under way says so, then what the journal says of it.
        dev.envclone.ui.StepItem first = fixture.item(firstCloneStep(dbms));
        List<String> listed = new java.util.ArrayList<>();
        first.runningProperty().addListener((o, was, now) -> listed.add(first.stateText()));

        model.start();

        assertEquals(List.of("running", "done"), listed);
        assertEquals("", model.failureProperty().get(), model.leftProperty().get());
        assertTrue(model.rows().stream().allMatch(r -> r.stage() == CloneActionRow.Stage.DONE
                && r.progressProperty().get() == 1.0 && r.timingProperty().get().startsWith("took ")),
                model.rows().stream().map(r -> r.statusProperty().get()).toList().toString());
        assertTrue(model.log().stream().anyMatch(line -> line.contains("done")), model.log().toString());
        assertFalse(model.canRunProperty().get(), "nothing left to run");
        assertTrue(Files.exists(folder.resolve("target.mv.db")));
        assertEquals(before, sha256(source), "the source is byte for byte as it was");
        RunFolder run = fixture.wizard.runProperty().get();
        for (String step : steps) {
            assertTrue(run.state().of(step).finished(), step + " is " + run.state().of(step).label());
        }
        String sourceFingerprint = run.sourceFingerprint();
        assertTrue(sourceFingerprint.contains("production"), sourceFingerprint);
        assertTrue(run.journal().entries().stream().filter(e -> e.event() == JournalEvent.STEP_STARTED)
                .allMatch(e -> sourceFingerprint.equals(e.get("source.fingerprint"))));
    }

    @Test
    void aTargetThatAppearedMeanwhileIsRefusedWithTheEnginesMessageWhatItLeftAndWhatToDo() throws Exception {
        WizardFixture fixture = WizardFixture.cloning(Dbms.SQLSERVER, folder, Background.direct());
        CloneViewModel model = new CloneViewModel(fixture.wizard, fixture.item("backup-database"));
        model.reload();
        Files.writeString(folder.resolve("target.mv.db"), "someone else's");

        model.start();

        assertFalse(model.failureProperty().get().isEmpty());
        assertTrue(model.failureProperty().get().contains("target"), model.failureProperty().get());
        assertEquals("nothing was changed", model.leftProperty().get());
        assertTrue(model.adviceProperty().get().startsWith("Nothing was changed. Correct what the check names"),
                model.adviceProperty().get());
        assertTrue(model.rows().stream().anyMatch(r -> r.statusProperty().get().equals("refused by its check")),
                model.rows().stream().map(r -> r.statusProperty().get()).toList().toString());
        assertEquals("waiting", model.rows().get(0).statusProperty().get(), "the backup never ran: checks come first");
        assertTrue(model.canRunProperty().get(), "Run is offered again");
        assertEquals("someone else's", Files.readString(folder.resolve("target.mv.db")));
    }

    @Test
    void cancelDuringTheCopyStopsItSaysWhatItLeftAndRunOffersToStartAgain() throws Exception {
        // The status bar's progress is where Escape's cancel lands: here it cancels at the first report.
        WizardFixture fixture = WizardFixture.cloning(Dbms.SQLSERVER, folder, cancellingAtFirstProgress());
        CloneViewModel model = new CloneViewModel(fixture.wizard, fixture.item("backup-database"));
        model.reload();

        model.start();

        RunFolder run = fixture.wizard.runProperty().get();
        assertTrue(model.adviceProperty().get().startsWith("Run again when ready"), model.failureProperty().get()
                + " / " + model.adviceProperty().get());
        assertFalse(model.leftProperty().get().isEmpty());
        assertFalse(run.state().of("backup-database").finished());
        JournalEntry last = run.state().lastEntry("backup-database");
        assertEquals("true", last.get("cancelled"), last.data().toString());
        assertFalse(Files.exists(folder.resolve("target.mv.db")));
        assertTrue(model.canRunProperty().get());
    }

    @Test
    void withoutASourceTheStepStaysManual() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        CloneViewModel model = new CloneViewModel(fixture.wizard, fixture.item("backup-database"));
        model.reload();

        assertFalse(model.automaticProperty().get());
        assertTrue(model.rows().isEmpty());
        assertFalse(model.canRunProperty().get());
        assertTrue(model.canMarkProperty().get(), "Done by DBA is offered");
    }

    @Test
    void theElapsedAndEstimatedTimeFollowTheFractionTheActionReports() {
        CloneActionRow row = new CloneActionRow("restore-database", "3. Restore", "RESTORE …", false);
        java.time.Instant start = java.time.Instant.parse("2026-12-02T01:00:00Z");
        row.start(start);
        assertEquals("elapsed 0:00 · no estimate yet", row.timingProperty().get());
        row.progress("restored", 25, 100, start.plusSeconds(30));
        assertEquals(0.25, row.progressProperty().get());
        assertEquals("running: 25 % · restored", row.statusProperty().get());
        assertEquals("elapsed 0:30 · about 1:30 left", row.timingProperty().get());
        row.progress("12 MB written", 0, 0, start.plusSeconds(40));
        assertEquals(0.25, row.progressProperty().get(), "no fraction: the bar stays where it was");
        row.finish("done");
        row.tick(start.plus(Duration.ofMinutes(61)).plusSeconds(5));
        assertEquals("took 1:01:05", row.timingProperty().get());
    }

    @Test
    void theLogKeepsTheLastLinesOnly() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        CloneViewModel model = new CloneViewModel(fixture.wizard, fixture.item("backup-database"));
        for (int i = 0; i < CloneViewModel.LOG_LINES + 20; i++) {
            model.appendForTest("line " + i);
        }
        assertEquals(CloneViewModel.LOG_LINES, model.log().size());
        assertEquals("line 20", model.log().get(0));
    }

    private static Background cancellingAtFirstProgress() {
        return new Background() {
            @Override
            public <T> Job run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
                CancelToken token = new CancelToken();
                ProgressListener cancelling = (message, done, total) -> {
                    if (title.startsWith("Cloning")) {
                        token.cancel();
                    }
                };
                try {
                    onDone.accept(work.call(cancelling, token));
                } catch (Exception e) {
                    onFailed.accept(e);
                }
                return token::cancel;
            }
        };
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
