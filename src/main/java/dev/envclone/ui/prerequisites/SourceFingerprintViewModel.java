package dev.envclone.ui.prerequisites;

import dev.envclone.db.CancelToken;
import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.db.TargetUrl;
import dev.envclone.run.GuardException;
import dev.envclone.run.JournalEntry;
import dev.envclone.run.RunFolder;
import dev.envclone.ui.WizardViewModel;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The prerequisites page's Source database: a connection to the source (the password only in memory), Test, which
 * reads its fingerprint read-only and says whether it can be this run's source, and Record, which journals that
 * fingerprint into the run, so that the guards refuse the source as the target from then on. The connection starts
 * as the plan page's source connection, where one was given; editing it here changes only this panel.
 */
public final class SourceFingerprintViewModel {
    static final String PASSWORD_ADVICE = "type it in the source's Password field instead";

    private final WizardViewModel wizard;
    private final Consumer<String> recorded;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper urlMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper resultOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasSource = new ReadOnlyBooleanWrapper(false);
    /** The fingerprint the last Test read and found fit to record; null otherwise (and after any edit). */
    private final ReadOnlyObjectWrapper<String> tested = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canTest;
    private final BooleanBinding canRecord;

    /** @param recorded told the fingerprint once it is in the journal (the page's finding then says so) */
    SourceFingerprintViewModel(WizardViewModel wizard, Consumer<String> recorded) {
        this.wizard = wizard;
        this.recorded = recorded;
        url.set(orEmpty(wizard.sourceUrlProperty().get()));
        user.set(orEmpty(wizard.sourceUserProperty().get()));
        password.set(orEmpty(wizard.sourcePasswordProperty().get()));
        urlMessage.set(problem(url.get()));
        url.addListener((o, a, b) -> {
            urlMessage.set(problem(b));
            edited();
        });
        user.addListener((o, a, b) -> edited());
        password.addListener((o, a, b) -> edited());
        canTest = Bindings.createBooleanBinding(() -> !busy.get() && !url.get().isBlank()
                && urlMessage.get().isEmpty(), busy, url, urlMessage);
        canRecord = Bindings.createBooleanBinding(() -> !busy.get() && tested.get() != null && !hasSource.get(),
                busy, tested, hasSource);
        reload();
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    /** Typed for this session; never written anywhere. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** What is wrong with the URL as typed (a password in it, say), or "". */
    public ReadOnlyStringProperty urlMessageProperty() {
        return urlMessage.getReadOnlyProperty();
    }

    /** What the last Test or Record said. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resultOkProperty() {
        return resultOk.getReadOnlyProperty();
    }

    /** The run's source fingerprint in words: none, given when the run was made, or recorded (by whom, when). */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canTestProperty() {
        return canTest;
    }

    /** Record is offered after a Test that read a fingerprint fit to record, while the run has none. */
    public BooleanBinding canRecordProperty() {
        return canRecord;
    }

    /** Connects to the source read-only in a background job and says what it read: see {@link #resultProperty}. */
    public void test() {
        RunFolder run = wizard.runProperty().get();
        if (run == null) {
            say(false, "No run yet: accept the plan first.");
            return;
        }
        if (!canTest.get()) {
            say(false, url.get().isBlank() ? "Give the source's JDBC URL first." : urlMessage.get());
            return;
        }
        tested.set(null);
        busy.set(true);
        say(false, "Reading the source …");
        SourceProbe probe = new SourceProbe(run, url.get(), user.get(), password.get().toCharArray(),
                wizard.targetUrlProperty().get());
        // Escape cancels it (the window's status bar shows it under way); a read cut short shows nothing.
        wizard.background().run("Reading the source's fingerprint", probe::run, outcome -> {
            busy.set(false);
            tested.set(outcome.fingerprint());
            say(outcome.ok(), outcome.text());
        }, failed -> {
            busy.set(false);
            say(false, failed instanceof CancelToken.CancelledException ? "Test cancelled: nothing was read."
                    : "The test stopped: " + ConnectionFailure.text(failed));
        });
    }

    /** Journals the tested fingerprint as the run's source's, in a background job (where the journal is written). */
    public void record() {
        RunFolder run = wizard.runProperty().get();
        String fingerprint = tested.get();
        if (run == null || fingerprint == null || !canRecord.get()) {
            return;
        }
        busy.set(true);
        String from = JdbcUrlTarget.withoutSecrets(url.get().strip());
        String operator = wizard.operatorProperty().get();
        wizard.background().run("Recording the source's fingerprint",
                (progress, cancel) -> run.recordSourceFingerprint(fingerprint, from, operator), written -> {
                    busy.set(false);
                    tested.set(null);
                    reload();
                    say(true, "Recorded: from now on the run refuses " + fingerprint + " as its target.");
                    recorded.accept(fingerprint);
                }, failed -> {
                    busy.set(false);
                    tested.set(null);
                    reload();
                    say(false, "Not recorded: " + (failed instanceof GuardException ? failed.getMessage()
                            : ConnectionFailure.text(failed)));
                });
    }

    /** Reads the run's source fingerprint again (the page was shown, a job wrote to the journal). */
    public void reload() {
        RunFolder run = wizard.runProperty().get();
        String known = run == null ? null : run.sourceFingerprint();
        hasSource.set(known != null);
        if (known == null) {
            state.set("This run has no source fingerprint: test the source and record it, so that the run refuses "
                    + "the source as its target.");
            return;
        }
        JournalEntry entry = run.sourceFingerprintRecorded();
        state.set(entry != null && known.equals(entry.get("fingerprint"))
                ? "Recorded in this run: " + known + " (by " + dev.envclone.ui.manual.StepMarks.who(entry) + ")."
                : "This run's source: " + known + " (given when the run was made).");
    }

    private void edited() {
        // A fingerprint is recorded only as read from the connection shown.
        tested.set(null);
    }

    private void say(boolean ok, String text) {
        resultOk.set(ok);
        result.set(text);
    }

    private static String problem(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String problem = TargetUrl.problem("source JDBC URL", value.strip(), PASSWORD_ADVICE);
        return problem == null ? "" : problem;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
